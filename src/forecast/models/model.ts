import type { Series } from '../series.js';

/**
 * One forecasting family, statsforecast style: `fit` learns from a history, `predict` gives the
 * expected normal (no-event) contacts per hour. Events, closed hours and intervals are applied
 * around every model alike (see `pipeline.ts`), so a family only models ordinary volume.
 */
export interface ForecastModel {
  /** Unique name in the registry, used in reports. */
  readonly name: string;
  /** Learns from `series`; absent hours and event hours (series.event) are not normal volume. */
  fit(series: Series): this;
  /**
   * Expected contacts at each target local hour number (all at or after the fitted series' end).
   * Finite and >= 0; closed hours need no special care here.
   */
  predict(targets: readonly number[]): Float64Array;
}

/** A registry entry: a name and a factory giving each series its own fresh model. */
export interface ModelSpec {
  name: string;
  create(): ForecastModel;
}
