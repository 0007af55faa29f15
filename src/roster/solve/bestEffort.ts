import { money } from '../../domain/format.js';
import { roundTo } from '../../domain/round.js';
import { ALL_RULES, buildRosterModel } from '../model/model.js';
import type { Roster, RosterProblem } from '../types.js';
import { verifyRoster } from '../verify.js';
import { solveWithHighs } from './highs.js';
import { solveRoster, type RosterSolveOptions } from './solve.js';

/**
 * For a week with no roster because the budget cannot pay for the coverage floors: the best
 * roster the budget buys. The floors become soft (each hour's shortfall against its whole need
 * is penalised, as always) and the budget stays hard. The result keeps status `infeasible` and
 * the explanation of why, adds what the roster costs and leaves undone, and lists the hours below
 * their floor in `unmet_floors`. It is verified against every rule but the floors; any other
 * week (no budget, another rule in the way, a roster failing the check) gets `infeasible` back.
 */
export async function bestEffortRoster(problem: RosterProblem, infeasible: Roster, options: RosterSolveOptions = {}): Promise<Roster> {
  if (problem.budget === null || infeasible.status !== 'infeasible') return infeasible;
  // The budget is what is in the way when the floors hold without it (LP relaxation).
  const withoutBudget = buildRosterModel(problem, { ...ALL_RULES, budget: false });
  const lp = await solveWithHighs(withoutBudget.program, {
    timeLimitSeconds: problem.solver.timeLimitSeconds,
    mipRelGap: 0,
    relax: true,
    inThread: options.inThread,
  });
  if (lp.status !== 'optimal') return infeasible;
  const soft = { ...problem, slots: problem.slots.map((s) => ({ ...s, floor: 0 })) };
  const roster = await solveRoster(soft, options);
  if (roster.status === 'infeasible' || verifyRoster(problem, roster, { floors: false }).length > 0) return infeasible;

  const unmet = problem.slots.flatMap((slot, h) => {
    const staffed = roster.hourly[h].staffed;
    return slot.floor > staffed + 1e-6
      ? [{ timestamp: slot.label, floor: roundTo(slot.floor, 4), staffed, unmet: roundTo(slot.floor - staffed, 4) }]
      : [];
  });
  const missing = roundTo(
    unmet.reduce((a, u) => a + u.unmet, 0),
    1,
  );
  const leaves = `leaves ${unmet.length} hour(s) below their coverage floor (${missing} staff-hours short of the floors)`;
  const cost = money(roster.cost.total);
  const effort = `Meanwhile this is the best roster the budget buys: it costs ${cost} and ${leaves}, listed in unmet_floors.`;
  return { ...roster, status: 'infeasible', shadow_prices: [], explanation: `${infeasible.explanation} ${effort}`, unmet_floors: unmet };
}
