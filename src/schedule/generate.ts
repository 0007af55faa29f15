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

/** What the column generation established. */
export interface Generation {
  /** Every pattern generated, in the order made. */
  patterns: Pattern[];
  /** The last master LP's value (with the dear slacks, which are 0 on a feasible master). */
  lpObjective: number;
  /** A lower bound on cost + shortfall penalty of every schedule (Lagrangian: the LP plus each group's most negative reduced cost times its agents). */
  bound: number;
  /** Whether the last LP still used a slack: the agents may not be able to meet the floors or the budget. */
  slackUsed: boolean;
  iterations: number;
  /** Whether no pattern of negative reduced cost was left (the LP is the master's optimum over all patterns). */
  converged: boolean;
  /** The last LP's agents per pattern (by pattern name; absent = 0). */
  agentsOn: Map<string, number>;
  /** Groups (indexes) with no pattern at all: their agents cannot work any week the rules allow. */
  unschedulable: number[];
}

/**
 * Column generation of the agents' weekly patterns: the master LP (master.ts) over the patterns so
 * far, solved by HiGHS in one model that grows (each re-solve starts from the last basis); each
 * group's cheapest pattern under the LP's duals (pricing.ts, an exact dynamic program; tours are
 * enumerated) enters while its reduced cost is negative. Starts from each group's cheapest and
 * longest patterns (all tours of a tour pool), with dear slacks on the floors, budget and exact
 * convexity rows so that every LP is feasible. Stops when no column prices out, the LP meets its
 * bound, after `limits.rounds` master LPs (a budget of work: the same patterns on any machine),
 * or when the safety net `limits.deadline` (performance.now() milliseconds) passes.
 */
export async function generatePatterns(
  problem: RosterProblem,
  master: ScheduleMaster,
  week: WeekFacts,
  limits: { rounds: number; deadline: number },
): Promise<Generation> {
  const { groups } = master;
  const { slots } = problem;
  const patterns: Pattern[] = [];
  const seen = new Set<string>();
  const addPattern = (group: number, shifts: PatternShift[]) => {
    const key = `${group}:${shifts.map((s) => `${s.start}/${s.hours}`).join(',')}`;
    if (seen.has(key)) return null;
    seen.add(key);
    const p = { name: `z_${groups[group].name}_${patterns.length}`, group, shifts };
    patterns.push(p);
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
      lpObjective: 0,
      bound: -Infinity,
      slackUsed: true,
      iterations: 0,
      converged: false,
      agentsOn: new Map(),
      unschedulable,
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
    let agentsOn = new Map<string, number>();
    const slackColumns = first.objective.filter((t) => t.variable.startsWith('art_')).map((t) => model.getColByName(t.variable));
    let lpObjective = 0;
    let bound = -Infinity;
    let slackUsed = true;
    let iterations = 0;
    let converged = false;
    for (;;) {
      iterations++;
      model.run();
      const solution = model.getSolution();
      lpObjective = model.getObjectiveValue();
      slackUsed = slackColumns.some((c) => solution.colValue[c] > 1e-7);
      agentsOn = new Map(
        patterns.flatMap((p) => (solution.colValue[column.get(p.name)!] > 1e-9 ? [[p.name, solution.colValue[column.get(p.name)!]]] : [])),
      );
      const dual = solution.rowDual;
      let lagrangian = lpObjective;
      const entering: Pattern[] = [];
      groups.forEach((g, k) => {
        const convexity = dual[row(convexityRow(g).name)];
        const linkDual = (s: number, h: number) => dual[row(master.links.get(shiftKey(g.pool.id, s, h))!)];
        const own = tours[k];
        let best: { shifts: PatternShift[]; reducedCost: number } | null = null;
        if (own) {
          for (const t of own) {
            const rc = patternCost(k, t) + t.reduce((a, s) => a + linkDual(s.start, s.hours), 0) - convexity;
            if (!best || rc < best.reducedCost) best = { shifts: t, reducedCost: rc };
          }
        } else best = cheapestPattern(pricing(k, linkDual, convexity));
        if (!best) return;
        lagrangian += g.members.length * Math.min(0, best.reducedCost);
        if (best.reducedCost < ENTER_BELOW) {
          const p = addPattern(k, best.shifts);
          if (p) entering.push(p);
        }
      });
      // Valid with the slacks too: they only relax the master, so its bound is below every schedule's.
      bound = Math.max(bound, lagrangian);
      if (entering.length === 0) {
        converged = true;
        break;
      }
      if (!slackUsed && lpObjective - bound <= CLOSE_ENOUGH * Math.abs(lpObjective)) break;
      if (iterations >= limits.rounds || performance.now() > limits.deadline) break;
      for (const p of entering) {
        const g = groups[p.group];
        const indices = [...p.shifts.map((s) => row(master.links.get(shiftKey(g.pool.id, s.start, s.hours))!)), row(convexityRow(g).name)];
        column.set(p.name, model.getDimensions().numCols);
        model.addCol(patternCost(p.group, p.shifts), 0, Infinity, { indices, values: [...p.shifts.map(() => -1), 1] });
      }
    }
    // Every wish worked at its cost, taken off: a bound on cost + shortfall alone.
    const wishes = groups.reduce((a, g) => a + g.members.length * g.wishes.size, 0);
    return { patterns, lpObjective, bound: bound - WISH_COST * wishes, slackUsed, iterations, converged, agentsOn, unschedulable: [] };
  } finally {
    model.dispose();
  }
}
