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

  it('says how many on-call agents the slow hours need, when, at what cost, and how many are on call', () => {
    const withStandby = parseConfig({
      budget: 1000,
      pools: [
        { id: 'inhouse', kind: 'in_house', cost_per_hour: 50 },
        { id: 'oncall', kind: 'standby', cost_per_hour: 60, retainer_per_hour: 5, night_premium: 0.5 },
      ],
    });
    const slow = roster(0);
    slow.hourly[0].on_call = 2;
    slow.hourly[1].on_call = 0;
    // 2.1 and 0.7 staff to call in: 3 and 1 agents, both night hours (00:00-08:00): 4 x 60 x 1.5.
    const [a] = planAlerts(slow, withStandby, { ...facts, asaSeconds: [300, 90], callIn: [2.1, 0.7] });
    expect(a.message).toContain('about 3 more agents at 2026-11-30T00:00, 4 agent-hours in all');
    expect(a.message).toContain('from pool oncall, about 360 CNY at its call-in rate');
    expect(a.message).toContain('the planned on-call shifts hold 2 of those agent-hours');
    // No standby pool: the message says to plan one.
    const [b] = planAlerts(slow, config, { ...facts, asaSeconds: [300, 90], callIn: [2.1, 0.7] });
    expect(b.message).toMatch(/no standby pool is planned/);
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

  it('raises over_budget on an infeasible plan too, and none of the alerts about its roster', () => {
    const infeasible = { ...roster(5, { night_coverage: 0, outsourced_share: 0.9 }), status: 'infeasible' as const };
    expect(kinds(planAlerts(infeasible, config, { ...facts, asaSeconds: [3600, 3600], fullCoverageCost: 1101 }))).toEqual(['over_budget']);
    expect(planAlerts(infeasible, config, { ...facts, fullCoverageCost: 1100 })).toEqual([]);
  });

  it("proposes the remedy's outsourced share, vendor split and service in the over_budget message", () => {
    const remedy = { share: 0.75, cost: 990, split: { a: 0.333, b: 0.667 }, serviceLevel: 0.91 };
    const [a] = planAlerts(roster(0), config, { ...facts, fullCoverageCost: 1400, remedy });
    expect(a.message).toBe(
      'Covering every hour fully would cost at least 1,400 CNY, 40.0% over the budget of 1,000 CNY: raise max_outsourced_share to 0.75: ' +
        're-solved, covering every hour then costs 990 CNY (a 33.3%, b 66.7% of outsourced hours), answering 91.0% within 15 s.',
    );
    const none = planAlerts(roster(0), config, { ...facts, fullCoverageCost: 1400, remedy: { ...remedy, share: null, cost: 1200 } });
    expect(none[0].message).toMatch(
      /no outsourced share brings it within budget \(re-solved with outsourcing uncapped, it costs 1,200 CNY\)/,
    );
  });

  it('flags a pool whose quality rate exceeds 15%, naming the pool and the rate, quiet at exactly 15%', () => {
    const pools = (quality: Record<string, number>) => [
      { id: 'inhouse', kind: 'in_house', cost_per_hour: 50 },
      { id: 'vendor', kind: 'outsourced', cost_per_hour: 38, quality },
    ];
    const at = parseConfig({ budget: 1000, pools: pools({ bad_review_rate: 0.15, repeat_complaint_rate: 0.15 }) });
    expect(planAlerts(roster(0), at, facts)).toEqual([]);
    const over = parseConfig({ budget: 1000, pools: pools({ bad_review_rate: 0.1, repeat_complaint_rate: 0.151 }) });
    const [a] = planAlerts({ ...roster(0), status: 'infeasible' }, over, facts);
    expect(a).toMatchObject({ kind: 'quality_over', severity: 'warning', hours: [], value: 0.151, threshold: 0.15 });
    expect(a.message).toBe("Pool vendor's repeat_complaint_rate of 15.1% exceeds 15.0%: review that pool.");
    const strict = parseConfig({ budget: 1000, pools: pools({ bad_review_rate: 0.1 }), alerts: { max_quality_rate: 0.05 } });
    expect(kinds(planAlerts(roster(0), strict, facts))).toEqual(['quality_over']);
  });
});
