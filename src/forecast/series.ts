import type { CalendarEvent, HourCount } from '../domain/types.js';
import { localHour, WEEK } from './calendar.js';
import { median } from './robust.js';

/**
 * One queue's history on the local-hour grid (see `localHour`): a dense array from the first to
 * the last history hour, NaN where the history has no row (closed or not recorded).
 */
export interface Series {
  /** Local hour number of index 0. */
  first: number;
  /** Contacts per local hour; NaN where there is no row. */
  y: Float64Array;
  /** 1 where a known calendar event covers the hour: such hours are not "normal" volume. */
  event: Uint8Array;
  /**
   * `y` in normal hours; in event hours, what a normal hour would have brought (`imputeNormal`),
   * so that a slot every recent week of which had an event (a streamer's evening) still has a
   * normal volume to be profiled, and forecast, from; NaN where unknown.
   */
  typical: Float64Array;
}

/** Builds the grid of one queue; hours repeated by an autumn clock change are averaged. */
export function buildSeries(hours: readonly HourCount[], events: readonly CalendarEvent[], timeZone: string): Series {
  const lhs = hours.map((h) => localHour(h.t, timeZone));
  const first = Math.min(...lhs);
  const n = Math.max(...lhs) - first + 1;
  const sum = new Float64Array(n);
  const count = new Uint8Array(n);
  hours.forEach((h, i) => {
    sum[lhs[i] - first] += h.contacts;
    count[lhs[i] - first] += 1;
  });
  const y = sum.map((s, i) => (count[i] > 0 ? s / count[i] : NaN));
  const event = new Uint8Array(n);
  for (const e of events)
    event.fill(1, Math.max(0, localHour(e.start, timeZone) - first), Math.max(0, Math.min(n, localHour(e.end, timeZone) - first)));
  return { first, y, event, typical: imputeNormal(y, event, first) };
}

/** How far back an event hour looks for normal same hours of the week, and how many it takes. */
const IMPUTE_WEEKS = 52;
const IMPUTE_VALUES = 4;

/**
 * Normal volume of every hour: the hour itself when normal; in an event hour the median of the
 * last few normal same hours of the week (up to a year back: a streamer's evening has had no
 * normal week since it began), else of the same hour on the days before — each scaled by how
 * busy the event's day was against that day in the hours before. Only earlier hours are used, so
 * a series cut at any origin imputes the same values.
 */
export function imputeNormal(y: Float64Array, event: Uint8Array, first: number): Float64Array {
  const out = Float64Array.from(y, (v, i) => (event[i] === 1 ? NaN : v));
  for (let i = 0; i < y.length; i++) {
    if (event[i] !== 1 || !Number.isFinite(y[i])) continue;
    const hoursBefore = (first + i) % 24;
    const scaled = (j: number) => y[j] * sameHoursRatio(out, i, j, hoursBefore);
    const normal = (j: number) => j >= 0 && event[j] === 0 && Number.isFinite(y[j]);
    const weeks: number[] = [];
    for (let k = 1; k <= IMPUTE_WEEKS && weeks.length < IMPUTE_VALUES; k++) if (normal(i - k * WEEK)) weeks.push(scaled(i - k * WEEK));
    const days: number[] = [];
    if (weeks.length < 2) for (let d = 1; d <= 7; d++) if (normal(i - d * 24)) days.push(scaled(i - d * 24));
    const values = weeks.length >= 2 ? weeks : days;
    if (values.length > 0) out[i] = median(values);
  }
  return out;
}

/**
 * How far a day's level may stand from the day an event hour is imputed from: a day's hours
 * before the event that differ more tell of a moved opening time (a bank's Saturday evening
 * follows the sunset), not of a level to multiply the hour by.
 */
const DAY_RATIO = [0.5, 2] as const;

/** Volume of the `hoursBefore` hours before i against those before j (1 when none are known), within `DAY_RATIO`. */
function sameHoursRatio(normal: Float64Array, i: number, j: number, hoursBefore: number): number {
  let a = 0;
  let b = 0;
  for (let h = 1; h <= hoursBefore && j - h >= 0; h++) {
    if (Number.isFinite(normal[i - h]) && Number.isFinite(normal[j - h])) {
      a += normal[i - h];
      b += normal[j - h];
    }
  }
  return a > 0 && b > 0 ? Math.min(DAY_RATIO[1], Math.max(DAY_RATIO[0], a / b)) : 1;
}

/** The series cut to its first `length` hours (no copy): the history as of an earlier origin. */
export function truncate(s: Series, length: number): Series {
  return {
    first: s.first,
    y: s.y.subarray(0, length),
    event: s.event.subarray(0, length),
    typical: s.typical.subarray(0, length),
  };
}

/** The local hour number just after the series' last hour. */
export function endOf(s: Series): number {
  return s.first + s.y.length;
}

/** Same hours of the week either side whose median is an hour's usual volume. */
const AROUND_WEEKS = [-3, -2, -1, 1, 2, 3];

/**
 * The usual volume of local hour `lh`: the median of its typical volume (events imputed) in the
 * three weeks either side that the series holds, NaN with fewer than two of them.
 */
export function usualAround(s: Series, lh: number): number {
  const around = AROUND_WEEKS.map((k) => typicalAt(s, lh + k * WEEK)).filter(Number.isFinite);
  return around.length < 2 ? NaN : median(around);
}

/** The normal or, in an event hour, imputed normal contacts of local hour `lh` (NaN when unknown). */
export function typicalAt(s: Series, lh: number): number {
  const i = lh - s.first;
  return i < 0 || i >= s.typical.length ? NaN : s.typical[i];
}

/** The normal (non-event) contacts of local hour `lh`, or NaN when unknown or an event hour. */
export function normalAt(s: Series, lh: number): number {
  const i = lh - s.first;
  if (i < 0 || i >= s.y.length || s.event[i] === 1) return NaN;
  return s.y[i];
}
