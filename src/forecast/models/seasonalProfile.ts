import type { Series } from '../series.js';
import { weightedMedian } from '../robust.js';
import { profileIndex, weekProfile, type WeekProfile } from '../weekProfile.js';
import type { ForecastModel } from './model.js';

/**
 * Calendar-aware seasonal profile: the same hour of the week over the recent weeks, robust to
 * outliers, times the recent level (a weighted median of the last three weeks' levels, so one
 * odd week neither sets nor poisons it).
 */
export class SeasonalProfile implements ForecastModel {
  readonly name = 'seasonal-profile';
  private profile: WeekProfile | undefined;
  private level = 1;

  /**
   * @param weeks how many recent weeks feed the profile
   * @param decay weight of the k-th week back is decay^k
   */
  constructor(
    private readonly weeks = 6,
    private readonly decay = 0.85,
  ) {}

  fit(series: Series): this {
    this.profile = weekProfile(series, this.weeks, this.decay);
    const recent = this.profile.weekLevels.slice(0, 3);
    const level = weightedMedian(recent, [3, 2, 1]);
    this.level = Number.isFinite(level) ? level : 1;
    return this;
  }

  predict(targets: readonly number[]): Float64Array {
    const p = this.profile;
    if (!p) throw new Error('predict before fit');
    return Float64Array.from(targets, (lh) => p.shape[profileIndex(p, lh)] * this.level);
  }
}
