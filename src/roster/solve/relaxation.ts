import { fullCoverageVariant } from '../explain/fullCoverage.js';
import { ruleVariants } from '../explain/shadowPrices.js';
import { buildRosterModel, type RosterModel } from '../model/model.js';
import type { RosterProblem } from '../types.js';
import { type LpVariant, type SolverOutcome, solveWithHighs } from './highs.js';

/**
 * What the plain roster model's LP relaxation says beyond its solution: what the shadow prices
 * (shadowPrices.ts) and the full-coverage cost (fullCoverage.ts) are read from. One LP answers
 * all of it: its duals, then its variants re-solved warm on the same HiGHS model.
 */
export interface RosterRelaxation {
  /** The model the LP is the relaxation of (its rows and decisions name what the facts are about). */
  model: RosterModel;
  /** The LP's optimum; null when it has none (an infeasible week has no shadow prices). */
  objective: number | null;
  /** Variable values at the optimum (empty without one). */
  values: Map<string, number>;
  /** Row duals by row name (empty without an optimum). */
  duals: Map<string, number>;
  /** Per configured rule (shadowPrices.ts), the optimum with the rule one unit looser; null when none. */
  relaxed: Map<string, number | null>;
  /** The optimum with every hour staffed in full and the budget left out: its cost alone; null when no roster covers every hour. */
  fullCoverage: number | null;
}

/** What to ask the LP solve for so that its outcome gives the relaxation (relaxationOf). */
export function relaxationAsks(problem: RosterProblem, model: RosterModel): { duals: true; variants: LpVariant[] } {
  return { duals: true, variants: [...ruleVariants(problem, model).map((r) => r.variant), fullCoverageVariant(model)] };
}

/** The relaxation from the outcome of an LP solve made with relaxationAsks. */
export function relaxationOf(problem: RosterProblem, model: RosterModel, lp: SolverOutcome): RosterRelaxation {
  const base = lp.base;
  if (!base) throw new Error('the LP was solved without relaxationAsks');
  const rules = ruleVariants(problem, model);
  return {
    model,
    objective: base.objective,
    values: base.values,
    duals: base.duals,
    relaxed: new Map(rules.map((r, i) => [r.rule, base.variants[i]])),
    fullCoverage: base.variants[rules.length],
  };
}

/**
 * The relaxation of the problem's plain model, on its own: for a week whose roster comes from
 * another model (named schedules) or was solved without it. One LP; solveRoster's own LP gives
 * the same facts when asked (`solveRosterWithRelaxation`).
 */
export async function relaxRoster(problem: RosterProblem, options: { inThread?: boolean } = {}): Promise<RosterRelaxation> {
  const model = buildRosterModel(problem);
  const lp = await solveWithHighs(model.program, {
    timeLimitSeconds: problem.solver.timeLimitSeconds,
    mipRelGap: 0,
    relax: true,
    inThread: options.inThread,
    ...relaxationAsks(problem, model),
  });
  return relaxationOf(problem, model, lp);
}
