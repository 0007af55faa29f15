import { median } from '../robust.js';

/** Bisquare cut-off, in robust deviations of the day levels: beyond it a day gets no weight. */
const CUTOFF = 4;
/** Day-level spread assumed at least (in logs), so a very regular series does not reject noise. */
const MIN_SPREAD = 0.05;

/**
 * Tukey bisquare weights of whole days, one per observation: each local day's log ratio of actual
 * to fitted volume is compared with the median day, in units of a robust spread (MAD) that never
 * drops below that day's Poisson noise. Anomalies are day-wide far more often than hour-wide
 * (holidays, outages, a viral post), and a day's total is far less noisy than its hours.
 * @param lhs local hour number of each observation
 * @param y observed contacts of each observation
 * @param mu fitted contacts of the i-th observation
 * @example robustDayWeights(lhs, y, (i) => mu[i]) // 1 on ordinary days, 0 on a holiday
 */
export function robustDayWeights(lhs: readonly number[], y: Float64Array, mu: (i: number) => number): Float64Array {
  const actual = new Map<number, number>();
  const fitted = new Map<number, number>();
  lhs.forEach((lh, i) => {
    const day = Math.floor(lh / 24);
    actual.set(day, (actual.get(day) ?? 0) + y[i]);
    fitted.set(day, (fitted.get(day) ?? 0) + mu(i));
  });
  const ratio = new Map([...actual].map(([day, a]) => [day, Math.log((a + 1) / (fitted.get(day)! + 1))]));
  const logs = [...ratio.values()];
  const mid = median(logs);
  const spread = Math.max(MIN_SPREAD, 1.4826 * median(logs.map((r) => Math.abs(r - mid))));
  const weight = new Map(
    [...ratio].map(([day, r]) => {
      const u = (r - mid) / (CUTOFF * Math.hypot(spread, 1 / Math.sqrt(fitted.get(day)! + 1)));
      return [day, Math.abs(u) < 1 ? (1 - u * u) ** 2 : 0];
    }),
  );
  return Float64Array.from(lhs, (lh) => weight.get(Math.floor(lh / 24))!);
}
