import { tz, TZDate, tzOffset } from '@date-fns/tz';
// One module a function (date-fns' index loads all ~250 of them: a third of a second at start-up).
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { getISODay } from 'date-fns/getISODay';
import { isExists } from 'date-fns/isExists';
import { isValid } from 'date-fns/isValid';
import { nextMonday as mondayAfter } from 'date-fns/nextMonday';
import { parseISO } from 'date-fns/parseISO';
import type { Instant } from './types.js';

export const HOUR_MS = 3_600_000;
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A wall-clock time (no offset) that is not simply one instant in its zone: one the clocks
 * skipped (spring forward) or one that occurs twice (fall back). `message` says so to a user.
 */
export interface DstNote {
  kind: 'skipped' | 'repeated';
  message: string;
}

/** A parsed timestamp: its instant and whether the text carried a UTC offset. */
export interface ParsedTimestamp {
  t: Instant;
  withOffset: boolean;
  /** Set when the text has no offset and names a time the zone skips or repeats. */
  dst?: DstNote;
}

interface TimestampFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC, when the text carries an offset. */
  offsetMinutes?: number;
}

/** The fields of an ISO 8601 timestamp, or what is wrong with the text. */
function timestampFields(text: string): TimestampFields | string {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return notTimestamp(text);
  // Millions of rows come through here: no arrays or Dates per call.
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const hour = +m[4];
  const minute = +m[5];
  const second = m[6] ? +m[6] : 0;
  const offset = m[7];
  // Dates that would roll over (2026-02-30) are not dates; only days past the 28th can, so few rows pay for a Date.
  const date = month >= 1 && month <= 12 && day >= 1 && (day <= 28 || isExists(year, month - 1, day));
  if (!date || hour > 23 || minute > 59 || second > 59) return notTimestamp(text);
  if (!offset) return { year, month, day, hour, minute, second };
  if (offset === 'Z') return { year, month, day, hour, minute, second, offsetMinutes: 0 };
  const digits = offset.replace(/[^0-9]/g, '');
  const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2))];
  const offsetMinutes = (offset[0] === '-' ? -1 : 1) * (oh * 60 + om);
  // Real offsets run from -12:00 to +14:00; anything else is a typo, not another interval length.
  if (om > 59 || offsetMinutes < -12 * 60 || offsetMinutes > 14 * 60) {
    return `offset "${offset}" is not a valid UTC offset (from -12:00 to +14:00, minutes below 60)`;
  }
  return { year, month, day, hour, minute, second, offsetMinutes };
}

const notTimestamp = (text: string) => `"${text}" is not an ISO 8601 timestamp like 2026-11-30T19:00`;

/**
 * Why `parseTimestamp` refuses a text (a bad offset, or no ISO 8601 timestamp at all); undefined
 * when it does not.
 */
export function timestampProblem(text: string): string | undefined {
  const fields = timestampFields(text);
  return typeof fields === 'string' ? fields : undefined;
}

/**
 * Parses an ISO 8601 timestamp; without an offset it is wall-clock time in `timeZone` (a time
 * the clocks skipped or repeat resolves as TZDate does, and carries a `dst` note).
 * Returns null when the text is not a valid timestamp (`timestampProblem` says why).
 * @example parseTimestamp('2026-11-30T19:00', 'Asia/Shanghai') //=> { t: 1796036400000, withOffset: false }
 */
export function parseTimestamp(text: string, timeZone: string): ParsedTimestamp | null {
  const f = timestampFields(text);
  if (typeof f === 'string') return null;
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  if (f.offsetMinutes !== undefined) return { t: wall - f.offsetMinutes * MINUTE_MS, withOffset: true };
  const hour = wallHour(wall - (f.minute * 60 + f.second) * 1000, timeZone);
  let t: number;
  let note: WallHour['note'];
  if (hour) {
    t = wall - hour.offset;
    note = hour.note;
  } else {
    // An hour a change cuts through (Lord Howe's half-hour shift): each time on its own.
    t = new TZDate(f.year, f.month - 1, f.day, f.hour, f.minute, f.second, timeZone).getTime();
    note = dstNote(wall, timeZone);
  }
  if (!note) return { t, withOffset: false };
  const pad2 = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad2(f.hour)}:${pad2(f.minute)}${f.second ? `:${pad2(f.second)}` : ''} on ${f.year}-${pad2(f.month)}-${pad2(f.day)}`;
  const message =
    note.kind === 'skipped'
      ? `${clock} does not exist in ${timeZone} ${note.detail}`
      : `${clock} occurs twice in ${timeZone}${note.detail}`;
  return { t, withOffset: false, dst: { kind: note.kind, message } };
}

/** How one wall-clock hour of a zone maps to instants: wall time minus `offset`, and its DST note. */
interface WallHour {
  offset: number;
  note?: { kind: DstNote['kind']; detail: string };
}

// Resolving a wall-clock time costs tens of microseconds (Intl); a history has millions of rows
// but few distinct hours, so each zone keeps its hours (bounded, cleared when full).
const wallHourCache = new Map<string, Map<number, WallHour | null>>();
const CACHE_LIMIT = 200_000;

/** The wall-clock hour starting at `wall` (UTC fields = local fields), or null when it is not uniform. */
function wallHour(wall: number, timeZone: string): WallHour | null {
  let zone = wallHourCache.get(timeZone);
  if (!zone || zone.size > CACHE_LIMIT) wallHourCache.set(timeZone, (zone = new Map()));
  let hour = zone.get(wall);
  if (hour === undefined) {
    // Same TZDate offset and the same note at both ends: then every time inside resolves alike.
    const ends = [wall, wall + HOUR_MS - 1000].map((w) => {
      const d = new Date(w);
      const t = new TZDate(
        d.getUTCFullYear(),
        d.getUTCMonth(),
        d.getUTCDate(),
        d.getUTCHours(),
        d.getUTCMinutes(),
        d.getUTCSeconds(),
        timeZone,
      ).getTime();
      return { offset: w - t, note: dstNote(w, timeZone) };
    });
    const same = ends[0].offset === ends[1].offset && JSON.stringify(ends[0].note) === JSON.stringify(ends[1].note);
    hour = same ? ends[0] : null;
    zone.set(wall, hour);
  }
  return hour;
}

/** Offset of a zone at an instant, in milliseconds (seconds of historical offsets rounded as TZDate does). */
function offsetMs(t: number, timeZone: string): number {
  return Math.round(tzOffset(timeZone, new Date(t)) * 60) * 1000;
}

/** Whether a wall-clock time (UTC fields = local fields) is skipped or repeated in the zone. */
function dstNote(wall: number, timeZone: string): WallHour['note'] {
  // At most one change within a day either side: the offsets before and after it.
  const before = offsetMs(wall - DAY_MS, timeZone);
  const after = offsetMs(wall + DAY_MS, timeZone);
  if (before === after) return undefined;
  const asBefore = offsetMs(wall - before, timeZone) === before;
  const asAfter = offsetMs(wall - after, timeZone) === after;
  if (asBefore && asAfter) {
    return {
      kind: 'repeated',
      detail: `; write the rows with UTC offsets (${formatOffset(before)} / ${formatOffset(after)}) to tell them apart`,
    };
  }
  if (asBefore || asAfter) return undefined;
  // Skipped: the change lies between wall - after (old offset) and wall - before (new offset).
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetMs(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  const clock = (t: number) => new Date(t).toISOString().slice(11, 16);
  return { kind: 'skipped', detail: `(clocks jump from ${clock(hi + before)} to ${clock(hi + after)})` };
}

function formatOffset(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / MINUTE_MS);
  return `${ms < 0 ? '-' : '+'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// Offsets by UTC hour, for placing millions of instants into local hours (see wallHourCache).
const utcHourCache = new Map<string, Map<number, number | null>>();

/**
 * The instant the local hour holding `t` starts: in a +05:30 zone local hours start at :30 UTC.
 * @example startOfLocalHour(Date.UTC(2026, 10, 30, 3, 40), 'Asia/Kolkata') //=> Date.UTC(2026, 10, 30, 3, 30)
 */
export function startOfLocalHour(t: Instant, timeZone: string): Instant {
  let zone = utcHourCache.get(timeZone);
  if (!zone || zone.size > CACHE_LIMIT) utcHourCache.set(timeZone, (zone = new Map()));
  const key = Math.floor(t / HOUR_MS);
  let offset = zone.get(key);
  if (offset === undefined) {
    const [a, b] = [key * HOUR_MS, key * HOUR_MS + HOUR_MS - 1].map((x) => offsetMs(x, timeZone));
    offset = a === b ? a : null;
    zone.set(key, offset);
  }
  const local = t + (offset ?? offsetMs(t, timeZone));
  return t - (((local % HOUR_MS) + HOUR_MS) % HOUR_MS);
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

/**
 * The instant of local midnight starting the given `YYYY-MM-DD` date (where the clocks skip
 * midnight, the first instant of that day).
 */
export function startOfLocalDay(date: string, timeZone: string): Instant {
  const day = parseISO(date, { in: tz(timeZone) });
  if (!isValid(day)) throw new RangeError(`not a date: ${date}`);
  return day.getTime();
}

// Calendar dates carry no zone: read and written in UTC, so the process's own zone cannot shift them.
const UTC = tz('UTC');
const calendarDate = (date: string) => parseISO(date, { in: UTC });
const dateText = (d: Date) => format(d, 'yyyy-MM-dd');

/** `YYYY-MM-DD` plus n calendar days (no time zone involved). */
export function addDaysToDate(date: string, n: number): string {
  return dateText(addDays(calendarDate(date), n));
}

/**
 * The weekday of a calendar date (`YYYY-MM-DD`), 0 = Monday ... 6 = Sunday; no time zone involved.
 * @example weekdayOfDate('2026-11-30') //=> 0
 */
export function weekdayOfDate(date: string): number {
  return getISODay(calendarDate(date)) - 1;
}

/** The first Monday after `date` (`YYYY-MM-DD`): the default start of the week to plan. */
export function nextMonday(date: string): string {
  return dateText(mondayAfter(calendarDate(date)));
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
