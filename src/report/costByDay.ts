import { shiftCost } from '../roster/model/model.js';
import type { Roster, RosterProblem } from '../roster/types.js';
import { roundTo } from '../domain/round.js';

/** Cost of one pool on one local day of the week, currency units. */
export interface DayCost {
  /** Local date `YYYY-MM-DD`. */
  day: string;
  pool: string;
  cost: number;
}

/**
 * The roster's cost split by pool and by the local day each shift hour falls on (a shift past
 * midnight costs the next day; night premiums included; on-call shifts at their retainer), summing
 * to roster.cost.total.
 */
export function costByDay(roster: Roster, problem: RosterProblem): DayCost[] {
  const slotOf = new Map(problem.slots.map((s, i) => [s.label, i]));
  const pools = new Map(problem.pools.map((p) => [p.id, p]));
  const cost = new Map<string, number>();
  for (const s of roster.shifts) {
    const start = slotOf.get(s.start)!;
    for (let k = 0; k < s.hours; k++) {
      const slot = (start + k) % problem.slots.length;
      const key = `${problem.slots[slot].label.slice(0, 10)}|${s.pool}`;
      cost.set(key, (cost.get(key) ?? 0) + s.agents * shiftCost(pools.get(s.pool)!, problem.slots, slot, 1));
    }
  }
  // On-call shifts cost their retainer, hour by hour like the shifts.
  const standby = new Map((problem.standby?.pools ?? []).map((p) => [p.id, p]));
  for (const s of roster.standby ?? []) {
    const start = slotOf.get(s.start)!;
    for (let k = 0; k < s.hours; k++) {
      const key = `${problem.slots[(start + k) % problem.slots.length].label.slice(0, 10)}|${s.pool}`;
      cost.set(key, (cost.get(key) ?? 0) + s.agents * (standby.get(s.pool)!.retainer_per_hour ?? 0));
    }
  }
  return [...cost].map(([key, v]) => ({ day: key.split('|')[0], pool: key.split('|')[1], cost: roundTo(v, 2) }));
}
