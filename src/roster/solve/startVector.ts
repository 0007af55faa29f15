import type { Counts } from './assemble.js';
import { lpName, type RosterModel } from '../model/model.js';
import type { RosterProblem } from '../types.js';

/**
 * Every column of the roster model for an integer roster: agents per decision, the head counts
 * `on_<pool>_<slot>` they give, and each slot's shortfall. A complete vector lets HiGHS take the
 * roster as its first incumbent without solving for the columns left out. With tiers (issue 13)
 * also each hour's allocations `y_<pool>_<tier>_<slot>` of the pools serving several tiers and the
 * tier shortfalls `short_<tier>_<slot>`, from a split that meets every tier floor the roster lets
 * (Hall's condition) and leaves the least total shortfall (see `allocate`).
 */
export function startVector(problem: RosterProblem, model: RosterModel, counts: Counts): Map<string, number> {
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
  for (const d of model.onCall) out.set(d.name, counts.get(d.name) ?? 0);
  for (const pool of problem.pools) heads.get(pool.id)!.forEach((v, h) => out.set(`on_${lpName(pool.id)}_${h}`, v));
  if (problem.tiers) tierColumns(problem, model, heads, out);
  else model.shortfall.forEach((name, h) => name && out.set(name, Math.max(0, problem.slots[h].staffNeeded - staffed[h])));
  return out;
}

/**
 * The tier columns of a tiered roster, as model.ts's tier rows read them: a pool serving one tier
 * gives it all its staff; a pool serving several splits it with `y` over the tiers that need
 * someone in the hour (`allocate`); each tier's shortfall is its need less the staff it gets.
 */
function tierColumns(problem: RosterProblem, model: RosterModel, heads: Map<string, number[]>, out: Map<string, number>): void {
  const tiers = problem.tiers!;
  const pools = problem.pools;
  const served = pools.map((p) => tiers.flatMap((t, k) => (t.pools.includes(p.id) ? [k] : [])));
  problem.slots.forEach((slot, h) => {
    const per = slot.tiers!;
    const needs = (k: number) => per[k].staffNeeded > 0;
    const staff = pools.map((p) => heads.get(p.id)![h] * p.productivity);
    const flow = allocate(
      staff,
      served.map((ks) => ks.filter(needs)),
      per.map((t) => (t.staffNeeded > 0 ? t.floor : 0)),
      per.map((t) => (t.staffNeeded > 0 ? Math.max(t.floor, t.staffNeeded) : 0)),
    );
    const got = tiers.map(() => 0);
    pools.forEach((p, i) => {
      for (const k of served[i].filter(needs)) {
        if (served[i].length < 2) got[k] += staff[i];
        else {
          out.set(`y_${lpName(p.id)}_${lpName(tiers[k].name)}_${h}`, flow[i][k]);
          got[k] += flow[i][k];
        }
      }
    });
    model.tierShortfall![h].forEach((name, k) => name && out.set(name, Math.max(0, per[k].staffNeeded - got[k])));
  });
}

// Staff below this is none: well inside HiGHS's feasibility tolerance, and every push is larger.
const EPS = 1e-9;

/**
 * One hour's staff allocated pool by pool to the tiers, as a max flow from the pools (capacity:
 * their staff) to the tiers (each only from pools serving it) by augmenting paths, in two phases:
 * first up to each tier's floor, then on up to its need. A phase only adds flow into the tiers, so
 * the floors met in the first stay met; the first meets every floor exactly when Hall's condition
 * holds, and the second leaves the least total shortfall (max-flow / min-cut). Tiny: a few pools,
 * at most 8 tiers.
 * @returns flow[pool][tier], never more from a pool than its staff
 * @example allocate([3, 2], [[0, 1], [0]], [1, 1], [2, 2]) //=> [[1, 2], [1, 0]]
 */
export function allocate(
  staff: readonly number[],
  serves: readonly (readonly number[])[],
  floor: readonly number[],
  need: readonly number[],
): number[][] {
  const flow = staff.map(() => need.map(() => 0));
  const left = [...staff];
  const into = need.map(() => 0);
  for (const cap of [floor, need]) {
    for (;;) {
      // Breadth-first from the pools with staff left, over pool -> tier (any) and tier -> pool
      // (where the pool already sends to the tier), to a tier below its cap.
      const fromPool = staff.map(() => -1); // tier through which a pool was reached (-2: a source)
      const fromTier = need.map(() => -1); // pool through which a tier was reached
      const queue: number[] = [];
      staff.forEach((_, p) => {
        if (left[p] > EPS) {
          fromPool[p] = -2;
          queue.push(p);
        }
      });
      let end = -1;
      while (queue.length > 0 && end < 0) {
        const p = queue.shift()!;
        for (const k of serves[p]) {
          if (fromTier[k] >= 0) continue;
          fromTier[k] = p;
          if (cap[k] - into[k] > EPS) {
            end = k;
            break;
          }
          staff.forEach((_, q) => {
            if (fromPool[q] === -1 && flow[q][k] > EPS) {
              fromPool[q] = k;
              queue.push(q);
            }
          });
        }
      }
      if (end < 0) break;
      // The bottleneck along the path, then push it.
      let amount = cap[end] - into[end];
      for (let k = end; ; ) {
        const p = fromTier[k];
        if (fromPool[p] === -2) {
          amount = Math.min(amount, left[p]);
          break;
        }
        amount = Math.min(amount, flow[p][fromPool[p]]);
        k = fromPool[p];
      }
      into[end] += amount;
      for (let k = end; ; ) {
        const p = fromTier[k];
        flow[p][k] += amount;
        if (fromPool[p] === -2) {
          left[p] -= amount;
          break;
        }
        flow[p][fromPool[p]] -= amount;
        k = fromPool[p];
      }
    }
  }
  return flow;
}
