import { assembleRoster, roundCounts, type Counts } from './assemble.js';
import { roundingCuts } from '../model/cuts.js';
import { mergeSplits } from '../model/dominance.js';
import { explainInfeasible, noRosterInTime } from '../explain/explain.js';
import { solveWithHighs, type Progress } from './highs.js';
import { roundAndRepair } from './heuristic.js';
import { relaxationAsks, relaxationOf, type RosterRelaxation } from './relaxation.js';
import { buildRosterModel } from '../model/model.js';
import { narrateRoster } from '../explain/narrate.js';
import { coverStandby } from './standbyCover.js';
import { startVector } from './startVector.js';
import { supportProgram } from './neighbourhood.js';
import type { Roster, RosterProblem } from '../types.js';
import { verifyRoster } from '../verify.js';
import { horizonWeeks } from '../problem.js';
import { roundTo } from '../../domain/round.js';

/** How to solve; every field optional (the problem's solver settings are the defaults). */
export interface RosterSolveOptions {
  /** Wall-clock limit, seconds (default: the config's solver.time_limit_seconds). */
  timeLimitSeconds?: number;
  /** Stop at this relative gap to the bound (default: the config's solver.mip_rel_gap). */
  mipRelGap?: number;
  /**
   * Answer with the rounded relaxation alone (well under a second), without branch and bound. When
   * rounding finds no roster meeting the floors (heuristic.ts), HiGHS solves the week as without it.
   */
  preview?: boolean;
  /** Incumbent and bound about once a second during the MIP solve. */
  onProgress?: (progress: Progress) => void;
  /** Work budget of the MIP in simplex iterations (default: 160 per second of time limit, per week of horizon). */
  iterationLimit?: number;
  /** Solve on the calling thread instead of the solver worker. */
  inThread?: boolean;
  /**
   * Hears the plain model's LP relaxation (relaxation.ts: shadow prices, full-coverage cost), read
   * off the LP this solve makes anyway: asking costs warm re-solves of it, never another LP.
   */
  onRelaxation?: (relaxation: RosterRelaxation) => void;
}

// The deterministic work budget: simplex iterations allowed per second of time limit. Measured
// on this kind of machine, the bench:roster weeks end within half the default 30 s limit (200
// gave the same rosters on its four slowest weeks, 1-3 s later), so the clock rarely decides.
const ITERATIONS_PER_SECOND = 160;
// Tour models with fewer decisions than this are solved whole (the bench's tour weeks have ~500).
const NEIGHBOURHOOD_MIN_COLUMNS = 100;

/**
 * The cheapest roster for the horizon under the hard rules (SPEC section 3). The LP relaxation is
 * rounded and repaired into a roster (the preview), which seeds HiGHS; the better of the two,
 * verified from its shifts, is returned, with the LP or MIP bound and the gap. Never throws for
 * an infeasible week: the result then has status `infeasible` and an explanation naming the rule
 * and the number that fixes it, both proven (explain.ts); a search stopped by its limits before
 * any roster also has status `infeasible` (roster.json has no other), its explanation saying that
 * no rule is proven in the way. Same problem in, same roster out (unless the wall-clock limit,
 * a safety net behind the work budget, cuts the solve short).
 * @example
 * const roster = await solveRoster(problem, { preview: true });
 * roster.solver.gap //=> 0.004
 */
export async function solveRoster(problem: RosterProblem, options: RosterSolveOptions = {}): Promise<Roster> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const timeLimitSeconds = options.timeLimitSeconds ?? problem.solver.timeLimitSeconds;
  const mipRelGap = options.mipRelGap ?? problem.solver.mipRelGap;
  const remaining = () => Math.max(1, timeLimitSeconds - elapsed());
  const inThread = options.inThread;
  // Per week of horizon: an iteration of a 4-week model costs about four of a week's (bench:roster).
  const iterationLimit = options.iterationLimit ?? Math.round((ITERATIONS_PER_SECOND * timeLimitSeconds) / horizonWeeks(problem.slots));
  // Why there is no roster comes from proofs (explain.ts); the search only sets how exact the numbers get.
  const explain = (proven: boolean, stopped = '') =>
    explainInfeasible(problem, {
      proven,
      timeLimitSeconds: remaining(),
      iterationLimit,
      inThread,
      stopped,
      userLimitSeconds: timeLimitSeconds,
    });
  const model = buildRosterModel(problem);
  // The same optimum with a tighter relaxation: a better rounding, bound and root (cuts.ts).
  const cuts = roundingCuts(problem, model);
  const program = { ...model.program, rows: [...model.program.rows, ...cuts] };

  // One LP: the plain model's (the relaxation's facts are defined on it), then the cuts added warm.
  const asks = options.onRelaxation && relaxationAsks(problem, model);
  const lp = await solveWithHighs(model.program, { timeLimitSeconds, mipRelGap: 0, relax: true, inThread, cuts, ...asks });
  if (asks) options.onRelaxation?.(relaxationOf(problem, model, lp));
  // The rounding knows nothing of named pools' teams (issue 14): with teams, HiGHS alone solves.
  const rounded = lp.status === 'optimal' && !problem.teams ? roundAndRepair(problem, model, lp.values) : null;
  // The rounding staffs the shifts; the on-call shifts are then laid over what it leaves short.
  const seed = rounded && { ...rounded, counts: coverStandby(problem, model, rounded.counts) };
  const candidates: Counts[] = seed ? [seed.counts] : [];
  let bound = lp.status === 'optimal' ? lp.objective : null;
  let stopped = '';
  if (lp.status === 'infeasible') return infeasibleRoster(problem, await explain(true), elapsed());
  if (!options.preview || !seed) {
    // A tour week: the seed's neighbourhood (neighbourhood.ts) alone, whose small root is cheap
    // where the whole model's root cut rounds took 15-90 s (bench:roster) and, on a small tour
    // week, found nothing better than the seed. Free shifts, and models so small that their
    // whole root is cheap and proves the optimum: the whole model, which measured better than the
    // neighbourhood on free shifts, and whose bound is the tighter one.
    const near = seed !== null && model.decisions.length >= NEIGHBOURHOOD_MIN_COLUMNS && model.decisions.some((d) => d.tour);
    const mip = await solveWithHighs(near ? supportProgram(model, model.program, lp.values, seed.counts) : program, {
      timeLimitSeconds: remaining(),
      mipRelGap,
      start: seed ? startVector(problem, model, seed.counts) : undefined,
      iterationLimit,
      onProgress: options.onProgress,
      inThread,
    });
    // The neighbourhood proves nothing about the week: neither an infeasibility nor a bound.
    if (mip.status === 'infeasible' && !near) return infeasibleRoster(problem, await explain(true), elapsed());
    if (mip.status === 'optimal' || mip.status === 'feasible') candidates.unshift(roundCounts(model, mip.values));
    if (mip.bound !== null && !near) bound = Math.max(bound ?? -Infinity, mip.bound);
    stopped = mip.detail;
  }

  // Each candidate checked from its shifts alone; the cheapest valid one is returned.
  const failures: string[] = [];
  let best: Roster | null = null;
  for (const counts of candidates) {
    const body = assembleRoster(problem, model, mergeSplits(model.merges, counts));
    const objective = roundTo(body.cost.total + body.cost.shortfall_penalty, 6);
    const gap = bound === null ? null : objective > 0 ? roundTo(Math.max(0, (objective - bound) / objective), 6) : 0;
    const solver = {
      name: options.preview ? 'highs-preview' : 'highs',
      seconds: 0,
      objective,
      bound: bound === null ? null : roundTo(bound, 6),
      gap,
    };
    const draft: Roster = { status: gap !== null && gap <= mipRelGap + 1e-9 ? 'optimal' : 'feasible', ...body, solver, explanation: '' };
    const errors = verifyRoster(problem, draft);
    if (errors.length > 0) failures.push(errors[0]);
    else if (!best || objective < best.solver.objective! - 1e-6) best = draft;
  }
  if (best) {
    const done = { ...best, solver: { ...best.solver, seconds: roundTo(elapsed(), 6) } };
    return { ...done, explanation: narrateRoster(problem, done) };
  }
  // Stopped without a roster: not an infeasibility unless a proof says so. A relaxation that
  // met every rule already rules that out; otherwise the diagnosis's LPs decide.
  const why =
    failures.length > 0
      ? `No verified roster: the solver's answer failed the independent check (${failures[0]}).`
      : lp.status === 'optimal'
        ? noRosterInTime(timeLimitSeconds, stopped, true)
        : await explain(false, stopped);
  return infeasibleRoster(problem, why, elapsed());
}

/** solveRoster, with its LP relaxation's facts next to the roster (one LP for both, see onRelaxation). */
export async function solveRosterWithRelaxation(
  problem: RosterProblem,
  options: RosterSolveOptions = {},
): Promise<{ roster: Roster; relaxation: RosterRelaxation }> {
  const heard: RosterRelaxation[] = [];
  const roster = await solveRoster(problem, { ...options, onRelaxation: (r) => heard.push(r) });
  return { roster, relaxation: heard[0] };
}

/** The roster.json of a week with no valid roster: no shifts, every hour short of its need. */
export function infeasibleRoster(problem: RosterProblem, explanation: string, seconds: number): Roster {
  const need = problem.slots.reduce((a, s) => a + s.staffNeeded, 0);
  return {
    status: 'infeasible',
    week_start: problem.slots[0].label,
    shifts: [],
    tours: [],
    hourly: problem.slots.map((s) => ({
      timestamp: s.label,
      staff_needed: s.staffNeeded,
      staffed: 0,
      shortfall: s.staffNeeded,
      ...(problem.tiers && {
        tiers: problem.tiers.map((t, k) => ({
          tier: t.name,
          staff_needed: s.tiers![k].staffNeeded,
          staffed: 0,
          shortfall: s.tiers![k].staffNeeded,
        })),
      }),
    })),
    cost: {
      total: 0,
      by_pool: Object.fromEntries(problem.pools.map((p) => [p.id, 0])),
      shortfall_penalty: roundTo(problem.shortfallPenalty * need, 6),
    },
    kpis: {
      outsourced_share: 0,
      night_coverage: problem.slots.some((s) => s.night && s.staffNeeded > 0) ? 0 : 1,
      coverage: need > 0 ? 0 : 1,
      budget_used: problem.budget ? 0 : null,
    },
    solver: { name: 'highs', seconds: roundTo(seconds, 6), objective: null, bound: null, gap: null },
    shadow_prices: [],
    explanation,
  };
}
