import { TZDate } from '@date-fns/tz';
import type { Instant } from './types.js';

export const HOUR_MS = 3_600_000;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A parsed timestamp: its instant and whether the text carried a UTC offset. */
export interface ParsedTimestamp {
  t: Instant;
  withOffset: boolean;
}

/**
 * Parses an ISO 8601 timestamp; without an offset it is wall-clock time in `timeZone`.
 * Returns null when the text is not a valid timestamp.
 * @example parseTimestamp('2026-11-30T19:00', 'Asia/Shanghai') //=> { t: 1796036400000, withOffset: false }
 */
export function parseTimestamp(text: string, timeZone: string): ParsedTimestamp | null {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, offset] = m;
  const parts = [y, mo, d, h, mi, s ?? '0'].map(Number);
  const [year, month, day, hour, minute, second] = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  let t: number;
  if (offset) {
    const sign = offset === 'Z' ? 0 : offset[0] === '-' ? -1 : 1;
    const digits = offset.replace(/[^0-9]/g, '');
    const minutes = sign === 0 ? 0 : sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    t = Date.UTC(year, month - 1, day, hour, minute, second) - minutes * 60_000;
  } else {
    t = new TZDate(year, month - 1, day, hour, minute, second, timeZone).getTime();
  }
  // Reject dates that roll over (2026-02-30).
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  return { t, withOffset: Boolean(offset) };
}

/** Local wall-clock parts of an instant. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Monday ... 6 = Sunday. */
  weekday: number;
  /** Offset from UTC in minutes. */
  offsetMinutes: number;
}

export function localParts(t: Instant, timeZone: string): LocalParts {
  const d = new TZDate(t, timeZone);
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour: d.getHours(),
    minute: d.getMinutes(),
    weekday: (d.getDay() + 6) % 7,
    offsetMinutes: -d.getTimezoneOffset(),
  };
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/**
 * Formats an instant as local wall-clock time, `2026-11-30T19:00`, with `+08:00` when asked.
 */
export function formatTimestamp(t: Instant, timeZone: string, withOffset = false): string {
  const p = localParts(t, timeZone);
  const base = `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
  if (!withOffset) return base;
  const sign = p.offsetMinutes < 0 ? '-' : '+';
  return `${base}${sign}${pad(Math.floor(Math.abs(p.offsetMinutes) / 60))}:${pad(Math.abs(p.offsetMinutes) % 60)}`;
}

/** `2026-11-30` of an instant in local time. */
export function localDate(t: Instant, timeZone: string): string {
  return formatTimestamp(t, timeZone).slice(0, 10);
}

/** The instant of local midnight starting the given `YYYY-MM-DD` date. */
export function startOfLocalDay(date: string, timeZone: string): Instant {
  const parsed = parseTimestamp(`${date}T00:00`, timeZone);
  if (!parsed) throw new RangeError(`not a date: ${date}`);
  return parsed.t;
}

/** `YYYY-MM-DD` plus n calendar days (no time zone involved). */
export function addDaysToDate(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/**
 * The weekday of a calendar date (`YYYY-MM-DD`), 0 = Monday ... 6 = Sunday; no time zone involved.
 * @example weekdayOfDate('2026-11-30') //=> 0
 */
export function weekdayOfDate(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The first Monday after `date` (`YYYY-MM-DD`): the default start of the week to plan. */
export function nextMonday(date: string): string {
  return addDaysToDate(date, 7 - weekdayOfDate(date));
}

/**
 * The hours of the week that starts at local midnight of `weekStart`: 168 instants, or 167/169
 * when the week holds a daylight-saving change (hours are real hours).
 */
export function weekHours(weekStart: string, timeZone: string, weeks = 1): Instant[] {
  const from = startOfLocalDay(weekStart, timeZone);
  const to = startOfLocalDay(addDaysToDate(weekStart, 7 * weeks), timeZone);
  const hours: Instant[] = [];
  for (let t = from; t < to; t += HOUR_MS) hours.push(t);
  return hours;
}

/** Whether a string is a valid IANA time zone. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
