import { describe, expect, it } from 'vitest';
import { type DemandHour, hourProjection, projectService } from '../../src/intraday/projectService.js';
import { deliveredService } from '../../src/staffing/delivered.js';
import { TARGET } from './dayFixture.js';

const hour = (handled: number, over: Partial<DemandHour> = {}): DemandHour => ({
  handled,
  ahtSeconds: 180,
  concurrency: 1,
  target: TARGET,
  ...over,
});

describe('hourProjection', () => {
  it('is the plan’s Erlang model for a stable hour without backlog', () => {
    const p = hourProjection(hour(200), 14, 0);
    const d = deliveredService(14, 200, 180, TARGET);
    expect(p.serviceLevel).toBeCloseTo(d.serviceLevel, 12);
    expect(p.asaSeconds).toBeCloseTo(d.asaSeconds, 12);
    expect(p.backlogOut).toBe(0);
  });

  it('gives an overloaded hour a finite ASA and carries the contacts not answered', () => {
    // 200 contacts of 180 s with 9 agents: capacity 180 an hour, 20 left waiting.
    const p = hourProjection(hour(200), 9, 0);
    expect(Number.isFinite(p.asaSeconds)).toBe(true);
    expect(p.asaSeconds).toBeGreaterThan(60);
    expect(p.serviceLevel).toBe(0);
    expect(p.backlogOut).toBeCloseTo(20, 9);
  });

  it('keeps an hour with no agent finite and carries all its contacts', () => {
    const p = hourProjection(hour(50), 0, 10);
    expect(Number.isFinite(p.asaSeconds)).toBe(true);
    expect(p.backlogOut).toBeCloseTo(60, 9);
    expect(p.serviceLevel).toBe(0);
  });

  it('never looks better with fewer agents or more backlog', () => {
    for (const backlog of [0, 5, 30]) {
      let last = hourProjection(hour(200), 0, backlog);
      for (let n = 1; n <= 20; n++) {
        const p = hourProjection(hour(200), n, backlog);
        expect(p.asaSeconds).toBeLessThanOrEqual(last.asaSeconds + 1e-9);
        expect(p.serviceLevel).toBeGreaterThanOrEqual(last.serviceLevel - 1e-12);
        expect(p.serviceLevel).toBeLessThanOrEqual(1);
        expect(p.backlogOut).toBeLessThanOrEqual(last.backlogOut);
        last = p;
      }
    }
    expect(hourProjection(hour(200), 14, 10).asaSeconds).toBeGreaterThan(hourProjection(hour(200), 14, 0).asaSeconds);
  });

  it('carries nothing when callers hang up (Erlang A counts them)', () => {
    const p = hourProjection(hour(200, { target: { ...TARGET, patience_seconds: 120 } }), 8, 0);
    expect(p.backlogOut).toBe(0);
    expect(Number.isFinite(p.asaSeconds)).toBe(true);
  });
});

describe('projectService', () => {
  it('carries the backlog of an overloaded hour into the next one', () => {
    const demand = [hour(200), hour(200)];
    const overloaded = projectService(demand, [8, 14]);
    const staffed = projectService(demand, [14, 14]);
    expect(overloaded[1].backlogIn).toBeCloseTo(40, 9);
    expect(overloaded[1].asaSeconds).toBeGreaterThan(staffed[1].asaSeconds + 60);
    expect(overloaded[1].serviceLevel).toBeLessThan(staffed[1].serviceLevel);
    expect(staffed[1].backlogIn).toBe(0);
  });

  it('projects again from a change the same as from scratch', () => {
    const demand = [180, 220, 240, 200, 150, 100].map((c) => hour(c));
    const before = projectService(demand, [12, 12, 12, 12, 12, 12]);
    const agents = [12, 9, 12, 12, 12, 12];
    const again = projectService(demand, agents, { hours: before, change: { from: 1, until: 1 } });
    expect(again).toEqual(projectService(demand, agents));
  });
});
