import type { ForecastPoint } from '../domain/types.js';
import { varianceOf80 } from './interval80.js';

/**
 * What the re-forecast assumes about how a day departs from its weekly forecast, before seeing it.
 * The day's level (actual over planned contacts) is a random ratio around 1; its spread is read
 * from the plan's own intervals (`dayLevelVariance`), and these three numbers say how that
 * spread is shared out and how it moves.
 */
export interface IntradayPrior {
  /**
   * The share of the plan's error variance beyond Poisson noise that a whole day has in common
   * (its level); the rest is each hour's own (the shape being off in that hour). 0..1.
   */
  dayShare: number;
  /** How much of a day's departure from the plan carries into the next day: 0 none, 1 all. */
  carryPerDay: number;
  /**
   * Variance of the level (ratio²) added over a whole day as it drifts, spread over the hours in
   * proportion to their planned contacts (business time: a closed night moves nothing), so the
   * latest hours weigh most and the later hours of the day are less certain.
   */
  driftPerDay: number;
}

/**
 * Estimated, robustly (from median absolute deviations), on the one-week-ahead errors of the
 * product's own forecast on the bank history of 1999: 269 open days of 45 rolling weeks
 * (`npm run bench:intraday -- --fit`: dayShare 0.49, carryPerDay 0.28, driftPerDay 0.056; the
 * first 22 weeks alone give 0.42, 0.37, 0.078, and those constants do as well on the other 23).
 * Rounded: half the error beyond Poisson noise is the day's level (hours of a day err together),
 * about a third of a departure is still there the next day, and the level wanders by about 22%
 * (sd) over a day's contacts. These are properties of how forecasts err, not of the bank's volume;
 * the spread itself comes from each plan's intervals.
 */
export const INTRADAY_PRIOR: IntradayPrior = { dayShare: 0.5, carryPerDay: 0.3, driftPerDay: 0.05 };

/** Relative level variance when the plan carries no usable intervals: 15% of the level (the forecast's default). */
const DEFAULT_LEVEL_VARIANCE = 0.0225;

/**
 * The plan's variance of one hour's contacts beyond Poisson noise, contacts²: what its 80% interval
 * says, less the Poisson part; from the default relative spread when the interval is empty.
 */
export function excessVariance(p: ForecastPoint): number {
  const stated = varianceOf80(p.lo80, p.hi80);
  if (!(stated > 0)) return DEFAULT_LEVEL_VARIANCE * p.contacts ** 2;
  return Math.max(0, stated - p.contacts);
}

/**
 * The prior variance of a day's level (a ratio, so relative²): the day's share of the plan's
 * excess variance, weighted like the hours' volumes weigh (Σ excess / Σ contacts²).
 */
export function dayLevelVariance(day: readonly ForecastPoint[], prior: IntradayPrior): number {
  let excess = 0;
  let square = 0;
  for (const p of day) {
    excess += excessVariance(p);
    square += p.contacts ** 2;
  }
  return square > 0 ? (prior.dayShare * excess) / square : prior.dayShare * DEFAULT_LEVEL_VARIANCE;
}
