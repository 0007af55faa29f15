/** A roster shift placed on the week: its first slot, length in hours, agents, their productivity. */
export interface PlacedShift {
  /** Index of the first hourly slot of the week it covers. */
  startSlot: number;
  hours: number;
  agents: number;
  /** The pool's productivity (1 = a full agent). */
  productivity: number;
}

/**
 * Staffed per slot (SPEC section 3, Coverage): the sum over the shifts covering the slot of
 * agents x productivity; a shift running past the week's last slot wraps to its first.
 * @param shifts the roster's shifts, placed on the week
 * @param slots slots in the week (168; 167 or 169 in a daylight-saving week)
 * @example
 * staffedBySlot([{ startSlot: 166, hours: 4, agents: 3, productivity: 0.9 }], 168)
 * //=> slots 166, 167, 0, 1 hold 2.7; the others 0
 */
export function staffedBySlot(shifts: readonly PlacedShift[], slots: number): number[] {
  const staffed = new Array<number>(slots).fill(0);
  for (const s of shifts) {
    for (let i = 0; i < s.hours; i++) staffed[(s.startSlot + i) % slots] += s.agents * s.productivity;
  }
  return staffed;
}

/**
 * Agents available from the staff on shift: floor(staffed x (1 - shrinkage)), where an agent
 * available at least 95% of the hour counts. The allowance keeps 10 / 0.7 x 0.7 at 10 rather
 * than 9, also when the staff was written rounded (a tier's share in roster.json), and keeps a
 * one-agent tier from losing its agent to a sliver of shortfall: a roster 0.1 staff short in an
 * hour spreads it over its tiers, and 1.414 senior staff (0.99 agents) are not "no senior".
 * @param staffed staff on shift (agents x productivity)
 * @param shrinkage total shrinkage (0-1)
 */
export function availableAgents(staffed: number, shrinkage: number): number {
  return Math.floor(staffed * (1 - shrinkage) + AGENT_ALLOWANCE);
}

/** The share of an agent short of a whole one that still counts as one. */
const AGENT_ALLOWANCE = 0.05;
