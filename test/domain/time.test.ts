import { describe, expect, it } from 'vitest';
import { formatTimestamp, localParts, nextMonday, parseTimestamp, weekHours } from '../../src/domain/time.js';

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
