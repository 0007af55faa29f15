import type { CalendarEvent, HourCount, Instant } from '../domain/types.js';
import { backtestWeeks, crossValidate, familyForecasters, withinLead } from './backtest.js';
import { localHour, WEEK } from './calendar.js';
import { type Occurrence, occurrencesOf } from './events/occurrences.js';
import { DEFAULT_INTERVALS, fitIntervals, interval } from './intervals.js';
import { pointForecast, training } from './pipeline.js';
import { FALLBACK, MODELS } from './registry.js';
import { asChosenThen, choiceOf, select, type ModelChoice, type Selection } from './select.js';
import { buildSeries, endOf } from './series.js';

/** Weekly origins of the internal backtest that selects a family and calibrates the intervals. */
export const SELECTION_WEEKS = 8;

/**
 * How far past each selection origin the families also forecast the hours the history still
 * holds: the interval model learns how the error grows with lead time from these held-out errors
 * (plans and `forecast --horizon` reach six weeks) instead of extrapolating one week's.
 */
export const INTERVAL_LEAD_WEEKS = 6;

/** One queue's forecast and how it was chosen. */
export interface QueueForecast {
  contacts: Float64Array;
  lo80: Float64Array;
  hi80: Float64Array;
  /** The backtest's verdict, or null when the history was too short to hold weeks out. */
  selection: Selection | null;
  /** The family or combination served and its backtest error, as summary.json records it. */
  model: ModelChoice;
}

/**
 * Forecasts one queue at the `horizon` instants: a rolling-origin backtest over the last weeks
 * picks the family (or combination) with the least held-out error and is then refit on the whole
 * history; the 80% intervals learn from the held-out errors of the choice as each origin would
 * have made it (`asChosenThen`), every lead.
 */
export function forecastQueue(
  hours: readonly HourCount[],
  events: readonly CalendarEvent[],
  timeZone: string,
  horizon: readonly Instant[],
): QueueForecast {
  const series = buildSeries(hours, events, timeZone);
  const occurrences = occurrencesOf(events, timeZone);
  const targets = horizon.map((t) => localHour(t, timeZone));
  // An hour in several events is read as the one that began last (a live session on a promotion day).
  const eventOf = (lh: number) =>
    occurrences.reduce<Occurrence | null>(
      (last, o) => (o.from <= lh && lh < o.to && (last === null || o.from > last.from) ? o : last),
      null,
    );
  const weeks = backtestWeeks(series, SELECTION_WEEKS);
  const bt = weeks > 0 ? crossValidate(series, familyForecasters(series, occurrences, MODELS), weeks, INTERVAL_LEAD_WEEKS) : null;
  // The choice is made on one-week-ahead errors; the intervals learn from every lead.
  const oneWeek = bt && withinLead(bt, WEEK);
  const selection = oneWeek ? select(oneWeek) : null;
  const intervals =
    bt && oneWeek && selection
      ? fitIntervals({
          ...asChosenThen(bt, oneWeek, selection),
          actual: bt.actual,
          leadDays: bt.lh.map((lh, i) => leadDays(lh, bt.origin[i])),
          eventOf: (i) => eventOf(bt.lh[i]),
          dayOf: (i) => Math.floor(bt.lh[i] / 24),
        })
      : DEFAULT_INTERVALS;
  const members = selection ? MODELS.filter((m) => selection.members.includes(m.name)) : [FALLBACK];
  const contacts = new Float64Array(targets.length);
  const newNameVariance = new Float64Array(targets.length);
  const full = training(series, occurrences);
  for (const spec of members) {
    const f = pointForecast(spec, full, targets);
    f.contacts.forEach((v, i) => (contacts[i] += v / members.length));
    f.newNameVariance.forEach((v, i) => (newNameVariance[i] += v / members.length));
  }
  const bounds = [...contacts].map((f, i) =>
    interval(intervals, f, leadDays(targets[i], endOf(series)), eventOf(targets[i])?.kind ?? null, newNameVariance[i]),
  );
  return {
    contacts,
    lo80: Float64Array.from(bounds, (b) => b.lo80),
    hi80: Float64Array.from(bounds, (b) => b.hi80),
    selection,
    model: oneWeek && selection ? choiceOf(selection, oneWeek, weeks) : { model: FALLBACK.name, backtest: null },
  };
}

/** Whole days from an origin (the first hour not in the history) to local hour `lh`. */
function leadDays(lh: number, origin: number): number {
  return Math.floor((lh - origin) / 24);
}
