import type { Counts } from './assemble.js';
import type { RosterModel } from '../model/model.js';
import { RosterState } from './rosterState.js';
import type { RosterProblem } from '../types.js';

/** An integer roster found without branching, with the objective it scores (cost + penalty). */
export interface HeuristicRoster {
  counts: Counts;
  objective: number;
}

const IMPROVE_PASSES = 4;

// Fractions at or above which an agent is rounded up, one rounding each: the floor alone left
// tour weeks 0.5-1.2% above the best of these (bench:roster weeks), for ~0.05 s a rounding.
const ROUND_UP_FROM = [1, 0.9, 0.8, 0.7, 0.6, 0.5];

/**
 * Rounds an LP relaxation of the roster model to a roster that keeps every hard rule: agents
 * rounded (down, or up from a fraction ROUND_UP_FROM lists: the best of those roundings is
 * returned), then added greedily (most floor deficit, share excess and shortfall penalty
 * covered per unit of cost) under max_agents, the share and the budget, then improved locally
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
  let best: HeuristicRoster | null = null;
  for (const from of ROUND_UP_FROM) {
    const found = roundFrom(problem, model, relaxed, from);
    if (found && (!best || found.objective < best.objective - 1e-6)) best = found;
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
