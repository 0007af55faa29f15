import { WEEK } from './calendar.js';
import type { Occurrence } from './events/occurrences.js';
import type { ModelSpec } from './models/model.js';
import { pointForecast } from './pipeline.js';
import { endOf, truncate, type Series } from './series.js';

/** History a model needs before a backtest origin, in weeks. */
export const MIN_TRAIN_WEEKS = 3;

/** Forecasts of one model family over the held-out weeks; NaN forecasts when the family failed. */
export interface BacktestRun {
  model: string;
  forecast: Float64Array;
  failed: boolean;
}

/**
 * Long-format rolling-origin backtest: for each of the last `weeks` weeks, every family forecasts
 * that week one week ahead from the history before it. Rows are the hours that have history;
 * `origin[i]` is the local hour the i-th row's forecast was made from.
 */
export interface Backtest {
  origin: number[];
  lh: number[];
  actual: Float64Array;
  runs: BacktestRun[];
}

/** How many weekly origins a series supports, at most `wanted`. */
export function backtestWeeks(s: Series, wanted: number): number {
  return Math.max(0, Math.min(wanted, Math.floor(s.y.length / WEEK) - MIN_TRAIN_WEEKS));
}

/**
 * Runs the rolling-origin backtest of `specs` on the last `weeks` weeks of `s`. A family that
 * throws is flagged `failed` and the run goes on (R's tsCV turns failures into NA the same way).
 */
export function backtest(s: Series, occurrences: readonly Occurrence[], specs: readonly ModelSpec[], weeks: number): Backtest {
  const origin: number[] = [];
  const lh: number[] = [];
  const actual: number[] = [];
  const forecasts = specs.map(() => [] as number[]);
  const failed = specs.map(() => false);
  const end = endOf(s);
  for (let k = weeks; k >= 1; k--) {
    const from = end - k * WEEK;
    const targets = Array.from({ length: WEEK }, (_, j) => from + j);
    const kept = targets.filter((t) => Number.isFinite(s.y[t - s.first]));
    const train = truncate(s, from - s.first);
    specs.forEach((spec, m) => {
      let f: Float64Array;
      try {
        f = pointForecast(spec, train, occurrences, kept);
      } catch {
        failed[m] = true;
        f = new Float64Array(kept.length).fill(NaN);
      }
      forecasts[m].push(...f);
    });
    for (const t of kept) {
      origin.push(from);
      lh.push(t);
      actual.push(s.y[t - s.first]);
    }
  }
  return {
    origin,
    lh,
    actual: Float64Array.from(actual),
    runs: specs.map((spec, m) => ({ model: spec.name, forecast: Float64Array.from(forecasts[m]), failed: failed[m] })),
  };
}
