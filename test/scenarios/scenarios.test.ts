import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/io/config.js';
import { requirementsFor } from '../../src/staffing/requirements.js';
import { weekHours } from '../../src/domain/time.js';
import { tradeoffPoints } from '../../src/scenarios/tradeoffPage.js';
import { runScenarios } from '../../src/scenarios/run.js';
import { withFrontier } from '../../src/scenarios/frontier.js';
import { grid, parseVary } from '../../src/scenarios/vary.js';
import type { ScenarioBase } from '../../src/scenarios/types.js';
import { realisticWeek } from '../roster/weekShape.js';

/** A small week (peak about 12 staff), one pool with three start hours: each solve takes well under a second. */
function smallBase(): ScenarioBase {
  const config = parseConfig({
    week_start: '2026-11-30',
    budget: null,
    min_coverage: 0.8,
    night: { min_coverage: 0.8 },
    max_outsourced_share: null,
    pools: [{ id: 'inhouse', kind: 'in_house', cost_per_hour: 50, shift_lengths: [8], start_hours: [0, 8, 16] }],
    solver: { time_limit_seconds: 20, mip_rel_gap: 0 },
  });
  const hours = weekHours('2026-11-30', config.timezone);
  const demand = realisticWeek(60).map((h, i) => ({ t: hours[i], contacts: h.staffNeeded * 10, lo80: 0, hi80: 0 }));
  const needs = requirementsFor(demand, config, []).map((r) => ({ t: r.t, staffNeeded: r.staffNeeded }));
  return { config, weekStart: '2026-11-30', withOffset: false, needs, demand, events: [] };
}

describe('the scenario grid', () => {
  it('parses a:b:n ranges and comma lists, and makes every combination', () => {
    expect(parseVary('budget=1000:2000:3')).toEqual({ field: 'budget', values: [1000, 1500, 2000] });
    expect(parseVary('pools.vendor.max_agents=250,300').values).toEqual([250, 300]);
    expect(grid([parseVary('budget=1,2'), parseVary('min_coverage=0.9,0.95')])).toEqual([
      { budget: 1, min_coverage: 0.9 },
      { budget: 1, min_coverage: 0.95 },
      { budget: 2, min_coverage: 0.9 },
      { budget: 2, min_coverage: 0.95 },
    ]);
    expect(() => parseVary('shrinkage=0.3')).toThrow(/FIELD=VALUES/);
    expect(() => parseVary('budget=1:x:3')).toThrow(/a:b:n/);
  });

  it('never gives more shortfall for more budget, and its frontier costs more for more service (worker threads)', async () => {
    const result = await runScenarios(smallBase(), [parseVary('budget=82000:102000:5')], { threads: 2 });
    const solved = result.points.filter((p) => p.status !== 'infeasible');
    expect(solved.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < solved.length; i++)
      expect(solved[i].shortfall_staff_hours!).toBeLessThanOrEqual(solved[i - 1].shortfall_staff_hours! + 1e-6);
    const frontier = result.points.filter((p) => p.pareto).sort((a, b) => a.service_level! - b.service_level!);
    expect(frontier.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < frontier.length; i++) expect(frontier[i].cost.total!).toBeGreaterThanOrEqual(frontier[i - 1].cost.total!);
    expect(result.marginal_cost_per_service_level_point).toBeGreaterThan(0);
    for (const p of solved) expect(p).toMatchObject({ cost: { by_pool: { inhouse: p.cost.total } } });
  });

  it('recomputes the staff needed when a service target varies', async () => {
    const result = await runScenarios(smallBase(), [parseVary('service.service_level=0.6,0.9')], { threads: 1 });
    const [low, high] = result.points;
    expect(high.cost.total!).toBeGreaterThan(low.cost.total!);
    expect(high.service_level!).toBeGreaterThan(low.service_level!);
  });

  it('marks the points no other point beats on both cost and service level', () => {
    const point = (cost: number, service_level: number) => ({
      set: {},
      status: 'optimal' as const,
      cost: { total: cost, by_pool: {} },
      shortfall_staff_hours: 0,
      service_level,
      asa_seconds: 1,
      outsourced_share: 0,
      cost_per_handled_contact: 1,
    });
    const result = withFrontier([point(100, 0.8), point(120, 0.9), point(130, 0.85), point(150, 0.95)]);
    expect(result.points.map((p) => p.pareto)).toEqual([true, true, false, true]);
    expect(result.points.map((p) => p.marginal_cost_per_service_level_point)).toEqual([2, 6, null, null]);
    expect(result.marginal_cost_per_service_level_point).toBeCloseTo(50 / 15, 2);
  });
});

describe('the trade-off chart of a grid', () => {
  it('draws the points that have both a cost and a service level, keeping their frontier mark', () => {
    const point = (cost: number | null, service_level: number | null, pareto: boolean) => ({
      set: {},
      status: 'optimal' as const,
      cost: { total: cost, by_pool: {} },
      shortfall_staff_hours: 0,
      service_level,
      asa_seconds: 1,
      outsourced_share: 0,
      cost_per_handled_contact: 1,
      pareto,
      marginal_cost_per_service_level_point: null,
    });
    const result = {
      points: [point(100, 0.8, true), point(null, null, false), point(120, null, false)],
      marginal_cost_per_service_level_point: null,
    };
    expect(tradeoffPoints(result)).toEqual([{ cost: 100, serviceLevel: 0.8, pareto: true }]);
  });
});
