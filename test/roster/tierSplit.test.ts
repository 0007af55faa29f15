import { describe, expect, it } from 'vitest';
import { splitTiers } from '../../src/roster/tierSplit.js';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const close = (xs: number[]) => xs.map((x) => Math.round(x * 1e9) / 1e9);

// Brute force of the least total shortfall: the best split of each pool's staff on a fine grid
// (two pools, two tiers) — independent of the subset formula.
function bruteLeast(poolStaff: number[], poolTiers: number[][], need: number[]): number {
  let best = Infinity;
  const steps = 200;
  const shares = (p: number) => (poolTiers[p].length === 1 ? [1] : Array.from({ length: steps + 1 }, (_, i) => i / steps));
  for (const a of shares(0)) {
    for (const b of shares(1)) {
      const got = need.map(() => 0);
      const give = (p: number, s: number) => {
        got[poolTiers[p][0]] += poolStaff[p] * s;
        if (poolTiers[p].length > 1) got[poolTiers[p][1]] += poolStaff[p] * (1 - s);
      };
      give(0, a);
      give(1, b);
      best = Math.min(best, sum(need.map((n, t) => Math.max(0, n - got[t]))));
    }
  }
  return best;
}

describe('splitTiers: one hour of staff among the tiers', () => {
  it('leaves the Hall deficiency as the least shortfall: senior staff cannot come from a general-only pool', () => {
    // inhouse (general, senior) 2 staff, vendor (general) 5; need general 3, senior 3.
    const split = splitTiers([2, 5], [[0, 1], [0]], [3, 3]);
    // U = {senior}: need 3, reach 2: deficiency 1, though 7 staff cover the 6 needed in total.
    expect(split.least).toBeCloseTo(1, 12);
    expect(close(split.staffed)).toEqual([5, 2]);
    expect(close(split.shortfall)).toEqual([0, 1]);
    expect(sum(split.staffed)).toBeCloseTo(7, 12);
  });

  it('matches a brute-force search of splits on small cases', () => {
    const cases: [number[], number[][], number[]][] = [
      [
        [2, 5],
        [[0, 1], [0]],
        [3, 3],
      ],
      [
        [4, 1],
        [[0, 1], [1]],
        [3.5, 2],
      ],
      [
        [1.8, 2.7],
        [
          [0, 1],
          [0, 1],
        ],
        [4, 1],
      ],
      [
        [3, 3],
        [[0], [1]],
        [1, 5],
      ],
      [
        [0.9, 4],
        [[1], [0, 1]],
        [2.5, 2.5],
      ],
    ];
    for (const [staff, tiers, need] of cases) {
      const split = splitTiers(staff, tiers, need);
      expect(split.least).toBeCloseTo(bruteLeast(staff, tiers, need), 6);
      expect(sum(split.shortfall)).toBeCloseTo(split.least, 9);
      expect(sum(split.staffed)).toBeCloseTo(sum(staff), 9);
    }
  });

  it('spreads unavoidable shortfall at one coverage ratio when the pools serve both tiers', () => {
    // 6 staff for needs 8 and 4 (12): every tier at 50%.
    const split = splitTiers([6], [[0, 1]], [8, 4]);
    expect(close(split.staffed)).toEqual([4, 2]);
    expect(close(split.shortfall)).toEqual([4, 2]);
    expect(split.least).toBeCloseTo(6, 12);
  });

  it('raises the other tiers on once a tier is capped by its pools', () => {
    // senior only reachable by inhouse (1 staff) but needs 4; general needs 4 with 5 from the vendor + inhouse.
    const split = splitTiers([1, 5], [[0, 1], [0]], [4, 4]);
    // Common ratio would be 6/8 = 0.75 but senior reaches only 1 (0.25): senior stops, general takes the rest.
    expect(close(split.staffed)).toEqual([5, 1]);
    expect(close(split.shortfall)).toEqual([0, 3]);
    expect(split.least).toBeCloseTo(3, 12);
  });

  it('gives surplus in proportion to need, and staff no tier needs to the pool’s first tier', () => {
    // 9 staff of a two-tier pool for needs 2 and 1: 6 and 3 (ratio 3 each).
    expect(close(splitTiers([9], [[0, 1]], [2, 1]).staffed)).toEqual([6, 3]);
    // Surplus of a pool serving a needed tier goes there: [3, 4] with the second serving tiers 2 and 1.
    expect(
      close(
        splitTiers(
          [3, 4],
          [
            [0, 1],
            [2, 1],
          ],
          [2, 1, 0],
        ).staffed,
      ),
    ).toEqual([3, 4, 0]);
    // A pool serving only tier 2 (no need there): its 4 staff go to tier 2, its first tier.
    expect(close(splitTiers([3, 4], [[0, 1], [2]], [2, 1, 0]).staffed)).toEqual([2, 1, 4]);
  });

  it('is exact and deterministic with nothing needed and nothing staffed', () => {
    expect(splitTiers([0, 0], [[0, 1], [0]], [0, 0])).toEqual({ staffed: [0, 0], shortfall: [0, 0], least: 0 });
    expect(splitTiers([0], [[0, 1]], [2, 3])).toEqual({ staffed: [0, 0], shortfall: [2, 3], least: 5 });
    expect(splitTiers([2, 5], [[0, 1], [0]], [3, 3])).toEqual(splitTiers([2, 5], [[0, 1], [0]], [3, 3]));
  });
});
