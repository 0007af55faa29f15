import { normalCdf, normalQuantile } from '../domain/normal.js';
import type { ForecastPoint } from '../domain/types.js';

/** z of the 90% quantile: lo80 and hi80 are the forecast's 10% and 90% quantiles. */
const Z90 = normalQuantile(0.9);

/**
 * The distribution of one hour's realized contacts, from its forecast point.
 *
 * A two-piece (split) normal with its median at the point forecast: below it a normal whose 10%
 * quantile is lo80, above it one whose 90% quantile is hi80. It goes exactly through the three
 * numbers the forecast gives and keeps their skew (interval.ts builds lo80/hi80 as f + z·sd with
 * z the held-out errors' own 10%/90% quantiles, so f is their centre, not a mean to be corrected).
 * The forecast's interval is for the realized count, Poisson noise included, so nothing is added
 * for it here. Mass below 0 sits at 0 (no hour has fewer than no contacts).
 */
export interface ContactsDistribution {
  /** P(contacts <= x). */
  cdf(x: number): number;
  /** The contacts x with P(contacts <= x) = p. */
  quantile(p: number): number;
  /** The standard deviation the interval implies (the wider side's where the pieces differ, averaged). */
  sd: number;
}

export function contactsDistribution(point: Pick<ForecastPoint, 'contacts' | 'lo80' | 'hi80'>): ContactsDistribution {
  const median = Math.max(0, point.contacts);
  const below = Math.max(0, median - point.lo80) / Z90;
  const above = Math.max(0, point.hi80 - median) / Z90;
  const side = (x: number) => (x < median ? below : above);
  return {
    cdf: (x) => {
      if (x < 0) return 0;
      const s = side(x);
      if (s === 0) return x < median ? 0 : 1;
      return normalCdf((x - median) / s);
    },
    quantile: (p) => Math.max(0, median + normalQuantile(p) * (p < 0.5 ? below : above)),
    sd: (below + above) / 2,
  };
}
