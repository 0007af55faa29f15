import { afterEach, describe, expect, it } from 'vitest';
import { addDaysToDate, formatTimestamp, nextMonday, startOfLocalDay, weekdayOfDate, weekHours } from '../../src/domain/time.js';

describe('calendar dates', () => {
  const processZone = process.env.TZ;
  afterEach(() => {
    if (processZone === undefined) delete process.env.TZ;
    else process.env.TZ = processZone;
  });

  it('adds days across month, year and leap-day ends, backwards too', () => {
    expect(addDaysToDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysToDate('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDaysToDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDaysToDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDaysToDate('2026-11-30', -210)).toBe('2026-05-04');
  });

  it('counts weekdays of a date from Monday', () => {
    expect(['2026-11-30', '2026-12-02', '2026-12-06'].map(weekdayOfDate)).toEqual([0, 2, 6]);
  });

  it('gives the same dates whatever zone the process runs in', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Santiago']) {
      process.env.TZ = zone;
      const dates = [addDaysToDate('2026-09-05', 1), nextMonday('2026-09-05'), weekdayOfDate('2026-09-06')];
      expect(dates, zone).toEqual(['2026-09-06', '2026-09-07', 6]);
    }
  });
});

describe('local days where the clocks skip midnight (America/Santiago, 2026-09-06 00:00 -> 01:00)', () => {
  const SCL = 'America/Santiago';

  it('starts the day at its first instant, 01:00', () => {
    expect(formatTimestamp(startOfLocalDay('2026-09-06', SCL), SCL, true)).toBe('2026-09-06T01:00-03:00');
    expect(formatTimestamp(startOfLocalDay('2026-09-05', SCL), SCL, true)).toBe('2026-09-05T00:00-04:00');
  });

  it('gives that week 167 hours', () => {
    expect(weekHours('2026-08-31', SCL)).toHaveLength(167);
  });

  it('refuses a day that is not in the calendar', () => {
    expect(() => startOfLocalDay('2026-02-30', SCL)).toThrow('not a date: 2026-02-30');
  });
});
