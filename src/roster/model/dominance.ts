import type { Pool } from '../../domain/config.js';
import type { Counts } from '../solve/assemble.js';
import type { Decision } from './model.js';
import type { RosterSlot, RosterTier } from '../types.js';

/** A shift left out of the program because two kept shifts back to back are the same thing. */
export interface Merge {
  whole: Decision;
  parts: [Decision, Decision];
}

const EPS = 1e-9;

/**
 * Drops decisions that can never do better than another one under every rule, so the solver
 * searches fewer equivalent rosters (the optimum is unchanged):
 * - a plain shift of pool B when pool A offers the same start and length at no more cost, with
 *   at least B's productivity, no max_agents of its own (moving B's agents to A breaks no cap),
 *   and in-house if B is (so the outsourced share cannot grow), and, with tiers, serving every
 *   tier B serves (so A's agents can take B's contacts);
 * - a plain shift of length a+b when the same pool offers a at its start and b right after:
 *   same hours on shift, same heads in every slot (max_agents), same paid hours (share), same
 *   cost. These come back through `mergeSplits`.
 * Tours are never dropped. Pools in `capped` (named pools capped by their team, issue 14) drop
 * nothing and dominate nothing: their team may not take more shifts, its contracts' minimum hours
 * may need any of its shifts, and one agent on a long shift is not two starts back to back.
 */
export function dropDominated(
  all: readonly Decision[],
  pools: readonly Pool[],
  slots: readonly RosterSlot[],
  tiers?: readonly RosterTier[],
  capped?: ReadonlySet<string>,
): { kept: Decision[]; merges: Merge[] } {
  const n = slots.length;
  const servesAll = (a: Pool, b: Pool) => !tiers || tiers.every((t) => !t.pools.includes(b.id) || t.pools.includes(a.id));
  const rank = new Map(pools.map((p, i) => [p, i]));
  const at = new Map(all.filter((d) => !d.tour).map((d) => [`${d.pool.id}|${d.starts[0]}|${d.hours}`, d]));
  const bySlot = new Map<string, Decision[]>();
  for (const d of all.filter((d) => !d.tour))
    bySlot.set(`${d.starts[0]}|${d.hours}`, [...(bySlot.get(`${d.starts[0]}|${d.hours}`) ?? []), d]);
  const beats = (a: Decision, b: Decision) =>
    a.pool.max_agents === null &&
    !capped?.has(a.pool.id) &&
    a.pool.productivity >= b.pool.productivity &&
    a.cost <= b.cost + EPS &&
    (a.pool.kind === 'in_house' || b.pool.kind === 'outsourced') &&
    servesAll(a.pool, b.pool) &&
    // Equal on every count: the earlier pool wins, so two equal pools do not drop each other.
    (a.pool.productivity > b.pool.productivity ||
      a.cost < b.cost - EPS ||
      a.pool.kind !== b.pool.kind ||
      rank.get(a.pool)! < rank.get(b.pool)!);
  const dominated = (d: Decision) =>
    !d.tour && bySlot.get(`${d.starts[0]}|${d.hours}`)!.some((o) => o !== d && o.pool !== d.pool && beats(o, d));
  const merges: Merge[] = [];
  const kept = all.filter((d) => {
    // A capped pool's shifts all stay: its team's minimum hours may need them.
    if (capped?.has(d.pool.id)) return true;
    if (dominated(d)) return false;
    if (d.tour) return true;
    for (const a of d.pool.shift_lengths) {
      const first = at.get(`${d.pool.id}|${d.starts[0]}|${a}`);
      const second = at.get(`${d.pool.id}|${(d.starts[0] + a) % n}|${d.hours - a}`);
      if (a < d.hours && first && second && Math.abs(first.cost + second.cost - d.cost) < EPS) {
        merges.push({ whole: d, parts: [first, second] });
        return false;
      }
    }
    return true;
  });
  // A part dropped as dominated would make its merge unreachable; parts are plain shifts of the
  // same pool, so they are dominated together with the whole: keep only consistent merges.
  const keptSet = new Set(kept);
  return { kept, merges: merges.filter((m) => m.parts.every((p) => keptSet.has(p))) };
}

/**
 * Counts over the program's decisions turned back into the roster a manager expects: wherever a
 * shift and the one right after it make up a left-out longer shift, they become that shift
 * (earliest start first). Cost, coverage, heads and paid hours are unchanged.
 */
export function mergeSplits(merges: readonly Merge[], counts: Counts): Counts {
  const out = new Map(counts);
  for (const { whole, parts } of [...merges].sort((a, b) => a.whole.starts[0] - b.whole.starts[0] || b.whole.hours - a.whole.hours)) {
    const k = Math.min(out.get(parts[0].name) ?? 0, out.get(parts[1].name) ?? 0);
    if (k <= 0) continue;
    for (const p of parts) out.set(p.name, out.get(p.name)! - k);
    out.set(whole.name, (out.get(whole.name) ?? 0) + k);
  }
  return out;
}
