import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/io/config.js';
import { formatTimestamp, weekHours } from '../../src/domain/time.js';
import { buildRosterProblem } from '../../src/roster/problem.js';
import { buildRosterModel } from '../../src/roster/model/model.js';
import { roundingCuts } from '../../src/roster/model/cuts.js';
import { assembleRoster } from '../../src/roster/solve/assemble.js';
import { solveRoster } from '../../src/roster/solve/solve.js';
import { bestEffortRoster } from '../../src/roster/solve/bestEffort.js';
import { shadowPrices } from '../../src/roster/explain/shadowPrices.js';
import { verifyRoster } from '../../src/roster/verify.js';
import { roundAndRepair } from '../../src/roster/solve/heuristic.js';
import { fullCoverageCost, fullCoverageProblem } from '../../src/roster/explain/fullCoverage.js';
import type { Roster, RosterProblem } from '../../src/roster/types.js';
import { type PoolInput, plainConfig } from './helpers.js';
import { REALISTIC_POOLS, realisticWeek } from './weekShape.js';
import { solveWithHighs } from '../../src/roster/solve/highs.js';
import { allocate, startVector } from '../../src/roster/solve/startVector.js';
import { RosterState } from '../../src/roster/solve/rosterState.js';
import { mergeSplits } from '../../src/roster/model/dominance.js';
import type { LinearRow } from '../../src/roster/model/lpFormat.js';
import { roundTo } from '../../src/domain/round.js';
import { relaxRoster } from '../../src/roster/solve/relaxation.js';

/** A roster problem whose needs come per tier: `need(slot, hour)` gives { tier: staff needed }. */
function tierProblem(config: Record<string, unknown>, need: (slot: number, hour: number) => Record<string, number>): RosterProblem {
  const parsed = parseConfig({ week_start: '2026-11-30', timezone: 'Asia/Shanghai', ...config });
  const hours = weekHours(parsed.week_start!, parsed.timezone, 1);
  const needs = hours.map((t, i) => {
    const byTier = need(i, Number(formatTimestamp(t, parsed.timezone).slice(11, 13)));
    const tiers = Object.entries(byTier).map(([tier, staffNeeded]) => ({ tier, staffNeeded }));
    return { t, staffNeeded: tiers.reduce((a, x) => a + x.staffNeeded, 0), tiers };
  });
  return buildRosterProblem(needs, parsed, parsed.week_start!, false, 1);
}

// Weekdays 08:00-16:00: general 3.5, senior 1.5 (floors 95%). One 8-hour shift a day from 08:00.
const weekday = (slot: number, hour: number) => Math.floor(slot / 24) < 5 && hour >= 8 && hour < 16;
const need = (general: number, senior: number) => (slot: number, hour: number) =>
  weekday(slot, hour) ? { general, senior } : { general: 0, senior: 0 };
const shift = { shift_lengths: [8], start_hours: [8], night_premium: 0 };
const inhouse = { id: 'inhouse', kind: 'in_house', cost_per_hour: 10, ...shift, tiers: ['general', 'senior'] };
const vendor = { id: 'vendor', kind: 'outsourced', cost_per_hour: 8, productivity: 0.9, ...shift, tiers: ['general'] };
const week = (
  pools: PoolInput[],
  extra: Record<string, unknown> = {},
  needs: (slot: number, hour: number) => Record<string, number> = need(3.5, 1.5),
) => tierProblem(plainConfig(pools, extra), needs);
const objective = (r: Roster) => r.cost.total + r.cost.shortfall_penalty;
const agentsOf = (r: Roster, pool: string) => r.shifts.filter((s) => s.pool === pool).map((s) => s.agents);
const DAYS = 5;

describe('a two-tier week (general + senior) solved by HiGHS', () => {
  it('meets every tier floor with senior-capable pools, and costs between pooling everything and keeping tiers apart', async () => {
    const problem = week([inhouse, vendor]);
    expect(problem.tiers).toEqual([
      { name: 'general', pools: ['inhouse', 'vendor'] },
      { name: 'senior', pools: ['inhouse'] },
    ]);
    const roster = await solveRoster(problem);
    expect(roster.status).toBe('optimal');
    expect(verifyRoster(problem, roster)).toEqual([]);
    // Per hour: senior (1.5) only from inhouse, so 2 inhouse agents at least. The cheapest hour is
    // 5 inhouse (50): 2 inhouse + 4 vendor cost 52, 4 inhouse + 1 vendor leave 0.1 short (penalty 50).
    expect(agentsOf(roster, 'inhouse')).toEqual(Array(DAYS).fill(5));
    expect(agentsOf(roster, 'vendor')).toEqual([]);
    expect(roster.cost.total).toBe(DAYS * 8 * 50);
    for (const row of roster.hourly.filter((h) => h.staff_needed > 0)) {
      const [general, senior] = row.tiers!;
      expect(senior.staffed).toBeGreaterThanOrEqual(0.95 * 1.5 - 1e-9);
      expect(general.staffed).toBeGreaterThanOrEqual(0.95 * 3.5 - 1e-9);
      expect(row.shortfall).toBe(0);
    }

    // Pooling everything (all pools serve one tier): 6 vendor agents (5.4 staff, 48 an hour).
    const pooled = await solveRoster(
      week(
        [
          { ...inhouse, tiers: undefined },
          { ...vendor, tiers: undefined },
        ],
        {},
        (slot, hour) => ({ general: weekday(slot, hour) ? 5 : 0 }),
      ),
    );
    // Tiers apart: inhouse agents dedicated to one tier all week (two copies of the pool).
    const apart = await solveRoster(
      week([{ ...inhouse, id: 'inhouse_g', tiers: ['general'] }, { ...inhouse, id: 'inhouse_s', tiers: ['senior'] }, vendor]),
    );
    expect(objective(pooled)).toBe(DAYS * 8 * 48);
    expect(objective(apart)).toBe(DAYS * 8 * 52);
    expect(objective(pooled)).toBeLessThanOrEqual(objective(roster));
    expect(objective(roster)).toBeLessThan(objective(apart));
  });

  it('staffs senior need from the only, dearer pool that serves it', async () => {
    // General from the vendor (8 an hour for 0.9) and a general-only inhouse pool; senior only from experts at 20.
    const expert = { id: 'expert', kind: 'in_house', cost_per_hour: 20, ...shift, tiers: ['senior'] };
    const problem = week([{ ...inhouse, tiers: ['general'] }, vendor, expert], {}, need(2.7, 2));
    const roster = await solveRoster(problem);
    expect(roster.status).toBe('optimal');
    expect(verifyRoster(problem, roster)).toEqual([]);
    expect(agentsOf(roster, 'expert')).toEqual(Array(DAYS).fill(2));
    expect(agentsOf(roster, 'vendor')).toEqual(Array(DAYS).fill(3));
    expect(roster.hourly[8].tiers).toEqual([
      { tier: 'general', staff_needed: 2.7, staffed: 2.7, shortfall: 0 },
      { tier: 'senior', staff_needed: 2, staffed: 2, shortfall: 0 },
    ]);
  });

  it('reports the least shortfall a split leaves and the coverage of the tier split', async () => {
    // Floors at 0 and a penalty of 5: shortfall is cheaper than staff, nobody is rostered.
    const problem = week([inhouse, vendor], { min_coverage: 0, shortfall_penalty: 5 });
    const roster = await solveRoster(problem);
    expect(roster.shifts).toEqual([]);
    expect(roster.hourly[8]).toMatchObject({ staffed: 0, shortfall: 5 });
    expect(roster.kpis.coverage).toBe(0);
    expect(roster.cost.shortfall_penalty).toBe(5 * 5 * DAYS * 8);
    expect(verifyRoster(problem, roster)).toEqual([]);
  });

  it('keeps the rounding cuts valid: the optimal roster satisfies every cut', async () => {
    const problem = week([inhouse, vendor], {}, need(2.3, 1.2));
    const model = buildRosterModel(problem);
    expect(model.program.rows.some((r) => r.name.startsWith('floor_senior_'))).toBe(true);
    expect(model.program.rows.some((r) => r.name.startsWith('split_inhouse_'))).toBe(true);
    expect(model.program.rows.some((r) => /^floor_\d+$/.test(r.name))).toBe(false);
    // The best roster's head counts satisfy every cut.
    const roster = await solveRoster(problem);
    expect(verifyRoster(problem, roster)).toEqual([]);
    const heads = new Map<string, number>();
    for (const s of roster.shifts) {
      const start = problem.slots.findIndex((x) => x.label === s.start);
      for (let k = 0; k < s.hours; k++) heads.set(`on_${s.pool}_${start + k}`, (heads.get(`on_${s.pool}_${start + k}`) ?? 0) + s.agents);
    }
    const shorts = new Map<string, number>();
    problem.slots.forEach((_, h) => roster.hourly[h].tiers!.forEach((t) => shorts.set(`short_${t.tier}_${h}`, t.shortfall)));
    for (const cut of roundingCuts(problem, model)) {
      const lhs = cut.terms.reduce((a, t) => a + t.coef * (heads.get(t.variable) ?? shorts.get(t.variable) ?? 0), 0);
      expect(lhs, cut.name).toBeGreaterThanOrEqual(cut.rhs - 1e-6);
    }
  });

  it('prices the tier floors as min_coverage', async () => {
    // The floors bind when the shortfall penalty is tiny: without them nobody would be rostered.
    const problem = week([inhouse, vendor], { shortfall_penalty: 1 });
    const prices = shadowPrices(problem, await relaxRoster(problem), 'CNY');
    const coverage = prices.find((p) => p.rule === 'min_coverage')!;
    expect(coverage.value).toBeGreaterThan(0);
    expect(coverage.text).toContain('The coverage floor binds');
  });
});

describe('tiers and the rest of the roster stage', () => {
  it('gives the untiered objective when every pool serves the one tier with need (one pooled group)', async () => {
    const pools = [
      { ...inhouse, tiers: ['general', 'senior'] },
      { ...vendor, tiers: ['general', 'senior'] },
    ];
    const tiered = week(pools, {}, (s, h) => ({ general: weekday(s, h) ? 5 : 0, senior: 0 }));
    const plain = week(
      pools.map((p) => ({ ...p, tiers: undefined })),
      {},
      (s, h) => ({ general: weekday(s, h) ? 5 : 0 }),
    );
    expect(tiered.tiers).toBeDefined();
    expect(plain.tiers).toBeUndefined();
    expect(buildRosterModel(plain).program.rows.some((r) => /^(split|floor_[a-z])/.test(r.name))).toBe(false);
    const [a, b] = [await solveRoster(tiered), await solveRoster(plain)];
    expect(objective(a)).toBe(objective(b));
    expect(objective(b)).toBe(DAYS * 8 * 48);
    expect(b.hourly[8].tiers).toBeUndefined();
  });

  it('raises every tier floor to its need for full coverage', async () => {
    const problem = week([inhouse, vendor]);
    expect(fullCoverageProblem(problem).slots[8].tiers).toEqual([
      { staffNeeded: 3.5, floor: 3.5 },
      { staffNeeded: 1.5, floor: 1.5 },
    ]);
    // LP bound of full coverage: senior 1.5 from inhouse (15), general 3.5 from the vendor (3.5 / 0.9 x 8).
    expect(fullCoverageCost(await relaxRoster(problem))).toBeCloseTo(DAYS * 8 * (15 + (3.5 / 0.9) * 8), 2);
  });
});

describe('the rounding heuristic and the start vector with tiers', () => {
  const expert = { id: 'expert', kind: 'in_house', cost_per_hour: 20, ...shift, tiers: ['senior'] };
  const { inhouse: bigHouse, vendor: bigVendor, night: bigNight } = REALISTIC_POOLS;
  const peak = realisticWeek(30).map((r) => r.staffNeeded);
  // A realistic week: a fifth of each hour's need senior, taken by in-house day and night pools only.
  const realistic = () =>
    tierProblem(
      plainConfig(
        [
          { ...bigHouse, tiers: ['general', 'senior'] },
          { ...bigVendor, tiers: ['general'] },
          { ...bigNight, tiers: ['general', 'senior'] },
        ],
        { max_outsourced_share: 0.45 },
      ),
      (slot) => ({ general: roundTo(0.8 * peak[slot], 3), senior: roundTo(0.2 * peak[slot], 3) }),
    );
  const weeks: [string, () => RosterProblem][] = [
    ['general + senior from a two-tier pool', () => week([inhouse, vendor])],
    ['senior from a dearer senior-only pool', () => week([{ ...inhouse, tiers: ['general'] }, vendor, expert], {}, need(2.7, 2))],
    ['fractional needs', () => week([inhouse, vendor], {}, need(2.3, 1.2))],
    ['no floors, shortfall cheaper than staff', () => week([inhouse, vendor], { min_coverage: 0, shortfall_penalty: 5 })],
    ['a realistic tiered week', realistic],
  ];

  /** The relaxation as solve.ts rounds it, the heuristic roster and its start vector. */
  async function seed(problem: RosterProblem) {
    const model = buildRosterModel(problem);
    const cuts = roundingCuts(problem, model);
    const program = { ...model.program, rows: [...model.program.rows, ...cuts] };
    // As solveRoster solves it: the plain LP, then the cuts added warm.
    const lp = await solveWithHighs(model.program, { timeLimitSeconds: 60, mipRelGap: 0, relax: true, inThread: true, cuts });
    const heuristic = roundAndRepair(problem, model, lp.values);
    return { model, program, heuristic };
  }
  const holds = (row: LinearRow, x: Map<string, number>) => {
    const v = row.terms.reduce((a, t) => a + t.coef * (x.get(t.variable) ?? Number.NaN), 0);
    return row.sense === '=' ? Math.abs(v - row.rhs) < 1e-7 : row.sense === '>=' ? v >= row.rhs - 1e-7 : v <= row.rhs + 1e-7;
  };

  it.each(weeks)(
    '%s: a roster keeping every rule (tier floors by Hall), a start vector meeting every row, HiGHS no worse',
    async (_, make) => {
      const problem = make();
      const { model, program, heuristic } = await seed(problem);
      expect(heuristic).not.toBeNull();
      const body = assembleRoster(problem, model, mergeSplits(model.merges, heuristic!.counts));
      const roster: Roster = {
        status: 'feasible',
        ...body,
        solver: { name: 'x', seconds: 0, objective: 0, bound: 0, gap: 0 },
        explanation: '',
      };
      expect(verifyRoster(problem, roster)).toEqual([]);
      expect(objective(roster)).toBeCloseTo(heuristic!.objective, 4);

      const x = startVector(problem, model, heuristic!.counts);
      const columns = new Set([...program.objective, ...program.rows.flatMap((r) => r.terms)].map((t) => t.variable));
      for (const c of columns) expect(x.has(c), c).toBe(true);
      for (const r of program.rows) expect(holds(r, x), r.name).toBe(true);
      const startObjective = program.objective.reduce((a, t) => a + t.coef * x.get(t.variable)!, 0);
      expect(startObjective).toBeCloseTo(heuristic!.objective, 4);

      // HiGHS takes it as its first incumbent: stopped at once, it still has (at least) that roster.
      const mip = await solveWithHighs(program, { timeLimitSeconds: 60, mipRelGap: 0.01, start: x, iterationLimit: 1, inThread: true });
      expect(mip.status === 'optimal' || mip.status === 'feasible').toBe(true);
      expect(mip.objective!).toBeLessThanOrEqual(heuristic!.objective + 1e-6);
    },
  );

  it('answers a preview of a tiered week with the heuristic roster, verified', async () => {
    for (const [, make] of [weeks[0], weeks[4]]) {
      const problem = make();
      const roster = await solveRoster(problem, { preview: true, inThread: true });
      expect(roster.solver.name).toBe('highs-preview');
      expect(roster.status).not.toBe('infeasible');
      expect(verifyRoster(problem, roster)).toEqual([]);
      expect(roster.solver.objective).toBeCloseTo((await seed(problem)).heuristic!.objective, 4);
      expect(roster.hourly[12].tiers).toHaveLength(2);
    }
  });

  it('meets a senior floor by senior-capable pools, not by general staff alone', () => {
    // Vendor staff covers the hour's total but not the senior floor: Hall's condition fails.
    const problem = week([inhouse, vendor]);
    const model = buildRosterModel(problem);
    const state = new RosterState(problem, model.decisions);
    const at = (name: string) => model.decisions.findIndex((d) => d.name === name);
    state.add(at('x_vendor_8_8'), 6);
    state.add(at('x_inhouse_8_8'), 1);
    expect(state.meetsFloors()).toBe(false);
    // Monday 08-16 costs 80 + 6 x 64 = 464; its least shortfall an hour is senior's 1.5 - 1 (general
    // has 6.4 staff for 3.5), though the hour's 6.4 staff exceed its need of 5. Other days all 5.
    const penalty = problem.shortfallPenalty;
    expect(state.objective()).toBeCloseTo(464 + penalty * (8 * 0.5 + 4 * 8 * 5), 6);
    state.add(at('x_inhouse_8_8'), 1);
    expect(state.objective()).toBeCloseTo(544 + penalty * 4 * 8 * 5, 6);
    // Hall holds on Monday (senior 2 >= 1.425, all 7.4 >= 4.75), not on the empty days.
    expect(state.meetsFloors()).toBe(false);
    for (const day of [1, 2, 3, 4]) state.add(at(`x_inhouse_${24 * day + 8}_8`), 5);
    expect(state.meetsFloors()).toBe(true);
  });

  it('allocates each pool’s staff to the tiers it serves: floors first, then the least shortfall', () => {
    expect(allocate([3, 2], [[0, 1], [0]], [1, 1], [2, 2])).toEqual([
      [1, 2],
      [1, 0],
    ]);
    // Greedy pool by pool would give senior-capable staff to general first; the flow reroutes it.
    const flow = allocate([2, 3], [[0, 1], [0]], [1.9, 1.9], [3, 2]);
    expect(flow[0][1]).toBeCloseTo(2, 9);
    expect(flow[1][0]).toBeCloseTo(3, 9);
    // Hall fails (senior floor 2.5 from a pool of 2): the floor gets all it can, nothing is lost.
    const short = allocate([2, 3], [[0, 1], [0]], [2.5, 2.5], [3, 3]);
    expect(short[0][1]).toBeCloseTo(2, 9);
    expect(short[1][0]).toBeCloseTo(3, 9);
  });
});

describe('verifyRoster with tiers', () => {
  it('catches a roster whose staff meets the hour but whose senior floor is not met by senior-capable pools', () => {
    const problem = week([inhouse, vendor]);
    const model = buildRosterModel(problem);
    // 6 vendor agents a day: 5.4 staff >= the hour's floor 4.75, but none may take senior contacts.
    const counts = new Map(Array.from({ length: DAYS }, (_, d) => [`x_vendor_${d * 24 + 8}_8`, 6] as [string, number]));
    const body = assembleRoster(problem, model, counts);
    const roster: Roster = {
      status: 'feasible',
      ...body,
      solver: { name: 'x', seconds: 0, objective: null, bound: null, gap: null },
      explanation: '',
    };
    expect(roster.hourly[8].staffed).toBeCloseTo(5.4, 9);
    // The split gives general all 5.4; senior 1.5 is short (the least any split leaves).
    expect(roster.hourly[8].shortfall).toBe(1.5);
    const errors = verifyRoster(problem, roster);
    expect(errors).toHaveLength(DAYS * 8);
    expect(errors[0]).toBe('2026-11-30T08:00: the pools serving senior staff 0, below the tier floor 1.425');
  });

  it('catches a tier split that gives senior staff of general-only pools, or misstates the least shortfall', async () => {
    const problem = week([inhouse, vendor], {}, need(3, 1.5));
    const model = buildRosterModel(problem);
    // 2 inhouse + 4 vendor a day: 5.6 staff; senior from inhouse only (2).
    const counts = new Map<string, number>();
    for (let d = 0; d < DAYS; d++) {
      counts.set(`x_inhouse_${d * 24 + 8}_8`, 2);
      counts.set(`x_vendor_${d * 24 + 8}_8`, 4);
    }
    const body = assembleRoster(problem, model, counts);
    const good: Roster = {
      status: 'feasible',
      ...body,
      solver: { name: 'x', seconds: 0, objective: null, bound: null, gap: null },
      explanation: '',
    };
    expect(verifyRoster(problem, good)).toEqual([]);
    const tampered = structuredClone(good);
    tampered.hourly[8].tiers = [
      { tier: 'general', staff_needed: 3, staffed: 3.1, shortfall: 0 },
      { tier: 'senior', staff_needed: 1.5, staffed: 2.5, shortfall: 0 },
    ];
    expect(verifyRoster(problem, tampered)).toEqual([
      '2026-11-30T08:00: tier rows give senior 2.5, more than the pools serving them staff (2)',
    ]);
    const understated = structuredClone(good);
    understated.hourly[9].shortfall = 0.3;
    expect(verifyRoster(problem, understated)).toEqual(['reported shortfall at 2026-11-30T09:00 0.3 differs from the recomputed 0']);
  });
});

describe('a tiered week with no roster', () => {
  it('is infeasible when the senior pool’s max_agents cannot reach the senior floor, and the explanation names the tier', async () => {
    const expert = { id: 'expert', kind: 'in_house', cost_per_hour: 20, ...shift, tiers: ['senior'], max_agents: 1 };
    const problem = week([{ ...inhouse, tiers: ['general'] }, vendor, expert]);
    const roster = await solveRoster(problem);
    expect(roster.status).toBe('infeasible');
    expect(roster.explanation).toContain('tier senior');
    expect(roster.explanation).toBe(
      "The max_agents of the pools serving tier senior (expert) cannot reach the coverage floor of tier senior in 40 hour(s) (2026-11-30T08:00, 2026-11-30T09:00, 2026-11-30T10:00, 2026-11-30T11:00, 2026-11-30T12:00 and 35 more): at 2026-11-30T08:00 they allow 1 staff but the floor of tier senior needs 1.42; raise expert's max_agents by 1 (to 2), or let another pool serve the tier, or lower min_coverage.",
    );
    expect(roster.hourly[8].tiers).toEqual([
      { tier: 'general', staff_needed: 3.5, staffed: 0, shortfall: 3.5 },
      { tier: 'senior', staff_needed: 1.5, staffed: 0, shortfall: 1.5 },
    ]);
  });

  it('best effort under a small budget lists the unmet floors per tier', async () => {
    // Monday only; a budget for 3 inhouse agents (240) where the floors need 5.
    const problem = week([inhouse], { budget: 240 }, (slot, hour) =>
      slot < 24 && hour >= 8 && hour < 16 ? { general: 3.5, senior: 1.5 } : { general: 0, senior: 0 },
    );
    const infeasible = await solveRoster(problem);
    expect(infeasible.status).toBe('infeasible');
    const roster = await bestEffortRoster(problem, infeasible);
    expect(roster.cost.total).toBe(240);
    expect(roster.unmet_floors).toHaveLength(16);
    expect(roster.explanation).toContain('leaves 8 hour(s) below their coverage floor of tier general, senior (14 staff-hours short');
    expect(verifyRoster(problem, roster, { floors: false })).toEqual([]);
    expect(roster.unmet_floors!.length).toBeGreaterThan(0);
    for (const u of roster.unmet_floors!) expect(['general', 'senior']).toContain(u.tier);
    // 3 staff for needs 3.5 and 1.5 at one ratio (0.6): both tiers below their 95% floors.
    expect(roster.unmet_floors!.filter((u) => u.timestamp === '2026-11-30T08:00')).toEqual([
      { timestamp: '2026-11-30T08:00', tier: 'general', floor: 3.325, staffed: 2.1, unmet: 1.225 },
      { timestamp: '2026-11-30T08:00', tier: 'senior', floor: 1.425, staffed: 0.9, unmet: 0.525 },
    ]);
  });
});
