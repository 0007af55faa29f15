import { WEEK } from './calendar.js';
import { endOf, type Series, typicalAt } from './series.js';
import { weightedMedian, winsorizedMean } from './robust.js';

/**
 * The level-free shape of the recent weeks: `shape[j]` is the normal volume of the hour-of-week
 * that is `j` hours after the series' end (mod 168), at the weeks' typical level; `weekLevels[k]`
 * is the level of the k-th week back (1 = typical; NaN when the week has no normal hour).
 */
export interface WeekProfile {
  end: number;
  shape: Float64Array;
  weekLevels: number[];
}

/** Position in the profile of local hour `lh` (any week). */
export function profileIndex(p: { end: number }, lh: number): number {
  return (((lh - p.end) % WEEK) + WEEK) % WEEK;
}

/**
 * Estimates the profile from the last `weeks` weeks, the k-th back weighted `decay^k`.
 * Each week is first scaled to a common level, so that a busy or quiet week changes the level
 * and not the shape; each slot is then a winsorized mean, so that an anomalous hour or day does
 * not poison the shape.
 */
export function weekProfile(s: Series, weeks: number, decay: number): WeekProfile {
  const end = endOf(s);
  const rows: number[][] = [];
  for (let k = 0; k < weeks; k++) {
    const from = end - WEEK * (k + 1);
    rows.push(Array.from({ length: WEEK }, (_, j) => typicalAt(s, from + j)));
  }
  const weights = rows.map((_, k) => decay ** k);
  const column = (j: number, scale: number[]) => rows.map((r, k) => r[j] / scale[k]);
  const ones = rows.map(() => 1);
  const first = Float64Array.from({ length: WEEK }, (_, j) => winsorizedMean(column(j, ones), weights));
  const weekLevels = rows.map((r, k) => weekLevel(r, first, end - WEEK * (k + 1)));
  const levels = weekLevels.map((l) => (Number.isFinite(l) && l > 0 ? l : NaN));
  const shape = Float64Array.from({ length: WEEK }, (_, j) => {
    const v = winsorizedMean(column(j, levels), weights);
    return Number.isFinite(v) ? v : 0;
  });
  return { end, shape, weekLevels };
}

/**
 * The level of one week against a shape: the volume-weighted median of its days' ratios, so one
 * anomalous day does not set the level of the whole week.
 */
function weekLevel(row: number[], shape: Float64Array, from: number): number {
  const ratios: number[] = [];
  const weights: number[] = [];
  let day = Math.floor(from / 24);
  let actual = 0;
  let expected = 0;
  const flush = () => {
    if (expected > 0) {
      ratios.push(actual / expected);
      weights.push(expected);
    }
    actual = 0;
    expected = 0;
  };
  row.forEach((v, j) => {
    if (Math.floor((from + j) / 24) !== day) {
      flush();
      day = Math.floor((from + j) / 24);
    }
    if (Number.isFinite(v) && Number.isFinite(shape[j])) {
      actual += v;
      expected += shape[j];
    }
  });
  flush();
  return weightedMedian(ratios, weights);
}
