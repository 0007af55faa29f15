import type { CalendarEvent, HourCount } from '../domain/types.js';
import { localHour } from './calendar.js';

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
  for (const e of events) {
    const from = Math.max(0, localHour(e.start, timeZone) - first);
    const to = Math.min(n, localHour(e.end, timeZone) - first);
    event.fill(1, from, Math.max(from, to));
  }
  return { first, y, event };
}

/** The series cut to its first `length` hours (no copy): the history as of an earlier origin. */
export function truncate(s: Series, length: number): Series {
  return { first: s.first, y: s.y.subarray(0, length), event: s.event.subarray(0, length) };
}

/** The local hour number just after the series' last hour. */
export function endOf(s: Series): number {
  return s.first + s.y.length;
}

/** The normal (non-event) contacts of local hour `lh`, or NaN when unknown or an event hour. */
export function normalAt(s: Series, lh: number): number {
  const i = lh - s.first;
  if (i < 0 || i >= s.y.length || s.event[i] === 1) return NaN;
  return s.y[i];
}
