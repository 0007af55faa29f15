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
    const prices = await shadowPrices(problem, 'CNY');
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

  it('skips the rounding heuristic for tiered problems (it tracks one pooled staff per hour)', () => {
    const problem = week([inhouse, vendor]);
    const model = buildRosterModel(problem);
    expect(roundAndRepair(problem, model, new Map(model.decisions.map((d) => [d.name, 5])))).toBeNull();
  });

  it('raises every tier floor to its need for full coverage', async () => {
    const problem = week([inhouse, vendor]);
    expect(fullCoverageProblem(problem).slots[8].tiers).toEqual([
      { staffNeeded: 3.5, floor: 3.5 },
      { staffNeeded: 1.5, floor: 1.5 },
    ]);
    // LP bound of full coverage: senior 1.5 from inhouse (15), general 3.5 from the vendor (3.5 / 0.9 x 8).
    expect(await fullCoverageCost(problem)).toBeCloseTo(DAYS * 8 * (15 + (3.5 / 0.9) * 8), 2);
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
