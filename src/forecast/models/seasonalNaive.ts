import { WEEK } from '../calendar.js';
import { endOf, typicalAt, type Series } from '../series.js';
import type { ForecastModel } from './model.js';

/**
 * Seasonal naive on the calendar: the same local hour of the most recent week that has a normal
 * value there (up to 8 weeks back), else 0. The benchmark every family must beat, and the fallback.
 */
export class SeasonalNaive implements ForecastModel {
  readonly name = 'seasonal-naive';
  private series: Series | undefined;

  fit(series: Series): this {
    this.series = series;
    return this;
  }

  predict(targets: readonly number[]): Float64Array {
    const s = this.series;
    if (!s) throw new Error('predict before fit');
    const end = endOf(s);
    return Float64Array.from(targets, (lh) => {
      const firstBack = Math.max(1, Math.ceil((lh - end + 1) / WEEK));
      for (let k = firstBack; k < firstBack + 8; k++) {
        const v = typicalAt(s, lh - k * WEEK);
        if (Number.isFinite(v)) return v;
      }
      return 0;
    });
  }
}
