import type { Counts } from './assemble.js';
import type { RosterModel } from '../model/model.js';
import { RosterState } from './rosterState.js';
import type { RosterProblem } from '../types.js';
import { horizonWeeks } from '../problem.js';

/** An integer roster found without branching, with the objective it scores (cost + penalty). */
export interface HeuristicRoster {
  counts: Counts;
  objective: number;
}

const IMPROVE_PASSES = 4;

// Fractions at or above which an agent is rounded up, one rounding each, the usual winners first
// (1: rounded down, which keeps max_agents and the budget). Rounding down alone left tour weeks
// 0.5-1.2% above the best of these (bench:roster weeks), at ~0.05-0.3 s a rounding for a week.
const ROUND_UP_FROM = [0.7, 0.8, 1, 0.6, 0.9, 0.5];
// Roundings kept per horizon: all six for a week; a rounding of a 4-week platform took 1.3-2.6 s,
// so longer horizons stop after their share (at least two).
const ROUNDINGS = 6;

/**
 * Rounds an LP relaxation of the roster model to a roster that keeps every hard rule: agents
 * rounded (down, or up from a fraction ROUND_UP_FROM lists: the best of those roundings is
 * returned, of at most six for a week and fewer for longer horizons), then added greedily (most
 * floor deficit, share excess and shortfall penalty covered per unit of cost) under max_agents, the share and the budget, then improved locally
 * (drop an agent, move one to a neighbouring start or another length) while the objective falls.
 * When the budget leaves too little money to restore the floors, the floors are covered first
 * regardless of the budget and agents that only cut shortfall are taken off until it holds.
 * Deterministic: ties go to the earlier decision and the earlier rounding. Null when no rounding
 * gives a roster meeting the floors.
 * With tiers (issue 13) the floors are the tier floors under Hall's condition and the shortfall is
 * the least any split among the tiers leaves (rosterState.ts).
 * @param relaxed the LP relaxation's value of each decision (absent = 0)
 */
export function roundAndRepair(problem: RosterProblem, model: RosterModel, relaxed: Map<string, number>): HeuristicRoster | null {
  const wanted = Math.max(2, Math.floor(ROUNDINGS / horizonWeeks(problem.slots)));
  let best: HeuristicRoster | null = null;
  let found = 0;
  for (const from of ROUND_UP_FROM) {
    const roster = roundFrom(problem, model, relaxed, from);
    if (!roster) continue;
    if (!best || roster.objective < best.objective - 1e-6) best = roster;
    if (++found === wanted) break;
  }
  return best;
}

/** One rounding: each decision's value rounded up from the fraction `from` (1: down), then repaired. */
function roundFrom(problem: RosterProblem, model: RosterModel, relaxed: Map<string, number>, from: number): HeuristicRoster | null {
  const state = new RosterState(problem, model.decisions);
  model.decisions.forEach((d, i) => state.add(i, Math.floor((relaxed.get(d.name) ?? 0) + 1 - from + 1e-6)));
  improve(state);
  // A binding budget: the relaxation spent the money on shortfall that integer floors now need.
  if (!state.meetsFloors() && problem.budget !== null) {
    state.greedyAdd(true);
    if (state.trimToBudget()) improve(state);
  }
  if (!state.meetsFloors() || !state.withinCaps()) return null;
  return { counts: new Map(model.decisions.map((d, i) => [d.name, state.count[i]])), objective: state.objective() };
}

function improve(state: RosterState): void {
  for (let pass = 0; pass < IMPROVE_PASSES; pass++) {
    if (state.greedyAdd() + state.dropUseless() + state.moveAgents() === 0) return;
  }
}
