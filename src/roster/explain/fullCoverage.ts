import type { RosterModel } from '../model/model.js';
import type { LpVariant } from '../solve/highs.js';
import type { RosterRelaxation } from '../solve/relaxation.js';
import type { RosterProblem } from '../types.js';

/** The problem of staffing every hour fully: each floor (each tier's too) raised to the whole need, the budget left out. */
export function fullCoverageProblem(problem: RosterProblem): RosterProblem {
  return {
    ...problem,
    budget: null,
    slots: problem.slots.map((s) => ({
      ...s,
      floor: s.staffNeeded,
      ...(s.tiers && { tiers: s.tiers.map((t) => ({ ...t, floor: t.staffNeeded })) }),
    })),
  };
}

/**
 * fullCoverageProblem as a variant of the plain model's LP: every shortfall fixed at 0 (each hour,
 * each tier, staffed to its whole need: every floor raised to it, also in hours whose floor is 0
 * and has no row) and the budget row freed. The shortfall penalty then adds nothing: the
 * objective is the cost alone, on-call retainers included (the budget pays them too).
 */
export function fullCoverageVariant(model: RosterModel): LpVariant {
  const shortfalls = [...model.shortfall, ...(model.tierShortfall?.flat() ?? [])].filter((v): v is string => v !== null);
  return {
    rows: model.program.rows.some((r) => r.name === 'budget') ? [{ name: 'budget', rhs: null }] : [],
    columns: shortfalls.map((name) => ({ name, upper: 0 })),
  };
}

/**
 * A lower bound on what staffing every hour fully (staffed >= need, no shortfall) costs under
 * max_agents, the outsourced share and the standby cover, the budget left out: the LP relaxation's
 * optimum (fullCoverageVariant), so "costs at least this" is true; rounded to cents. Null when
 * those rules cannot cover every hour.
 */
export function fullCoverageCost(relaxation: RosterRelaxation): number | null {
  return relaxation.fullCoverage === null ? null : Math.round(relaxation.fullCoverage * 100) / 100;
}
