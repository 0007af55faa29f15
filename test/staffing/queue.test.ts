import { describe, expect, it } from 'vitest';
import { idleMetrics, loadErlangs } from '../../src/staffing/queue.js';

describe('loadErlangs', () => {
  it('is contacts per hour x handle time in seconds / 3600', () => {
    expect(loadErlangs(3600, 1)).toBe(1);
    expect(loadErlangs(120, 300)).toBe(10);
    expect(loadErlangs(100, 180)).toBe(5);
    expect(loadErlangs(45, 240)).toBe(3);
  });

  it('is zero with no arrivals or no handle time', () => {
    expect(loadErlangs(0, 300)).toBe(0);
    expect(loadErlangs(100, 0)).toBe(0);
  });

  it('grows in proportion to each argument', () => {
    expect(loadErlangs(200, 300)).toBeCloseTo(2 * loadErlangs(100, 300), 12);
    expect(loadErlangs(100, 600)).toBeCloseTo(2 * loadErlangs(100, 300), 12);
  });
});

describe('idleMetrics', () => {
  it('is a queue nobody waits in: full service, no wait, no abandonment, idle agents, stable', () => {
    expect(idleMetrics()).toEqual({
      loadErlangs: 0,
      pWait: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      abandonRate: 0,
      occupancy: 0,
      stable: true,
    });
  });

  it('is a fresh object each time, so a caller may change it', () => {
    const a = idleMetrics();
    a.serviceLevel = 0;
    expect(idleMetrics().serviceLevel).toBe(1);
  });
});
