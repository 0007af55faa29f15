import { makeProblem, plainConfig } from '../roster/helpers.js';
import { realisticWeek } from '../roster/weekShape.js';

/** Pools where every rule can bind: a capped vendor, a night crew, a share cap and a budget. */
export const SHADOW_POOLS = [
  { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, night_premium: 0.3, shift_lengths: [8], max_agents: null },
  { id: 'vendor', kind: 'outsourced', cost_per_hour: 38, night_premium: 0.2, productivity: 0.9, shift_lengths: [4, 8], max_agents: 12 },
];

/** A week peaking at `peak` staff with the given rules (budget, caps, floors) over plainConfig. */
export function shadowConfig(extra: Record<string, unknown>): Record<string, unknown> {
  return plainConfig(SHADOW_POOLS, extra);
}

/** The roster problem of that week. */
export function shadowProblem(extra: Record<string, unknown>, peak = 40) {
  const week = realisticWeek(peak);
  return makeProblem(shadowConfig(extra), (slot) => week[slot].staffNeeded);
}
