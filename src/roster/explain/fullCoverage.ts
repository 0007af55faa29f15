import { solveWithHighs } from '../solve/highs.js';
import { buildRosterModel } from '../model/model.js';
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
 * A lower bound on what staffing every hour fully (staffed >= need, no shortfall) costs under
 * max_agents, the outsourced share and the standby cover, the budget left out: the LP relaxation's optimum, so
 * "costs at least this" is true. Null when those rules cannot cover every hour.
 */
export async function fullCoverageCost(problem: RosterProblem): Promise<number | null> {
  const model = buildRosterModel(fullCoverageProblem(problem));
  // Cost alone, on-call retainers included (the budget pays them too).
  const costOnly = { ...model.program, objective: [...model.decisions, ...model.onCall].map((d) => ({ variable: d.name, coef: d.cost })) };
  const lp = await solveWithHighs(costOnly, { timeLimitSeconds: problem.solver.timeLimitSeconds, mipRelGap: 0, relax: true });
  return lp.status === 'optimal' ? Math.round(lp.objective! * 100) / 100 : null;
}
