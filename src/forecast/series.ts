import type { CalendarEvent, HourCount } from '../domain/types.js';
import { localHour, slotOf, WEEK } from './calendar.js';

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
   * Weekly fixtures: per event name that is the norm in some hours of the week (a streamer every
   * Friday evening), a WEEK-long 0/1 mask of those hour-of-week slots (see `eventMask`).
   */
  habits: ReadonlyMap<string, Uint8Array>;
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
  const spans = events.map((e) => ({ name: e.name, from: localHour(e.start, timeZone) - first, to: localHour(e.end, timeZone) - first }));
  return { first, y, ...eventMask(y, first, spans) };
}

/** Share of a slot's observed weeks one event name must cover for it to be the slot's norm. */
const HABIT_SHARE = 0.75;

/**
 * 1 where an event that is not a weekly habit covers the hour. An event name that covers an hour
 * of the week (local slot) in at least 3/4 of the weeks that slot has a row — a streamer every
 * Friday evening — is that slot's normal volume there: masked, the slot would have no normal
 * history at all, forecast as closed, with no baseline to learn the event's effect against.
 * A one-off event in the same slot (a promotion that Friday) stays masked, and so does a week
 * the fixture skipped: normal volume in its slots includes the fixture, and a skipped week
 * would pull the profile down (the event effects tell what a skipped fixture costs).
 */
function eventMask(
  y: Float64Array,
  first: number,
  events: readonly { name: string; from: number; to: number }[],
): { event: Uint8Array; habits: Map<string, Uint8Array> } {
  const n = y.length;
  const byName = new Map<string, Uint8Array>();
  for (const e of events) {
    const cover = byName.get(e.name) ?? new Uint8Array(n);
    cover.fill(1, Math.max(0, e.from), Math.max(0, Math.min(n, e.to)));
    byName.set(e.name, cover);
  }
  const event = new Uint8Array(n);
  const habits = new Map<string, Uint8Array>();
  for (const [name, cover] of byName) {
    const rows = new Float64Array(WEEK);
    const covered = new Float64Array(WEEK);
    y.forEach((v, i) => {
      if (!Number.isFinite(v)) return;
      rows[slotOf(first + i)]++;
      covered[slotOf(first + i)] += cover[i];
    });
    const habit = Uint8Array.from({ length: WEEK }, (_, slot) => (rows[slot] >= 2 && covered[slot] >= HABIT_SHARE * rows[slot] ? 1 : 0));
    cover.forEach((c, i) => {
      const inHabit = habit[slotOf(first + i)] === 1;
      if ((c === 1 && !inHabit) || (c === 0 && inHabit && Number.isFinite(y[i]))) event[i] = 1;
    });
    if (habit.includes(1)) habits.set(name, habit);
  }
  return { event, habits };
}

/** The series cut to its first `length` hours (no copy): the history as of an earlier origin. */
export function truncate(s: Series, length: number): Series {
  return { first: s.first, y: s.y.subarray(0, length), event: s.event.subarray(0, length), habits: s.habits };
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
