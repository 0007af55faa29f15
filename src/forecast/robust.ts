/** Small robust statistics shared by the models. NaN entries are ignored throughout. */

/**
 * The weighted median of the finite values.
 * @example weightedMedian([1, 2, 100], [1, 1, 1]) //=> 2
 */
export function weightedMedian(values: readonly number[], weights: readonly number[]): number {
  const idx = values.map((_, i) => i).filter((i) => Number.isFinite(values[i]) && weights[i] > 0);
  if (idx.length === 0) return NaN;
  idx.sort((a, b) => values[a] - values[b]);
  const total = idx.reduce((s, i) => s + weights[i], 0);
  let acc = 0;
  for (const i of idx) {
    acc += weights[i];
    if (acc >= total / 2) return values[i];
  }
  return values[idx[idx.length - 1]];
}

/** The arithmetic mean (NaN for no values). @example mean([1, 2, 6]) //=> 3 */
export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The sample variance, over n - 1 (NaN for fewer than two values). @example sampleVariance([1, 2, 6]) //=> 7 */
export function sampleVariance(values: readonly number[]): number {
  const m = mean(values);
  return values.length < 2 ? NaN : values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1);
}

/**
 * The median of the finite values (the lower middle one of an even count), every value weighted alike.
 * @example median([1, 2, 100]) //=> 2
 */
export function median(values: readonly number[]): number {
  return weightedMedian(
    values,
    values.map(() => 1),
  );
}

/**
 * A weighted mean after winsorizing at median ± 2 robust scales. The scale never drops below the
 * Poisson noise of the median, so that a few equal low counts do not make every other value an
 * "outlier". One-off anomalies therefore move the result little, while ordinary noise is averaged
 * (a median alone would waste a third of the data).
 * @param poissonUnit contacts per unit of `values` (values are often level-normalised counts)
 * @example winsorizedMean([10, 11, 9, 90], [1, 1, 1, 1], 1) //=> about 11.6 (the 90 is pulled in to 16.3)
 */
export function winsorizedMean(values: readonly number[], weights: readonly number[], poissonUnit = 1): number {
  const m = weightedMedian(values, weights);
  if (!Number.isFinite(m)) return NaN;
  const deviations = values.map((v) => Math.abs(v - m));
  const mad = 1.4826 * weightedMedian(deviations, weights);
  const scale = Math.max(mad, Math.sqrt(Math.max(m, 1 / poissonUnit) / poissonUnit));
  let sum = 0;
  let w = 0;
  values.forEach((v, i) => {
    if (!Number.isFinite(v) || !(weights[i] > 0)) return;
    sum += weights[i] * Math.min(m + 2 * scale, Math.max(m - 2 * scale, v));
    w += weights[i];
  });
  return sum / w;
}

/**
 * The q-quantile (0..1) of the finite values, linear between order statistics.
 * @example quantile([1, 2, 3, 4, 5], 0.5) //=> 3
 */
export function quantile(values: readonly number[], q: number): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const pos = q * (v.length - 1);
  const lo = Math.floor(pos);
  return v[lo] + (v[Math.min(lo + 1, v.length - 1)] - v[lo]) * (pos - lo);
}
