import { mean, sampleVariance } from '../forecast/robust.js';

/** A mean over replications with its 95% confidence interval (Student t). */
export interface Estimate {
  mean: number;
  lo: number;
  hi: number;
}

/**
 * Mean and 95% confidence interval of independent replications; values that are NaN (a
 * replication in which the measure is undefined, e.g. ASA with nobody answered) are left out.
 * @returns null when no replication defines the measure; lo = hi = mean with one replication
 * @example
 * estimate([0.8, 0.82, 0.84]) //=> { mean: 0.82, lo: 0.770, hi: 0.870 }
 */
export function estimate(values: readonly number[]): Estimate | null {
  const xs = values.filter((v) => !Number.isNaN(v));
  const n = xs.length;
  if (n === 0) return null;
  const m = mean(xs);
  if (n === 1) return { mean: m, lo: m, hi: m };
  const half = tQuantile975(n - 1) * Math.sqrt(sampleVariance(xs) / n);
  return { mean: m, lo: m - half, hi: m + half };
}

// Student t 97.5% quantiles for 1 to 7 degrees of freedom (tables), where the expansion below is poor.
const SMALL_DF = [NaN, 12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252];

/**
 * The 97.5% quantile of Student's t with `df` degrees of freedom: tabled up to 7, then the
 * Cornish-Fisher expansion around the normal quantile (error below 3e-5 from df = 8).
 */
export function tQuantile975(df: number): number {
  if (df < SMALL_DF.length) return SMALL_DF[df];
  const z = 1.959963984540054;
  const z2 = z * z;
  return (
    z +
    (z * (z2 + 1)) / (4 * df) +
    (z * (5 * z2 * z2 + 16 * z2 + 3)) / (96 * df ** 2) +
    (z * (3 * z2 ** 3 + 19 * z2 * z2 + 17 * z2 - 15)) / (384 * df ** 3) +
    (z * (79 * z2 ** 4 + 776 * z2 ** 3 + 1482 * z2 * z2 - 1920 * z2 - 945)) / (92160 * df ** 4)
  );
}
