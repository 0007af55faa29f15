import { quantile } from './robust.js';

/**
 * An 80% interval model learnt from held-out (backtest) errors: the error variance grows with the
 * forecast as a·f + b·f² (Poisson noise plus a share of the level), and the 10%/90% quantiles of
 * the errors divided by that standard deviation set the bounds, so skew is kept and the coverage
 * on the held-out weeks is 80% by construction.
 */
export interface IntervalModel {
  a: number;
  b: number;
  zLo: number;
  zHi: number;
}

/** A sensible interval when there is no held-out history: Poisson noise plus 15% of the level. */
export const DEFAULT_INTERVALS: IntervalModel = { a: 1, b: 0.0225, zLo: -1.2816, zHi: 1.2816 };

/** Fits the interval model to forecasts and actuals of the same hours (NaN pairs are skipped). */
export function fitIntervals(forecast: Float64Array, actual: Float64Array): IntervalModel {
  const f: number[] = [];
  const e2: number[] = [];
  forecast.forEach((v, i) => {
    if (Number.isFinite(v) && Number.isFinite(actual[i]) && v > 0) {
      f.push(v);
      e2.push((actual[i] - v) ** 2);
    }
  });
  if (f.length < 48) return DEFAULT_INTERVALS;
  const { a, b } = varianceFit(f, e2);
  return { a, b, ...zQuantiles(forecast, actual, a, b) };
}

function zQuantiles(forecast: Float64Array, actual: Float64Array, a: number, b: number): { zLo: number; zHi: number } {
  const z: number[] = [];
  forecast.forEach((v, i) => {
    if (Number.isFinite(v) && Number.isFinite(actual[i]) && v > 0) z.push((actual[i] - v) / sdAt({ a, b }, v));
  });
  return { zLo: Math.min(0, quantile(z, 0.1)), zHi: Math.max(0, quantile(z, 0.9)) };
}

/** Least squares of e² on (f, f²) with both coefficients kept non-negative. */
function varianceFit(f: number[], e2: number[]): { a: number; b: number } {
  let s11 = 0, s12 = 0, s22 = 0, r1 = 0, r2 = 0;
  f.forEach((v, i) => {
    s11 += v * v;
    s12 += v * v * v;
    s22 += v * v * v * v;
    r1 += v * e2[i];
    r2 += v * v * e2[i];
  });
  const det = s11 * s22 - s12 * s12;
  let a = det > 0 ? (r1 * s22 - r2 * s12) / det : 0;
  let b = det > 0 ? (r2 * s11 - r1 * s12) / det : 0;
  if (a < 0 || !Number.isFinite(a)) [a, b] = [0, r2 / s22];
  if (b < 0 || !Number.isFinite(b)) [a, b] = [r1 / s11, 0];
  return { a: Math.max(a, 1e-6), b: Math.max(b, 0) };
}

function sdAt(m: { a: number; b: number }, f: number): number {
  return Math.sqrt(m.a * f + m.b * f * f);
}

/** The 80% interval around point forecast `f` (contacts); it always contains `f`, never below 0. */
export function interval(m: IntervalModel, f: number): { lo80: number; hi80: number } {
  if (f <= 0) return { lo80: 0, hi80: 0 };
  const sd = sdAt(m, f);
  return { lo80: Math.max(0, f + m.zLo * sd), hi80: f + m.zHi * sd };
}
