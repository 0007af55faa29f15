/** One hour's staff split among the tiers (see `splitTiers`). */
export interface TierSplit {
  /** Staff each tier takes, in the order of the tiers; they add up to the hour's staff. */
  staffed: number[];
  /** Each tier's shortfall, max(0, need - staffed). */
  shortfall: number[];
  /**
   * The least total shortfall any split leaves: max over tier sets U of need(U) minus the staff
   * of the pools serving a tier of U, floored at 0 (max-flow / min-cut, Hall's deficiency).
   */
  least: number;
}

const EPS = 1e-9;

/**
 * Splits one hour's staff among the tiers, each pool's staff only to the tiers it serves, so that
 * the total shortfall is the least possible, exactly and deterministically. The split is the
 * weighted max-min fair point of the tiers' polymatroid (water-filling): every tier with need is
 * staffed at the same share of its need, raised together until a set of tiers uses up all the
 * staff of the pools serving it; those tiers stop there and the others keep rising. So
 * unavoidable shortfall is spread at one coverage ratio where possible, surplus staff goes in
 * proportion to need, and staff of pools serving only tiers with no need goes to their first tier.
 * A fair point of that kind is a maximal vector under every cap proportional to need, hence it
 * leaves the least total shortfall (and the least total deficit against floors proportional to
 * need). Enumerates subsets of tiers: meant for the few tiers a config may have (<= 8).
 * @param poolStaff staff (agents x productivity) of each pool in the hour
 * @param poolTiers the tier indexes each pool serves (first = the pool's first tier)
 * @param need each tier's staff needed in the hour
 * @example splitTiers([3, 2], [[0, 1], [0]], [2, 2]) //=> { staffed: [2.5, 2.5], shortfall: [0, 0], least: 0 }
 */
export function splitTiers(poolStaff: readonly number[], poolTiers: readonly (readonly number[])[], need: readonly number[]): TierSplit {
  const m = need.length;
  const masks = poolTiers.map((ts) => ts.reduce((a, t) => a | (1 << t), 0));
  // Staff of the pools serving any tier of the set `mask`.
  const reach = (mask: number) => masks.reduce((a, pm, p) => a + ((pm & mask) !== 0 ? poolStaff[p] : 0), 0);
  const needOf = (mask: number) => need.reduce((a, v, t) => a + ((mask >> t) & 1 ? v : 0), 0);

  let least = 0;
  for (let mask = 1; mask < 1 << m; mask++) least = Math.max(least, needOf(mask) - reach(mask));

  const staffed = new Array<number>(m).fill(0);
  const positive = need.reduce((a, v, t) => (v > 0 ? a | (1 << t) : a), 0);
  let active = positive;
  let frozen = 0;
  while (active !== 0) {
    // The highest common ratio r: for every set U of tiers with need, fixed(U) + r x need(U ∩ active) <= reach(U).
    let ratio = Infinity;
    const slack = (mask: number) => reach(mask) - sumOf(staffed, mask & frozen);
    for (let mask = positive; mask > 0; mask = (mask - 1) & positive) {
      const rising = needOf(mask & active);
      if (rising > 0) ratio = Math.min(ratio, Math.max(0, slack(mask)) / rising);
    }
    // Every tier of a set that is tight at that ratio stops there (tight sets are closed under union).
    let tight = 0;
    for (let mask = positive; mask > 0; mask = (mask - 1) & positive) {
      const rising = needOf(mask & active);
      if (rising > 0 && slack(mask) - ratio * rising <= EPS * Math.max(1, reach(mask))) tight |= mask & active;
    }
    for (let t = 0; t < m; t++) if ((tight >> t) & 1) staffed[t] = ratio * need[t];
    frozen |= tight;
    active &= ~tight;
  }
  // Pools that serve no tier with need: their staff to their first tier.
  poolTiers.forEach((ts, p) => {
    if ((masks[p] & positive) === 0 && ts.length > 0) staffed[ts[0]] += poolStaff[p];
  });
  return { staffed, shortfall: staffed.map((s, t) => Math.max(0, need[t] - s)), least };
}

function sumOf(values: readonly number[], mask: number): number {
  return values.reduce((a, v, t) => a + ((mask >> t) & 1 ? v : 0), 0);
}
