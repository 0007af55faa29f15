import { WEEK } from './calendar.js';
import type { Occurrence } from './events/occurrences.js';
import type { ModelSpec } from './models/model.js';
import { pointForecast, training, type Training } from './pipeline.js';
import { endOf, truncate, type Series } from './series.js';

/** History a model needs before a selection backtest origin, in weeks. */
export const MIN_TRAIN_WEEKS = 3;

/**
 * What a forecaster gives for the target hours: expected contacts, an 80% interval if it has
 * one, and the log variance new event names add if it knows it (`WithEvents.newNameVariance`).
 */
export interface Bands {
  mean: ArrayLike<number>;
  lo80?: ArrayLike<number>;
  hi80?: ArrayLike<number>;
  newNameVariance?: ArrayLike<number>;
}

/** One forecaster under cross-validation: forecasts local hours `targets` from the history before `origin`. */
export interface Forecaster {
  name: string;
  forecast(origin: number, targets: readonly number[]): Bands;
}

/** One forecaster's held-out forecasts, aligned with the backtest rows; NaN at the origins where it threw. */
export interface BacktestRun {
  model: string;
  forecast: Float64Array;
  /** The 80% bounds, when the forecaster gives them (NaN where it threw). */
  lo80: Float64Array | null;
  hi80: Float64Array | null;
  /** The log variance new event names add, when the forecaster gives it (NaN where it threw). */
  newNameVariance: Float64Array | null;
  /** Whether it threw at any origin. */
  failed: boolean;
}

/**
 * Long-format rolling-origin backtest: for each of the last `weeks` weeks, every forecaster
 * forecasts from the history before it the hours up to `leadWeeks` weeks ahead that the history
 * still holds. Rows are the hours that have history; `origin[i]` is the local hour the i-th row's
 * forecast was made from.
 */
export interface Backtest {
  /** Every origin, oldest first (an origin may have no rows when its week has no history). */
  origins: number[];
  origin: number[];
  lh: number[];
  actual: Float64Array;
  runs: BacktestRun[];
}

/** The rows of `bt` at most `hours` after their origin (e.g. its one-week-ahead backtest). */
export function withinLead(bt: Backtest, hours: number): Backtest {
  return rowsWhere(bt, (i) => bt.lh[i] - bt.origin[i] < hours);
}

/** The rows `i` of `bt` for which `keep(i)` holds, every origin kept. */
export function rowsWhere(bt: Backtest, keep: (i: number) => boolean): Backtest {
  const rows = bt.lh.flatMap((_, i) => (keep(i) ? [i] : []));
  const pick = (a: Float64Array) => Float64Array.from(rows, (i) => a[i]);
  return {
    origins: bt.origins,
    origin: rows.map((i) => bt.origin[i]),
    lh: rows.map((i) => bt.lh[i]),
    actual: pick(bt.actual),
    runs: bt.runs.map((r) => ({
      ...r,
      forecast: pick(r.forecast),
      lo80: r.lo80 && pick(r.lo80),
      hi80: r.hi80 && pick(r.hi80),
      newNameVariance: r.newNameVariance && pick(r.newNameVariance),
    })),
  };
}

/** How many weekly origins a series supports with `minTrainWeeks` of history before each, at most `wanted`. */
export function backtestWeeks(s: Series, wanted: number, minTrainWeeks = MIN_TRAIN_WEEKS): number {
  return Math.max(0, Math.min(wanted, Math.floor(s.y.length / WEEK) - minTrainWeeks));
}

/**
 * The one rolling-origin cross-validation (statsforecast's cross_validation, R's tsCV) of the
 * selection and of `shiftcast backtest`: origins every week over the last `weeks` weeks of `s`,
 * horizon `leadWeeks` weeks (cut at the end of `s`), actuals from `s`. A forecaster that throws
 * at an origin gets NaN there and is flagged `failed`; the others go on.
 */
export function crossValidate(s: Series, forecasters: readonly Forecaster[], weeks: number, leadWeeks = 1): Backtest {
  const origins = Array.from({ length: weeks }, (_, k) => endOf(s) - (weeks - k) * WEEK);
  const origin: number[] = [];
  const lh: number[] = [];
  const actual: number[] = [];
  const runs = forecasters.map((f) => ({
    model: f.name,
    mean: [] as number[],
    lo80: [] as number[],
    hi80: [] as number[],
    newNameVariance: [] as number[],
    bands: false,
    givesNewNameVariance: false,
    failed: false,
  }));
  for (const from of origins) {
    const reach = Math.min(leadWeeks * WEEK, endOf(s) - from);
    const kept = Array.from({ length: reach }, (_, j) => from + j).filter((t) => Number.isFinite(s.y[t - s.first]));
    forecasters.forEach((f, m) => {
      const run = runs[m];
      let b: Bands | null = null;
      try {
        b = f.forecast(from, kept);
      } catch {
        run.failed = true;
      }
      const missing = new Float64Array(kept.length).fill(NaN);
      run.mean.push(...Array.from(b?.mean ?? missing));
      run.lo80.push(...Array.from(b?.lo80 ?? missing));
      run.hi80.push(...Array.from(b?.hi80 ?? missing));
      run.newNameVariance.push(...Array.from(b?.newNameVariance ?? missing));
      if (b?.lo80 && b.hi80) run.bands = true;
      if (b?.newNameVariance) run.givesNewNameVariance = true;
    });
    for (const t of kept) {
      origin.push(from);
      lh.push(t);
      actual.push(s.y[t - s.first]);
    }
  }
  return {
    origins,
    origin,
    lh,
    actual: Float64Array.from(actual),
    runs: runs.map((r) => ({
      model: r.model,
      forecast: Float64Array.from(r.mean),
      lo80: r.bands ? Float64Array.from(r.lo80) : null,
      hi80: r.bands ? Float64Array.from(r.hi80) : null,
      newNameVariance: r.givesNewNameVariance ? Float64Array.from(r.newNameVariance) : null,
      failed: r.failed,
    })),
  };
}

/**
 * The model families as forecasters of `s`: each fits the history before the origin, events and
 * closed hours applied. The history and event effects of an origin are shared by the families.
 */
export function familyForecasters(s: Series, occurrences: readonly Occurrence[], specs: readonly ModelSpec[]): Forecaster[] {
  const byOrigin = new Map<number, Training>();
  const at = (origin: number): Training => {
    let t = byOrigin.get(origin);
    if (!t) {
      t = training(truncate(s, origin - s.first), occurrences);
      byOrigin.set(origin, t);
    }
    return t;
  };
  return specs.map((spec) => ({
    name: spec.name,
    forecast: (origin, targets) => {
      const f = pointForecast(spec, at(origin), targets);
      return { mean: f.contacts, newNameVariance: f.newNameVariance };
    },
  }));
}
