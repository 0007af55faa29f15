import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import {
  formatTimestamp,
  localParts,
  nextMonday,
  parseTimestamp,
  startOfLocalHour,
  timestampProblem,
  weekHours,
} from '../../src/domain/time.js';

describe('time', () => {
  it('reads a timestamp without offset as wall-clock time in the zone', () => {
    expect(parseTimestamp('2026-11-30T19:00', 'Asia/Shanghai')!.t).toBe(Date.UTC(2026, 10, 30, 11));
  });

  it('honours an explicit offset whatever the zone', () => {
    expect(parseTimestamp('2026-11-30T19:00+08:00', 'UTC')!.t).toBe(Date.UTC(2026, 10, 30, 11));
    expect(parseTimestamp('2026-11-30T11:00Z', 'Asia/Shanghai')!.t).toBe(Date.UTC(2026, 10, 30, 11));
  });

  it('writes the offset only when asked', () => {
    const t = Date.UTC(2026, 10, 30, 11);
    expect(formatTimestamp(t, 'Asia/Shanghai')).toBe('2026-11-30T19:00');
    expect(formatTimestamp(t, 'Asia/Shanghai', true)).toBe('2026-11-30T19:00+08:00');
  });

  it('counts weekdays from Monday', () => {
    expect(localParts(parseTimestamp('2026-11-30T00:00', 'UTC')!.t, 'UTC').weekday).toBe(0);
    expect(localParts(parseTimestamp('2026-12-06T23:00', 'UTC')!.t, 'UTC').weekday).toBe(6);
  });

  it('gives a week 168 hours, 167 across the spring daylight-saving change, 169 across the autumn one', () => {
    expect(weekHours('2026-11-30', 'Asia/Shanghai')).toHaveLength(168);
    expect(weekHours('2026-03-23', 'Europe/Berlin')).toHaveLength(167);
    expect(weekHours('2026-10-19', 'Europe/Berlin')).toHaveLength(169);
  });

  it('finds the Monday after a date', () => {
    expect(nextMonday('2026-11-24')).toBe('2026-11-30');
    expect(nextMonday('2026-11-29')).toBe('2026-11-30');
    expect(nextMonday('2026-11-30')).toBe('2026-12-07');
  });
});

describe('parseTimestamp across daylight-saving changes', () => {
  const NY = 'America/New_York';

  it('marks a wall-clock time the clocks skipped, with a message that says so', () => {
    const p = parseTimestamp('2026-03-08T02:30', NY)!;
    expect(p.dst).toEqual({
      kind: 'skipped',
      message: '02:30 on 2026-03-08 does not exist in America/New_York (clocks jump from 02:00 to 03:00)',
    });
  });

  it('marks a wall-clock time that occurs twice, naming both offsets', () => {
    const p = parseTimestamp('2026-11-01T01:00', NY)!;
    expect(p.dst).toEqual({
      kind: 'repeated',
      message: '01:00 on 2026-11-01 occurs twice in America/New_York; write the rows with UTC offsets (-04:00 / -05:00) to tell them apart',
    });
    // Which of the two it means is unchanged: the first (EDT).
    expect(p.t).toBe(Date.UTC(2026, 10, 1, 5));
  });

  it('leaves ordinary times and times with offsets unmarked', () => {
    expect(parseTimestamp('2026-03-08T03:00', NY)!.dst).toBeUndefined();
    expect(parseTimestamp('2026-11-01T01:00-05:00', NY)!.dst).toBeUndefined();
    expect(parseTimestamp('2026-11-30T19:00', 'Asia/Shanghai')!.dst).toBeUndefined();
  });

  it('knows a half-hour change (Australia/Lord_Howe, 2026-10-04 02:00 -> 02:30)', () => {
    expect(parseTimestamp('2026-10-04T02:15', 'Australia/Lord_Howe')!.dst?.message).toBe(
      '02:15 on 2026-10-04 does not exist in Australia/Lord_Howe (clocks jump from 02:00 to 02:30)',
    );
    expect(parseTimestamp('2026-10-04T02:45', 'Australia/Lord_Howe')!.dst).toBeUndefined();
  });

  it('gives every minute of a day the same instant as before, around both changes', () => {
    for (const [date, tz] of [
      ['2026-03-08', NY],
      ['2026-11-01', NY],
      ['1999-04-02', 'Asia/Jerusalem'],
      ['1999-09-03', 'Asia/Jerusalem'],
      ['2026-10-04', 'Australia/Lord_Howe'],
    ]) {
      for (let m = 0; m < 24 * 60; m += 5) {
        const [h, mi] = [Math.floor(m / 60), m % 60].map((n) => String(n).padStart(2, '0'));
        const text = `${date}T${h}:${mi}`;
        const [y, mo, d] = date.split('-').map(Number);
        expect(parseTimestamp(text, tz)!.t, text).toBe(new TZDate(y, mo - 1, d, Number(h), Number(mi), 0, tz).getTime());
      }
    }
  });
});

describe('timestamp problems', () => {
  it('rejects an offset out of range', () => {
    expect(parseTimestamp('2026-11-30T08:00+99:99', 'UTC')).toBeNull();
    expect(parseTimestamp('2026-11-30T08:00+05:75', 'UTC')).toBeNull();
    expect(timestampProblem('2026-11-30T08:00+99:99')).toBe(
      'offset "+99:99" is not a valid UTC offset (from -12:00 to +14:00, minutes below 60)',
    );
    expect(parseTimestamp('2026-11-30T08:00+14:00', 'UTC')!.t).toBe(Date.UTC(2026, 10, 29, 18));
    expect(parseTimestamp('2026-11-30T08:00-0930', 'UTC')!.t).toBe(Date.UTC(2026, 10, 30, 17, 30));
  });

  it('describes a text that is no timestamp at all', () => {
    expect(timestampProblem('30/11/2026 09:00')).toBe('"30/11/2026 09:00" is not an ISO 8601 timestamp like 2026-11-30T19:00');
  });
});

describe('startOfLocalHour', () => {
  it('is the instant minus its local minutes and seconds, in whole- and half-hour zones and across changes', () => {
    for (const tz of ['Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/New_York', 'Australia/Lord_Howe']) {
      for (const from of [Date.UTC(2026, 2, 7), Date.UTC(2026, 9, 3), Date.UTC(2026, 9, 31)]) {
        for (let t = from; t < from + 3 * 86_400_000; t += 7 * 60_000 + 13_000) {
          expect(startOfLocalHour(t, tz), `${tz} ${new Date(t).toISOString()}`).toBe(t - localParts(t, tz).minute * 60_000 - (t % 60_000));
        }
      }
    }
  });
});
