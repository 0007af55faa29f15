import type { DayLevel } from './dailyLevels.js';

/** Prior weight, in days, that pulls each day-of-month factor towards 1. */
const PRIOR_DAYS = 4;
/** Deviations beyond this (in logs, about x0.6 or x1.65) are one-off anomalies, not a cycle. */
const ANOMALY = 0.5;
/**
 * Days either side whose levels a day's local level is the median of: a whole month, so the
 * window holds every phase of the cycle and the level does not follow it (a ±7-day window sat
 * inside a salary fortnight and read half of the cycle as level).
 */
const HALF_WINDOW = 15;

/** The day of the month (1-31) of a local day number. */
export function dayOfMonth(day: number): number {
  return new Date(day * 86_400_000).getUTCDate();
}

/**
 * Day-of-month factors (index 1..31) of a daily level series: how much each day of the month
 * runs above or below the days around it (salary days, billing cycles). Each day's deviation
 * from the median of the month around it is averaged in logs (one-off anomalies such as an
 * unannounced holiday left out), pooled with the days
 * either side and shrunk towards 1, so a history of a few months or without a monthly cycle
 * gives factors near 1.
 */
export function monthFactors(days: readonly DayLevel[]): Float64Array {
  const sum = new Float64Array(33);
  const weight = new Float64Array(33);
  days.forEach((d, i) => {
    const around = days
      .filter((o, j) => j !== i && Math.abs(o.day - d.day) <= HALF_WINDOW)
      .map((o) => o.ratio)
      .sort((a, b) => a - b);
    if (around.length < 4 || !(d.ratio > 0)) return;
    const local = around[Math.floor(around.length / 2)];
    if (!(local > 0)) return;
    const dev = Math.log(d.ratio / local);
    if (Math.abs(dev) > ANOMALY) return;
    const dom = dayOfMonth(d.day);
    // Pool with neighbouring days of the month: a cycle is smooth, a single date is noisy.
    for (const [k, w] of [
      [dom - 1, 0.5],
      [dom, 1],
      [dom + 1, 0.5],
    ] as const) {
      sum[k] += w * dev;
      weight[k] += w;
    }
  });
  const factors = new Float64Array(32).fill(1);
  for (let k = 1; k <= 31; k++) factors[k] = Math.exp(sum[k] / (weight[k] + PRIOR_DAYS));
  return factors;
}
