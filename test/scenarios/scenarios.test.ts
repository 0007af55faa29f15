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
import { inputErrorAsync } from '../support/inputError.js';

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

  it('marks the points no other point beats on both cost and shortfall when no point has a service level', () => {
    const point = (cost: number | null, shortfall: number | null) => ({
      set: {},
      status: cost === null ? ('infeasible' as const) : ('optimal' as const),
      cost: { total: cost, by_pool: {} },
      shortfall_staff_hours: shortfall,
      service_level: null,
      asa_seconds: null,
      outsourced_share: 0,
      cost_per_handled_contact: null,
    });
    // (110, 12) is beaten by (100, 10); (130, 0) by (120, 0); the infeasible point is never on it.
    const result = withFrontier([point(100, 10), point(120, 0), point(110, 12), point(130, 0), point(null, null), point(90, 30)]);
    expect(result.points.map((p) => p.pareto)).toEqual([true, true, false, false, false, true]);
    expect(result.points.every((p) => p.marginal_cost_per_service_level_point === null)).toBe(true);
    expect(result.marginal_cost_per_service_level_point).toBeNull();
  });
});

/**
 * A tiny base: one pool at 10 an hour, 8-hour shifts from 00:00, 08:00 and 16:00, no night premium,
 * half of every hour's need as the floor. With `contacts` (per hour, before bot deflection) the
 * needs come from them; else a flat 2 staff an hour and no demand. Full cover of 2 an hour costs
 * 2 x 168 x 10 = 3360; the floor of 1 an hour costs 1680.
 */
function tinyBase(o: { budget?: number | null; contacts?: number } = {}): ScenarioBase {
  const config = parseConfig({
    week_start: '2026-11-30',
    budget: o.budget ?? null,
    max_outsourced_share: null,
    min_coverage: 0.5,
    night: { min_coverage: 0.5 },
    demand: { bot_deflection: 0.5 },
    pools: [{ id: 'inhouse', kind: 'in_house', cost_per_hour: 10, shift_lengths: [8], start_hours: [0, 8, 16] }],
    solver: { time_limit_seconds: 20, mip_rel_gap: 0 },
  });
  const hours = weekHours('2026-11-30', config.timezone);
  const demand = o.contacts === undefined ? null : hours.map((t) => ({ t, contacts: o.contacts!, lo80: 0, hi80: 0 }));
  const needs = demand ? requirementsFor(demand, config, []) : hours.map((t) => ({ t, staffNeeded: 2 }));
  return { config, weekStart: '2026-11-30', withOffset: false, needs, demand, events: [] };
}

describe('scenarios asking for no limit', () => {
  it('solves a null budget as no budget, and shows null in the point', async () => {
    // The base budget pays only the floor: 1 an hour, 168 staff-hours short.
    const result = await runScenarios(tinyBase({ budget: 1680 }), [parseVary('budget=1680,null')], { threads: 1 });
    expect(result.points.map((p) => [p.set, p.cost.total, p.shortfall_staff_hours])).toEqual([
      [{ budget: 1680 }, 1680, 168],
      [{ budget: null }, 3360, 0],
    ]);
    expect(JSON.stringify(result.points[1].set)).toBe('{"budget":null}');
  });
});

describe('scenarios without contacts', () => {
  it('judge the frontier on cost against shortfall; infeasible points are never on it', async () => {
    const result = await runScenarios(tinyBase(), [parseVary('budget=1000,1680,null')], { threads: 1 });
    expect(result.points.map((p) => [p.status, p.cost.total, p.shortfall_staff_hours, p.service_level, p.pareto])).toEqual([
      ['infeasible', null, null, null, false],
      ['optimal', 1680, 168, null, true],
      ['optimal', 3360, 0, null, true],
    ]);
    expect(result.marginal_cost_per_service_level_point).toBeNull();
  });

  it('refuse to vary the demand, saying why', async () => {
    const e = await inputErrorAsync(() => runScenarios(tinyBase(), [parseVary('demand.bot_deflection=0.7,0.8')]));
    expect(e.location).toEqual({ file: 'requirements.csv', field: 'contacts' });
    expect(e.message).toMatch(/varying demand\.bot_deflection recomputes the staff needs from the contacts per hour/);
  });
});

describe('scenarios varying the demand', () => {
  it('recompute the needs from the contacts before deflection: more deflection never costs more', async () => {
    const base = tinyBase({ contacts: 60 });
    const result = await runScenarios(base, [parseVary('demand.bot_deflection=0.3,0.5,0.9')], { threads: 1 });
    const [low, same, high] = result.points;
    // At the base's own deflection the recomputed needs are the base's: the demand was not deflected twice.
    const [plain] = (await runScenarios(base, [parseVary('budget=null')], { threads: 1 })).points;
    expect(same.cost.total).toBe(plain.cost.total);
    expect(low.cost.total!).toBeGreaterThanOrEqual(same.cost.total!);
    expect(same.cost.total!).toBeGreaterThan(high.cost.total!);
    // 60 contacts an hour, 90% deflected: 6 x 168 = 1008 handled.
    expect(high.cost_per_handled_contact).toBeCloseTo(high.cost.total! / 1008, 4);
  });

  it('refuse demand.aht_seconds when every hour has its own handle time', async () => {
    const base = tinyBase({ contacts: 60 });
    const timed = { ...base, demand: base.demand!.map((p) => ({ ...p, ahtSeconds: 200 })) };
    const e = await inputErrorAsync(() => runScenarios(timed, [parseVary('demand.aht_seconds=200,300')]));
    expect(e.location.field).toBe('--vary demand.aht_seconds');
    expect(e.message).toMatch(/every hour of the demand has its own handle time/);
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
