/** The standard normal's 90% quantile: an 80% central interval is mean ± Z90 standard deviations. */
export const Z90 = 1.2815515655446004;

/**
 * The 80% interval of a count with the given mean and variance, read from a gamma distribution of
 * those moments (Wilson–Hilferty's cube-root approximation of its quantiles): skewed upwards like
 * counts are, and never below zero.
 * @param mean expected contacts in the hour
 * @param variance their variance (contacts²)
 * @example interval80(100, 100) //=> { lo80: 87.42, hi80: 113.01 } (to two places)
 */
export function interval80(mean: number, variance: number): { lo80: number; hi80: number } {
  if (!(mean > 0) || !(variance > 0)) return { lo80: Math.max(0, mean), hi80: Math.max(0, mean) };
  const shape = (mean * mean) / variance;
  const c = 1 / (9 * shape);
  const at = (z: number) => mean * Math.max(0, 1 - c + z * Math.sqrt(c)) ** 3;
  return { lo80: at(-Z90), hi80: at(Z90) };
}

/** The variance an 80% interval stands for, read back as if it were normal (half-width / Z90, squared). */
export function varianceOf80(lo80: number, hi80: number): number {
  return ((hi80 - lo80) / (2 * Z90)) ** 2;
}
