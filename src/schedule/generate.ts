import { toLpFormat } from '../roster/model/lpFormat.js';
import { shiftCost } from '../roster/model/model.js';
import { highsModuleOnce } from '../roster/solve/highsRun.js';
import type { RosterProblem } from '../roster/types.js';
import type { WeekFacts } from './agentWeek.js';
import {
  artificialCost,
  convexityRow,
  groupTours,
  masterProgram,
  shiftKey,
  type Pattern,
  type ScheduleMaster,
  WISH_COST,
  wishCost,
} from './master.js';
import { cheapestPattern, type PatternShift, type PricingInput } from './pricing.js';

/** A pattern enters when its reduced cost is below this (currency units). */
const ENTER_BELOW = -1e-6;
/** The generation stops when the LP is within this share of its bound. */
const CLOSE_ENOUGH = 1e-4;
/** Patterns entering per master LP at least (partial pricing). */
const MIN_ENTERING = 25;
/** The dive's limits: fixing steps, pricing rounds after each, and the fraction from which a pattern is rounded up. */
const DIVE_STEPS = 200;
const DIVE_PRICING_ROUNDS = 2;
const ROUND_UP_FROM = 0.6;

/** What the column generation established. */
export interface Generation {
  /** Every pattern generated, in the order made. */
  patterns: Pattern[];
  /** A lower bound on cost + shortfall penalty of every schedule (Lagrangian: the LP plus each group's most negative reduced cost times its agents). */
  bound: number;
  /** Whether the last LP still used a slack: the agents may not be able to meet the floors or the budget. */
  slackUsed: boolean;
  /** The last LP's agents per pattern (by pattern name; absent = 0). */
  agentsOn: Map<string, number>;
  /** Groups (indexes) with no pattern at all: their agents cannot work any week the rules allow. */
  unschedulable: number[];
  /** Agents per pattern of a whole-agent solution found by diving from the LP (null: none found); every other variable is left to the MIP. */
  dive: Map<string, number> | null;
}

/** The LP's positive values of the patterns, by name. */
function valuesOf(patterns: readonly Pattern[], column: ReadonlyMap<string, number>, values: ArrayLike<number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of patterns) {
    const v = values[column.get(p.name)!];
    if (v > 1e-9) out.set(p.name, v);
  }
  return out;
}

/**
 * Lets the thread's other work run between rounds: the generation runs on the calling thread
 * (its HiGHS model lives there), which in a server or a test runner must keep answering.
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Column generation of the agents' weekly patterns: the master LP (master.ts) over the patterns so
 * far, solved by HiGHS in one model that grows (each re-solve starts from the last basis); each
 * group's cheapest pattern under the LP's duals (pricing.ts, an exact dynamic program; tours are
 * enumerated) enters while its reduced cost is negative. Starts from each group's cheapest and
 * longest patterns (all tours of a tour pool), with dear slacks on the floors, budget and exact
 * convexity rows so that every LP is feasible. Stops when no column prices out, the LP meets its
 * bound, after `limits.pricings` pricing problems solved (a budget of work: the same patterns on
 * any machine), or when the safety net `limits.deadline` (performance.now() milliseconds)
 * passes. Then dives from the LP to a whole-agent solution for the MIP to start from (at most
 * DIVE_STEPS fixings, `limits.diveDeadline` the safety net).
 */
export async function generatePatterns(
  problem: RosterProblem,
  master: ScheduleMaster,
  week: WeekFacts,
  limits: { pricings: number; deadline: number; diveDeadline: number },
): Promise<Generation> {
  const { groups } = master;
  const { slots } = problem;
  const patterns: Pattern[] = [];
  const byName = new Map<string, Pattern>();
  const seen = new Set<string>();
  const addPattern = (group: number, shifts: PatternShift[]) => {
    const key = `${group}:${shifts.map((s) => `${s.start}/${s.hours}`).join(',')}`;
    if (seen.has(key)) return null;
    seen.add(key);
    const p = { name: `z_${groups[group].name}_${patterns.length}`, group, shifts };
    patterns.push(p);
    byName.set(p.name, p);
    return p;
  };
  const pricing = (g: number, shiftValue: PricingInput['shiftValue'], convexityDual = 0): PricingInput => ({
    weekStart: problem.weekStart,
    slots,
    startHours: groups[g].pool.start_hours,
    shiftLengths: groups[g].pool.shift_lengths,
    agent: groups[g].agent,
    rules: week.rules,
    boundary: groups[g].boundary,
    required: groups[g].required,
    shiftValue,
    convexityDual,
    prefersOffPenalty: WISH_COST,
  });
  const patternCost = (g: number, shifts: readonly PatternShift[]) => wishCost(master, g, shifts);
  const tours = groups.map((g) => (g.pool.week_pattern ? groupTours(problem, g, week) : null));
  groups.forEach((g, k) => {
    const cost = (s: number, h: number) => shiftCost(g.pool, slots, s, h);
    const own = tours[k];
    if (own) for (const t of own) addPattern(k, t);
    else
      for (const value of [cost, (s: number, h: number) => cost(s, h) - 1e6 * h]) {
        const p = cheapestPattern(pricing(k, value));
        if (p) addPattern(k, p.shifts);
      }
  });

  const unschedulable = groups.flatMap((_, k) => (patterns.some((p) => p.group === k) ? [] : [k]));
  if (unschedulable.length > 0)
    return {
      patterns,
      bound: -Infinity,
      slackUsed: true,
      agentsOn: new Map(),
      unschedulable,
      dive: null,
    };
  const highs = await highsModuleOnce();
  const slack = artificialCost(problem);
  const first = masterProgram(master, patterns, slack);
  const model = highs.createModel({ format: 'lp', data: toLpFormat({ ...first, integers: [] }) });
  try {
    model.options.set({ output_flag: false, random_seed: 0 });
    const rowIndex = new Map<string, number>();
    const row = (name: string) => {
      let i = rowIndex.get(name);
      if (i === undefined) rowIndex.set(name, (i = model.getRowByName(name)));
      return i;
    };
    const column = new Map(patterns.map((p) => [p.name, model.getColByName(p.name)]));
    const slackColumns = first.objective.filter((t) => t.variable.startsWith('art_')).map((t) => model.getColByName(t.variable));
    let solution!: ReturnType<typeof model.getSolution>;
    const solveLp = () => {
      model.run();
      solution = model.getSolution();
      return model.getObjectiveValue();
    };
    const slackInUse = () => slackColumns.some((c) => solution.colValue[c] > 1e-7);
    /** The group's pattern of least reduced cost under the last LP's duals (null: none). */
    let pricings = 0;
    const price = (k: number): { shifts: PatternShift[]; reducedCost: number } | null => {
      pricings++;
      const g = groups[k];
      const dual = solution.rowDual;
      const convexity = dual[row(convexityRow(g).name)];
      const linkDual = (s: number, h: number) => dual[row(master.links.get(shiftKey(g.pool.id, s, h))!)];
      const own = tours[k];
      if (!own) return cheapestPattern(pricing(k, linkDual, convexity));
      let best: { shifts: PatternShift[]; reducedCost: number } | null = null;
      for (const t of own) {
        const rc = patternCost(k, t) + t.reduce((a, x) => a + linkDual(x.start, x.hours), 0) - convexity;
        if (!best || rc < best.reducedCost) best = { shifts: t, reducedCost: rc };
      }
      return best;
    };
    const enter = (p: Pattern) => {
      const g = groups[p.group];
      const indices = [...p.shifts.map((x) => row(master.links.get(shiftKey(g.pool.id, x.start, x.hours))!)), row(convexityRow(g).name)];
      column.set(p.name, model.getDimensions().numCols);
      model.addCol(patternCost(p.group, p.shifts), 0, Infinity, { indices, values: [...p.shifts.map(() => -1), 1] });
    };
    // Partial pricing: groups in turn from a cursor until enough patterns enter; a round that
    // priced every group under one LP's duals also gives the Lagrangian bound.
    const perRound = Math.max(MIN_ENTERING, Math.ceil(groups.length / 8));
    let cursor = 0;
    const priceRound = (lpObjective: number, among: (k: number) => boolean = () => true, enough = perRound) => {
      const entering: Pattern[] = [];
      let lagrangian = lpObjective;
      let priced = 0;
      while (priced < groups.length && entering.length < enough) {
        const k = (cursor + priced++) % groups.length;
        if (!among(k)) continue;
        const best = price(k);
        if (!best) continue;
        lagrangian += groups[k].members.length * Math.min(0, best.reducedCost);
        if (best.reducedCost < ENTER_BELOW) {
          const p = addPattern(k, best.shifts);
          if (p) entering.push(p);
        }
      }
      cursor = (cursor + priced) % groups.length;
      return { entering, bound: priced === groups.length ? lagrangian : null };
    };

    let bound = -Infinity;
    for (;;) {
      await breathe();
      const lpObjective = solveLp();
      const round = priceRound(lpObjective);
      // Valid with the slacks too: they only relax the master, so its bound is below every schedule's.
      if (round.bound !== null) bound = Math.max(bound, round.bound);
      // Converged: no pattern prices out under any group.
      if (round.entering.length === 0 && round.bound !== null) break;
      const close = !slackInUse() && lpObjective - bound <= CLOSE_ENOUGH * Math.abs(lpObjective);
      for (const p of round.entering) enter(p);
      if (close || pricings >= limits.pricings || performance.now() > limits.deadline) {
        // Stopped early: one more LP, priced whole, bounds what was left unpriced.
        cursor = 0;
        const last = priceRound(solveLp(), () => true, Infinity);
        if (last.bound !== null) bound = Math.max(bound, last.bound);
        for (const p of last.entering) enter(p);
        if (last.entering.length > 0) solveLp();
        break;
      }
    }
    const slackUsed = slackInUse();
    const agentsOn = valuesOf(patterns, column, solution.colValue);
    // Every wish worked at its cost, taken off: a bound on cost + shortfall alone.
    const wishes = groups.reduce((a, g) => a + g.members.length * g.wishes.size, 0);
    const root = { patterns, bound: bound - WISH_COST * wishes, slackUsed, agentsOn, unschedulable: [] };
    if (slackUsed) return { ...root, dive: null };

    // Diving to whole agents: fix every whole agent the LP puts on a pattern, round up the patterns
    // nearest a whole agent (the one nearest when none is near), re-solve and re-price the groups
    // with agents still free, until the LP is integral in the patterns. A round-up that leads to a
    // dead end (the LP needs a slack) is undone and its pattern capped below instead.
    const lower = new Map<string, number>();
    const upper = new Map<string, number>();
    const taken = groups.map(() => 0);
    const free = (k: number) => taken[k] < groups[k].members.length;
    const setLower = (name: string, n: number) => {
      const group = byName.get(name)!.group;
      taken[group] += n - (lower.get(name) ?? 0);
      lower.set(name, n);
      model.changeColBounds(column.get(name)!, n, upper.get(name) ?? Infinity);
    };
    const dead = () => model.getModelStatus() !== highs.constants.modelStatus.optimal || slackInUse();
    const resolve = () => {
      solveLp();
      for (let r = 0; r < DIVE_PRICING_ROUNDS && !dead(); r++) {
        const round = priceRound(model.getObjectiveValue(), free);
        for (const p of round.entering) enter(p);
        if (round.entering.length === 0) break;
        solveLp();
      }
    };
    let dive: Map<string, number> | null = null;
    for (let step = 0; step < DIVE_STEPS && performance.now() < limits.diveDeadline; step++) {
      await breathe();
      const on = valuesOf(patterns, column, solution.colValue);
      const fractional = [...on].filter(([, v]) => Math.abs(v - Math.round(v)) > 1e-6);
      if (fractional.length === 0) {
        dive = new Map([...on].map(([name, v]) => [name, Math.round(v)]));
        break;
      }
      for (const [name, v] of on) if (Math.floor(v + 1e-6) > (lower.get(name) ?? 0)) setLower(name, Math.floor(v + 1e-6));
      const byFraction = fractional.sort((a, b) => b[1] - Math.floor(b[1]) - (a[1] - Math.floor(a[1])));
      // Never more agents on a group's patterns than it has.
      const fits = ([name, v]: [string, number]) =>
        taken[byName.get(name)!.group] + Math.ceil(v) - (lower.get(name) ?? 0) <= groups[byName.get(name)!.group].members.length;
      const near = byFraction.filter(([, v]) => v - Math.floor(v) >= ROUND_UP_FROM).filter(fits);
      const chosen = near.length > 0 ? near : byFraction.filter(fits).slice(0, 1);
      if (chosen.length === 0) break;
      const before = chosen.map(([name]) => lower.get(name) ?? 0);
      for (const [name, v] of chosen) setLower(name, Math.ceil(v));
      resolve();
      if (!dead()) continue;
      // Dead end: undo, and cap the pattern nearest a whole agent at what it had instead.
      chosen.forEach(([name], i) => setLower(name, before[i]));
      const [name, v] = chosen[0];
      upper.set(name, Math.floor(v));
      model.changeColBounds(column.get(name)!, lower.get(name) ?? 0, Math.floor(v));
      resolve();
      if (dead()) break;
    }
    return { ...root, dive };
  } finally {
    model.dispose();
  }
}
