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

/**
 * Rounds an LP relaxation of the roster model to a roster that keeps every hard rule: agents
 * rounded down, then added greedily (most floor deficit, share excess and shortfall penalty
 * covered per unit of cost) under max_agents, the share and the budget, then improved locally
 * (drop an agent, move one to a neighbouring start or another length) while the objective falls.
 * When the budget leaves too little money to restore the floors, the floors are covered first
 * regardless of the budget and agents that only cut shortfall are taken off until it holds.
 * Deterministic: ties go to the earlier decision. Null when no roster meeting the floors is found.
 * With tiers (issue 13) the floors are the tier floors under Hall's condition and the shortfall is
 * the least any split among the tiers leaves (rosterState.ts).
 * @param relaxed the LP relaxation's value of each decision (absent = 0)
 */
export function roundAndRepair(problem: RosterProblem, model: RosterModel, relaxed: Map<string, number>): HeuristicRoster | null {
  const state = new RosterState(problem, model.decisions);
  // Rounded down, the roster keeps the budget and max_agents; the greedy then restores the floors.
  model.decisions.forEach((d, i) => state.add(i, Math.floor((relaxed.get(d.name) ?? 0) + 1e-6)));
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
