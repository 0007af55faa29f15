import { solveWithHighs } from './highs.js';
import { buildRosterModel, type RosterModel } from './model.js';
import type { RosterProblem } from './types.js';
import { roundTo } from '../domain/round.js';

/**
 * Why no roster meets every hard rule, in a sentence that names the rule and the number that
 * would make the week feasible. Tries, in order: the budget (the least cost that meets the
 * floors under the other rules), the outsourced share (the least share that works), and the
 * pools' max_agents (the hours whose floor they cannot reach).
 */
export async function explainInfeasible(problem: RosterProblem, timeLimitSeconds: number): Promise<string> {
  const gap = problem.solver.mipRelGap;
  if (problem.budget !== null) {
    const least = await leastCost(buildRosterModel(problem, { budget: false, outsourcedShare: true, maxAgents: true }), timeLimitSeconds, gap);
    if (least !== null) {
      return `The budget of ${problem.budget} is too small: the least cost that meets the coverage floors under the other rules is ${least}; raise the budget to at least ${least} or lower min_coverage.`;
    }
  }
  if (problem.maxOutsourcedShare !== null) {
    const share = await leastOutsourcedShare(problem, timeLimitSeconds, gap);
    if (share !== null) {
      return `The outsourced share cap of ${pct(problem.maxOutsourcedShare)} cannot hold: the in-house pools' max_agents leave too few in-house hours, and the least outsourced share that meets the coverage floors is ${pct(share)}; raise max_outsourced_share to at least ${share} or in-house max_agents.`;
    }
  }
  return unreachableFloors(problem);
}

/** The least total cost (currency, rounded up) of a roster meeting the model's rules, or null. */
async function leastCost(model: RosterModel, timeLimitSeconds: number, mipRelGap: number): Promise<number | null> {
  const costOnly = { ...model.program, objective: model.decisions.map((d) => ({ variable: d.name, coef: d.cost })) };
  const result = await solveWithHighs(costOnly, { timeLimitSeconds, mipRelGap });
  if (result.status !== 'optimal' && result.status !== 'feasible') return null;
  // The incumbent's own cost (not the bound): a budget of this size is known to be feasible.
  const cost = model.decisions.reduce((a, d) => a + d.cost * Math.round(result.values.get(d.name) ?? 0), 0);
  return Math.ceil(cost - 1e-6);
}

/**
 * The least outsourced share of paid hours among rosters meeting the floors and max_agents
 * (Dinkelbach's method: minimise outsourced - s x paid, move s to the ratio found, repeat);
 * rounded up to 0.001 so that it works. Null when the floors are out of reach anyway.
 */
async function leastOutsourcedShare(problem: RosterProblem, timeLimitSeconds: number, mipRelGap: number): Promise<number | null> {
  const model = buildRosterModel(problem, { budget: false, outsourcedShare: false, maxAgents: true });
  let share = 1;
  for (let round = 0; round < 6; round++) {
    const objective = model.decisions.map((d) => ({ variable: d.name, coef: d.paidHours * ((d.pool.kind === 'outsourced' ? 1 : 0) - share) }));
    const result = await solveWithHighs({ ...model.program, objective }, { timeLimitSeconds: timeLimitSeconds / 6, mipRelGap });
    if (result.status !== 'optimal' && result.status !== 'feasible') return round === 0 ? null : Math.ceil(share * 1000) / 1000;
    let paid = 0;
    let outsourced = 0;
    for (const d of model.decisions) {
      const agents = Math.round(result.values.get(d.name) ?? 0);
      paid += agents * d.paidHours;
      if (d.pool.kind === 'outsourced') outsourced += agents * d.paidHours;
    }
    const found = paid > 0 ? outsourced / paid : 0;
    if (found >= share - 1e-9) break;
    share = found;
  }
  return Math.ceil(share * 1000 - 1e-6) / 1000;
}

/** Hours whose floor exceeds what every pool together may staff (max_agents x productivity). */
function unreachableFloors(problem: RosterProblem): string {
  const { slots, pools } = problem;
  const capacity = slots.map((slot) => pools.reduce((a, p) => a + (coversHour(p.start_hours, p.shift_lengths, slot.hourOfDay) ? (p.max_agents ?? Infinity) * p.productivity : 0), 0));
  const short = slots.flatMap((slot, h) => (slot.floor > capacity[h] + 1e-9 ? [{ label: slot.label, floor: slot.floor, capacity: capacity[h] }] : []));
  if (short.length === 0) {
    return 'No roster meets every hard rule: together, the pools\' max_agents, start hours and shift lengths cannot reach the coverage floors; raise max_agents or allow more start hours.';
  }
  const worst = short.reduce((a, b) => (b.floor - b.capacity > a.floor - a.capacity ? b : a));
  const listed = short.slice(0, 5).map((s) => s.label).join(', ') + (short.length > 5 ? ` and ${short.length - 5} more` : '');
  const missing = worst.floor - worst.capacity;
  // Per capped pool that can work that hour: the agents it alone would need on top of its cap.
  const hour = slots.find((s) => s.label === worst.label)!.hourOfDay;
  const perPool = pools
    .filter((p) => p.max_agents !== null && coversHour(p.start_hours, p.shift_lengths, hour))
    .map((p) => `${p.id}'s max_agents by ${Math.ceil(missing / p.productivity - 1e-9)} (to ${p.max_agents! + Math.ceil(missing / p.productivity - 1e-9)})`);
  const fix = perPool.length > 0 ? `raise ${perPool.join(' or ')}` : `raise max_agents by at least ${Math.ceil(missing - 1e-9)} agent(s) (at productivity 1)`;
  return `The pools' max_agents cannot reach the coverage floor in ${short.length} hour(s) (${listed}): at ${worst.label} they allow ${roundTo(worst.capacity, 2)} staff but the floor needs ${roundTo(worst.floor, 2)}; ${fix}, or lower min_coverage.`;
}

// Whether some shift of the pool can be on at this hour of day (a start within the last L hours).
function coversHour(startHours: number[] | null, lengths: number[], hour: number): boolean {
  if (startHours === null) return true;
  return startHours.some((s) => lengths.some((l) => (hour - s + 24) % 24 < l));
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
