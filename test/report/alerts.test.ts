import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/io/config.js';
import { planAlerts } from '../../src/report/alerts.js';
import type { Roster } from '../../src/roster/types.js';

/** A two-hour roster: hour 0 fully staffed, hour 1 short by `short` of its 10 staff. */
function roster(short: number, kpis: Partial<Roster['kpis']> = {}): Roster {
  return {
    status: 'optimal',
    week_start: '2026-11-30T00:00',
    shifts: [],
    tours: [],
    hourly: [
      { timestamp: '2026-11-30T00:00', staff_needed: 10, staffed: 10, shortfall: 0 },
      { timestamp: '2026-11-30T01:00', staff_needed: 10, staffed: 10 - short, shortfall: short },
    ],
    cost: { total: 1000, by_pool: {}, shortfall_penalty: 0 },
    kpis: { outsourced_share: 0.3, night_coverage: 0.95, coverage: 1, budget_used: 0.5, ...kpis },
    solver: { name: 'highs', seconds: 0, objective: 0, bound: 0, gap: 0 },
    shadow_prices: [],
    explanation: '',
  };
}
const facts = { asaSeconds: [10, 10], fullCoverageCost: 1000, currency: 'CNY' };
const kinds = (alerts: { kind: string }[]) => alerts.map((a) => a.kind);

describe('plan alerts (SPEC section 3, Alerts)', () => {
  const config = parseConfig({ budget: 1000, max_outsourced_share: 0.45 });

  it('raises none for a roster within every threshold', () => {
    expect(planAlerts(roster(0), config, facts)).toEqual([]);
  });

  it('flags hours whose ASA exceeds 60 s by default, naming them, as critical', () => {
    const [a] = planAlerts(roster(0), config, { ...facts, asaSeconds: [61, 10] });
    expect(a).toMatchObject({ kind: 'asa_over_limit', severity: 'critical', hours: ['2026-11-30T00:00'], threshold: 60 });
    expect(a.message).toMatch(/standby pool/);
  });

  it('flags a full-coverage cost more than 10% over budget, not 10% itself', () => {
    expect(planAlerts(roster(0), config, { ...facts, fullCoverageCost: 1100 })).toEqual([]);
    expect(planAlerts(roster(0), config, { ...facts, fullCoverageCost: 1101 })[0]).toMatchObject({
      kind: 'over_budget',
      severity: 'critical',
    });
  });

  it('flags an outsourced share over its cap, and night coverage under 85%', () => {
    expect(kinds(planAlerts(roster(0, { outsourced_share: 0.46, night_coverage: 0.84 }), config, facts))).toEqual([
      'outsourced_share_over',
      'night_coverage_under',
    ]);
  });

  it('flags hours short of more than 15% of their need', () => {
    expect(planAlerts(roster(1.5), config, facts)).toEqual([]);
    expect(planAlerts(roster(1.6), config, facts)[0]).toMatchObject({ kind: 'shortfall_over', hours: ['2026-11-30T01:00'] });
  });

  it('uses the thresholds configured under alerts', () => {
    const strict = parseConfig({
      budget: 1000,
      alerts: { max_asa_seconds: 5, budget_tolerance: 0, min_night_coverage: 0.99, max_shortfall_share: 0.05 },
    });
    expect(kinds(planAlerts(roster(1), strict, { ...facts, fullCoverageCost: 1001 }))).toEqual([
      'asa_over_limit',
      'over_budget',
      'night_coverage_under',
      'shortfall_over',
    ]);
  });
});
