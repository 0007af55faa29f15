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
 * their floor in `unmet_floors`; it plans no on-call shifts (the floors come first). It is
 * verified against every rule but the floors and the standby cover; any other
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
  // The floors come before the standby cover: a budget that cannot pay the floors plans no on-call shifts.
  const soft = {
    ...problem,
    standby: undefined,
    slots: problem.slots.map((s) => ({ ...s, floor: 0, ...(s.tiers && { tiers: s.tiers.map((t) => ({ ...t, floor: 0 })) }) })),
  };
  const roster = await solveRoster(soft, options);
  if (roster.status === 'infeasible' || verifyRoster({ ...problem, standby: undefined }, roster, { floors: false }).length > 0)
    return infeasible;

  // With tiers: per tier, against its staff in the roster's split (a split that leaves the least
  // shortfall, at one coverage ratio where it can, so also the least deficit against the floors).
  const unmet = problem.slots.flatMap((slot, h) => {
    const row = roster.hourly[h];
    const entries = problem.tiers
      ? problem.tiers.map((t, k) => ({ tier: t.name, floor: slot.tiers![k].floor, staffed: row.tiers![k].staffed }))
      : [{ tier: null, floor: slot.floor, staffed: row.staffed }];
    return entries.flatMap(({ tier, floor, staffed }) =>
      floor > staffed + 1e-6
        ? [{ timestamp: slot.label, ...(tier !== null && { tier }), floor: roundTo(floor, 4), staffed, unmet: roundTo(floor - staffed, 4) }]
        : [],
    );
  });
  const missing = roundTo(
    unmet.reduce((a, u) => a + u.unmet, 0),
    1,
  );
  const hours = new Set(unmet.map((u) => u.timestamp)).size;
  const tiers = [...new Set(unmet.flatMap((u) => (u.tier ? [u.tier] : [])))];
  const which = tiers.length > 0 ? ` of tier ${tiers.join(', ')}` : '';
  const leaves = `leaves ${hours} hour(s) below their coverage floor${which} (${missing} staff-hours short of the floors)`;
  const cost = money(roster.cost.total);
  const effort = `Meanwhile this is the best roster the budget buys: it costs ${cost} and ${leaves}, listed in unmet_floors.`;
  return { ...roster, status: 'infeasible', shadow_prices: [], explanation: `${infeasible.explanation} ${effort}`, unmet_floors: unmet };
}
