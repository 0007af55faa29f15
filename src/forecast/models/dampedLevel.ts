import { dailyLevels, type DayLevel } from '../dailyLevels.js';
import { dayOfMonth, monthFactors } from '../monthCycle.js';
import { endOf, type Series } from '../series.js';
import { profileIndex, weekProfile, type WeekProfile } from '../weekProfile.js';
import type { ForecastModel } from './model.js';

/** Smoothing constants tried; the pair with the least error 1-7 days ahead is kept. */
const ALPHAS = [0.05, 0.1, 0.2, 0.35, 0.5];
const BETAS = [0, 0.03];
/** Damping of the trend per day: a trend fades over about two weeks rather than running away. */
const PHI = 0.85;
/** Days of level history smoothed. */
const DAYS = 120;

/**
 * Multiplicative decomposition: the week profile (hour-of-week shape, which carries the day and
 * week cycles) times a daily level followed by damped-trend exponential smoothing — the level
 * reacts to the last days, as STL+ETS does, while the shape stays robust. Day levels are weighted
 * by their volume (a quiet Saturday moves the level little) and clipped at 3 robust deviations
 * from their prediction (one anomalous day does not move it much).
 */
export class DampedLevel implements ForecastModel {
  readonly name: string;
  private profile: WeekProfile | undefined;
  private state = { level: 1, trend: 0, lastDay: 0 };
  private month: Float64Array = new Float64Array(32).fill(1);

  /**
   * @param monthCycle also learn day-of-month factors from up to a year of days, and smooth the
   *   level with them taken out
   */
  constructor(private readonly monthCycle = false) {
    this.name = monthCycle ? 'month-cycle' : 'damped-level';
  }

  fit(series: Series): this {
    this.profile = weekProfile(series, 8, 0.9);
    if (this.monthCycle) this.month = monthFactors(dailyLevels(series, this.profile, 365));
    const month = this.month;
    const days = dailyLevels(series, this.profile, DAYS).map((d) => ({ ...d, ratio: d.ratio / month[dayOfMonth(d.day)] }));
    let best = { error: Infinity, level: 1, trend: 0 };
    for (const alpha of ALPHAS) {
      for (const beta of BETAS) {
        const run = smooth(days, alpha, beta);
        if (run.error < best.error) best = run;
      }
    }
    this.state = { level: best.level, trend: best.trend, lastDay: Math.floor((endOf(series) - 1) / 24) };
    return this;
  }

  predict(targets: readonly number[]): Float64Array {
    const p = this.profile;
    if (!p) throw new Error('predict before fit');
    const { level, trend, lastDay } = this.state;
    return Float64Array.from(targets, (lh) => {
      const ahead = Math.max(1, Math.floor(lh / 24) - lastDay);
      const damped = (PHI * (1 - PHI ** ahead)) / (1 - PHI);
      const day = Math.floor(lh / 24);
      return p.shape[profileIndex(p, lh)] * this.month[dayOfMonth(day)] * Math.max(0, level + trend * damped);
    });
  }
}

/** Holt's damped smoothing of day levels; returns the final state and its 1-7-day-ahead error. */
function smooth(days: readonly DayLevel[], alpha: number, beta: number): { error: number; level: number; trend: number } {
  if (days.length === 0) return { error: Infinity, level: 1, trend: 0 };
  const meanWeight = days.reduce((s, d) => s + d.weight, 0) / days.length;
  let level = days[0].ratio;
  let trend = 0;
  let spread = 0.2;
  let error = 0;
  const history: { day: number; level: number; trend: number }[] = [];
  for (const d of days.slice(1)) {
    for (const past of history.slice(-7)) {
      const ahead = d.day - past.day;
      const forecast = past.level + (past.trend * PHI * (1 - PHI ** ahead)) / (1 - PHI);
      error += d.weight * (d.ratio - forecast) ** 2;
    }
    const prior = history.length > 0 ? history[history.length - 1] : { day: d.day - 1, level, trend };
    const predicted = level + trend * PHI * (d.day - prior.day);
    const residual = d.ratio - predicted;
    const clipped = Math.max(-3 * spread, Math.min(3 * spread, residual));
    spread = 0.9 * spread + 0.1 * Math.abs(residual);
    const gain = Math.min(1, alpha * (d.weight / meanWeight));
    const newLevel = predicted + gain * clipped;
    trend = PHI * trend + beta * gain * clipped;
    level = newLevel;
    history.push({ day: d.day, level, trend });
  }
  return { error, level, trend };
}
