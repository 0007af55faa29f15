import type { Counts } from './assemble.js';
import { lpName, type RosterModel } from '../model/model.js';
import type { RosterProblem } from '../types.js';

/**
 * Every column of the roster model for an integer roster: agents per decision, the head counts
 * `on_<pool>_<slot>` they give, and each slot's shortfall. A complete vector lets HiGHS take the
 * roster as its first incumbent without solving for the columns left out. Untiered problems only:
 * the heuristic that supplies the roster gives none for a tiered one (heuristic.ts).
 */
export function startVector(problem: RosterProblem, model: RosterModel, counts: Counts): Map<string, number> {
  if (problem.tiers) throw new Error('startVector: a tiered problem has no start vector (no heuristic roster)');
  const n = problem.slots.length;
  const out = new Map<string, number>();
  const heads = new Map(problem.pools.map((p) => [p.id, new Array<number>(n).fill(0)]));
  const staffed = new Array<number>(n).fill(0);
  for (const d of model.decisions) {
    const agents = counts.get(d.name) ?? 0;
    out.set(d.name, agents);
    for (const s of d.starts) {
      for (let k = 0; k < d.hours; k++) {
        heads.get(d.pool.id)![(s + k) % n] += agents;
        staffed[(s + k) % n] += agents * d.pool.productivity;
      }
    }
  }
  for (const pool of problem.pools) heads.get(pool.id)!.forEach((v, h) => out.set(`on_${lpName(pool.id)}_${h}`, v));
  model.shortfall.forEach((name, h) => name && out.set(name, Math.max(0, problem.slots[h].staffNeeded - staffed[h])));
  return out;
}
