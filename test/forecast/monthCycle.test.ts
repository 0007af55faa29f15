import { describe, expect, it } from 'vitest';
import type { DayLevel } from '../../src/forecast/dailyLevels.js';
import { dayOfMonth, monthFactors } from '../../src/forecast/monthCycle.js';

/** Day levels for local days 0..364 (all of 1970), `ratio(day)` each, weight 1. */
const year = (ratio: (day: number) => number): DayLevel[] =>
  Array.from({ length: 365 }, (_, day) => ({ day, ratio: ratio(day), weight: 1 }));

describe('dayOfMonth', () => {
  it('gives the UTC calendar day of a local day number', () => {
    expect(dayOfMonth(0)).toBe(1); // 1970-01-01
    expect(dayOfMonth(30)).toBe(31); // 1970-01-31
    expect(dayOfMonth(31)).toBe(1); // 1970-02-01
    expect(dayOfMonth(58)).toBe(28); // 1970-02-28
    expect(dayOfMonth(59)).toBe(1); // 1970-03-01
    expect(dayOfMonth(-1)).toBe(31); // 1969-12-31
    expect(dayOfMonth(Date.UTC(2028, 1, 29) / 86_400_000)).toBe(29); // a leap day
  });
});

describe('monthFactors', () => {
  it('is 1 for every day of the month (indices 0..31) without any days', () => {
    const f = monthFactors([]);
    expect(f).toHaveLength(32);
    expect([...f]).toEqual(Array(32).fill(1));
  });

  it('is exactly 1 for a series without a monthly cycle, whatever its level', () => {
    expect([...monthFactors(year(() => 1))]).toEqual(Array(32).fill(1));
    expect([...monthFactors(year(() => 1.3))]).toEqual(Array(32).fill(1));
  });

  it('learns a salary day, shrunk towards 1 and pooled with the days either side', () => {
    // The 15th runs 20% above its neighbours every month: 12 deviations of log 1.2 at weight 1,
    // and as many at weight 1/2 from each neighbouring date; each date's weight is 12 · (1/2 + 1 + 1/2).
    const f = monthFactors(year((day) => (dayOfMonth(day) === 15 ? 1.2 : 1)));
    expect(f[15]).toBeCloseTo(1.2 ** (12 / (24 + 4)), 12);
    expect(f[14]).toBeCloseTo(1.2 ** (6 / (24 + 4)), 12);
    expect(f[16]).toBeCloseTo(1.2 ** (6 / (24 + 4)), 12);
    for (const k of [1, 5, 12, 18, 28, 31]) expect(f[k]).toBe(1);
  });

  it('learns a quiet date below 1', () => {
    const f = monthFactors(year((day) => (dayOfMonth(day) === 3 ? 0.8 : 1)));
    expect(f[3]).toBeCloseTo(0.8 ** (12 / 28), 12);
    expect(f[3]).toBeLessThan(1);
  });

  it('leaves out one-off anomalies beyond x1.65 or below x0.6', () => {
    expect([...monthFactors(year((day) => (day === 100 ? 2 : 1)))]).toEqual(Array(32).fill(1));
    expect([...monthFactors(year((day) => (day === 100 ? 0.5 : 1)))]).toEqual(Array(32).fill(1));
  });

  it('gives a short history only a weak factor (the prior weighs 4 days)', () => {
    // One month with the 15th at 1.2: one deviation at weight 1, the date's weight 2.
    const month = Array.from({ length: 31 }, (_, day) => ({ day, ratio: dayOfMonth(day) === 15 ? 1.2 : 1, weight: 1 }));
    expect(monthFactors(month)[15]).toBeCloseTo(1.2 ** (1 / (2 + 4)), 12);
  });

  it('reads a fortnight-long cycle at its size: the local level spans the whole month', () => {
    // Salary fortnight: the first ten days of each month 20% busy, the last ten 20% quiet (the
    // bank's own cycle). A level read from ±7 days sat mostly inside one phase and halved it.
    const phase = (dom: number) => (dom <= 10 ? 1.2 : dom > 20 ? 1 / 1.2 : 1);
    const f = monthFactors(year((day) => phase(dayOfMonth(day))));
    for (const dom of [3, 5, 7]) expect(Math.log(f[dom])).toBeGreaterThan(0.75 * Math.log(1.2));
    for (const dom of [24, 26, 28]) expect(Math.log(f[dom])).toBeLessThan(-0.75 * Math.log(1.2));
    for (const dom of [14, 15, 16]) expect(Math.abs(Math.log(f[dom]))).toBeLessThan(0.05);
  });

  it('needs at least four neighbouring days within a month to read a deviation', () => {
    const sparse = [0, 10, 20, 30].map((day) => ({ day, ratio: day === 10 ? 1.3 : 1, weight: 1 }));
    expect([...monthFactors(sparse)]).toEqual(Array(32).fill(1));
  });

  it('skips zero-ratio days instead of taking log 0', () => {
    const f = monthFactors(year((day) => (day === 100 ? 0 : 1)));
    expect([...f]).toEqual(Array(32).fill(1));
  });
});
