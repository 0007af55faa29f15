import { localParts } from '../domain/time.js';
import type { Instant } from '../domain/types.js';

/** Hours in a week: the seasonal period of every model here. */
export const WEEK = 168;

/**
 * The local hour number of an instant: hours since 1970-01-01T00:00 local wall-clock time.
 * The forecasting engine works on this calendar grid, never on row positions, so that the same
 * slot one week earlier is always `lh - 168` — across gaps, closed days and daylight-saving
 * changes alike (the skipped spring hour simply has no value; the repeated autumn hour maps twice).
 * @example localHour(Date.UTC(1970, 0, 2, 3), 'UTC') //=> 27
 */
export function localHour(t: Instant, timeZone: string): number {
  const p = localParts(t, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day) / 3_600_000 + p.hour;
}

/**
 * The hour of the week (0 = Monday 00:00 ... 167 = Sunday 23:00) of a local hour number.
 * @example slotOf(0) //=> 72 (1970-01-01 was a Thursday)
 */
export function slotOf(lh: number): number {
  return (((lh + 3 * 24) % WEEK) + WEEK) % WEEK;
}
