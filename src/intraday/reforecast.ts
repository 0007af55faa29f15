import { InputError } from '../domain/errors.js';
import { localDate } from '../domain/time.js';
import type { ForecastPoint, HourCount, Instant } from '../domain/types.js';
import { checkActuals } from './checkActuals.js';
import { interval80 } from './interval80.js';
import { dayLevelVariance, excessVariance, INTRADAY_PRIOR, type IntradayPrior } from './prior.js';

/** What the re-forecast reads: the plan's week, what has happened so far, and when "now" is. */
export interface ReforecastInput {
  /** The plan's forecast of its week: one point per hour (queues pooled), contacts with their 80% interval. */
  plan: readonly ForecastPoint[];
  /** Contacts of the week's hours that have ended by `now`; an hour left out is unknown (closed), not zero. */
  actuals: readonly HourCount[];
  /** The instant of the re-forecast: its hour and the rest of the week are forecast. */
  now: Instant;
  /** The zone whose wall clock says where days begin. */
  timeZone: string;
  /** The actuals' file (or request part), for error messages; default `actuals`. */
  file?: string;
  /** Where `now` came from (`command line`, the request body), for error messages; default `command line`. */
  nowFrom?: string;
}

/** One remaining hour: expected contacts and the 80% interval. */
export type ReforecastPoint = Pick<ForecastPoint, 't' | 'contacts' | 'lo80' | 'hi80'>;

/**
 * Re-forecasts every remaining hour of the plan's week (the hour holding `now` included) from how
 * the week so far departs from the plan, the way the intraday literature updates a forecast
 * (Weinberg, Brown and Stroud 2007; Shen and Huang 2008): each hour keeps the plan's shape and is
 * scaled by the day's level, the ratio of actual to planned contacts.
 *
 * The level is filtered hour by hour (a Kalman filter on the ratio, which for one hour is the
 * Poisson–gamma credibility estimate (α + actual) / (α + planned)): it starts each day at the plan
 * (1) with the prior variance the plan's own intervals imply, moves towards the observed ratio as
 * contacts arrive (little evidence moves it little), lets old hours weigh less as the level drifts
 * through the day, and reverts most of the way to the plan overnight. The 80% interval adds the
 * level's remaining uncertainty to the hour's own noise (Poisson and the plan's shape error).
 *
 * @param prior how days depart from the plan (INTRADAY_PRIOR, estimated on backtests)
 * @returns the hours from the one holding `now` to the end of the week, in time order
 * @throws InputError naming the field when an actual lies outside the week or after `now`, an hour
 *   appears twice, or a count is negative
 * @example
 * // a plan of 100 contacts an hour from 08:00; Tuesday's morning ran at 120 an hour; it is 12:00
 * reforecast({ plan, actuals: weekSoFar, now: tuesdayNoon, timeZone: 'Asia/Shanghai' })[0]
 * //=> { t: tuesdayNoon, contacts: 116.1, lo80: 89.8, hi80: 144.0 }
 */
export function reforecast(input: ReforecastInput, prior: IntradayPrior = INTRADAY_PRIOR): ReforecastPoint[] {
  const plan = [...input.plan].sort((a, b) => a.t - b.t);
  plan.forEach((p, i) => {
    if (i > 0 && plan[i - 1].t === p.t) {
      throw new InputError({ file: 'forecast.csv', field: 'timestamp' }, 'the plan has an hour twice: pool its queues first');
    }
  });
  if (plan.length === 0) throw new InputError({ file: 'forecast.csv' }, 'the plan has no hours');
  const hours = plan.map((p) => p.t);
  const actual = checkActuals(input.actuals, hours, input.now, input.timeZone, input.file ?? 'actuals', input.nowFrom);
  const nowHour = hours.findLast((t) => t <= input.now) ?? hours[0];

  const out: ReforecastPoint[] = [];
  let level = 1;
  let levelVariance = 0;
  byDay(plan, input.timeZone).forEach((day, d) => {
    const dayVariance = dayLevelVariance(day, prior);
    const dayContacts = day.reduce((sum, p) => sum + Math.max(0, p.contacts), 0);
    // Overnight most of a departure fades: the level reverts towards the plan as an AR(1) would.
    const carry = d === 0 ? 0 : prior.carryPerDay;
    level = 1 + carry * (level - 1);
    levelVariance = carry ** 2 * levelVariance + (1 - carry ** 2) * dayVariance;
    for (const p of day) {
      // The drift comes on top of the plan's own variance rather than out of it: the plan's
      // intervals cover 73% of the bank's hours, not 80%, and carving the drift out of them left
      // the re-forecast's intervals as short (bench:intraday).
      if (dayContacts > 0) levelVariance += (prior.driftPerDay * Math.max(0, p.contacts)) / dayContacts;
      const hourNoise = Math.max(0, excessVariance(p) - dayVariance * p.contacts ** 2);
      if (p.t >= nowHour) {
        out.push(predict(p, level, levelVariance, hourNoise));
        continue;
      }
      const seen = actual.get(p.t);
      if (seen === undefined || !(p.contacts > 0)) continue;
      // The Kalman update of the ratio from one hour: contacts = planned × level + noise.
      const expected = p.contacts * level;
      const noise = expected + level ** 2 * hourNoise;
      const gain = (levelVariance * p.contacts) / (p.contacts ** 2 * levelVariance + noise);
      level = Math.max(MIN_LEVEL, level + gain * (seen - expected));
      levelVariance *= noise / (p.contacts ** 2 * levelVariance + noise);
    }
  });
  return out;
}

/** A level never falls below this: an hour of zero contacts does not close the rest of the day. */
const MIN_LEVEL = 0.05;

/** One hour's forecast at the filtered level: Poisson noise, the hour's own noise and the level's uncertainty. */
function predict(p: ForecastPoint, level: number, levelVariance: number, hourNoise: number): ReforecastPoint {
  if (!(p.contacts > 0)) return { t: p.t, contacts: p.contacts, lo80: p.lo80, hi80: p.hi80 };
  const contacts = p.contacts * level;
  const variance = contacts + level ** 2 * hourNoise + p.contacts ** 2 * levelVariance;
  return { t: p.t, contacts, ...interval80(contacts, variance) };
}

/** The plan's hours grouped by local day, in time order. */
function byDay(plan: readonly ForecastPoint[], timeZone: string): ForecastPoint[][] {
  const days: ForecastPoint[][] = [];
  let date = '';
  for (const p of plan) {
    const d = localDate(p.t, timeZone);
    if (d !== date) days.push([]);
    date = d;
    days[days.length - 1].push(p);
  }
  return days;
}
