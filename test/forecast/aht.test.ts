import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../src/domain/time.js';
import type { HourCount } from '../../src/domain/types.js';
import { forecastAht } from '../../src/forecast/aht.js';
import { at, hoursFrom } from './synthetic.js';

const TZ = 'UTC';
const WEEK_MS = 168 * HOUR_MS;
const start = at('2026-01-05T00:00', TZ); // a Monday
/** `weeks` weeks of hourly rows from `start`, `row(i)` each (null: no row). */
const rows = (weeks: number, row: (i: number) => Omit<HourCount, 't'> | null): HourCount[] =>
  hoursFrom(start, weeks * 168).flatMap((t, i) => {
    const r = row(i);
    return r ? [{ t, ...r }] : [];
  });
const horizonAfter = (weeks: number, n = 168) => hoursFrom(start + weeks * WEEK_MS, n);

describe('forecastAht', () => {
  it('is null when the history has no handle times, or no rows', () => {
    expect(
      forecastAht(
        rows(2, () => ({ contacts: 10 })),
        TZ,
        horizonAfter(2),
      ),
    ).toBeNull();
    expect(forecastAht([], TZ, horizonAfter(0))).toBeNull();
  });

  it('forecasts a constant handle time as that constant, one value per horizon hour', () => {
    const f = forecastAht(
      rows(2, () => ({ contacts: 10, ahtSeconds: 240 })),
      TZ,
      horizonAfter(2),
    );
    expect(f).toEqual(Array(168).fill(240));
  });

  it('follows the hour of the week, a week ahead and beyond', () => {
    const f = forecastAht(
      rows(2, (i) => ({ contacts: 10, ahtSeconds: 100 + (i % 168) })),
      TZ,
      [start + 2 * WEEK_MS + 5 * HOUR_MS, start + 5 * WEEK_MS + 100 * HOUR_MS],
    );
    expect(f).toEqual([105, 200]);
  });

  it('weighs by contacts, with a floor of half a contact for quiet hours', () => {
    // Monday 00:00: week 0 had 10 contacts at 100 s, week 1 30 at 200 s; Monday 01:00 0 at 100 s, then 1 at 400 s.
    const h = [
      { t: start, contacts: 10, ahtSeconds: 100 },
      { t: start + HOUR_MS, contacts: 0, ahtSeconds: 100 },
      { t: start + WEEK_MS, contacts: 30, ahtSeconds: 200 },
      { t: start + WEEK_MS + HOUR_MS, contacts: 1, ahtSeconds: 400 },
    ];
    const f = forecastAht(h, TZ, [start + 2 * WEEK_MS, start + 2 * WEEK_MS + HOUR_MS]);
    expect(f![0]).toBe((10 * 100 + 30 * 200) / 40);
    expect(f![1]).toBe((0.5 * 100 + 1 * 400) / 1.5);
  });

  it('falls back to the weighted mean of all recent hours for an hour of the week never seen', () => {
    const h = [
      { t: start, contacts: 10, ahtSeconds: 100 },
      { t: start + HOUR_MS, contacts: 30, ahtSeconds: 300 },
    ];
    expect(forecastAht(h, TZ, [start + WEEK_MS + 50 * HOUR_MS])).toEqual([(1000 + 9000) / 40]);
  });

  it('reads only the last 8 weeks of handle times', () => {
    // Ten weeks: 900 s in the first two, 100 s in the last eight.
    const f = forecastAht(
      rows(10, (i) => ({ contacts: 5, ahtSeconds: i < 2 * 168 ? 900 : 100 })),
      TZ,
      horizonAfter(10, 3),
    );
    expect(f).toEqual([100, 100, 100]);
  });

  it('ignores hours without a handle time, and counts the 8 weeks from the last hour that has one', () => {
    const h = [
      ...rows(1, (i) => ({ contacts: 5, ahtSeconds: 100 + (i % 2) * 100 })),
      ...rows(12, () => ({ contacts: 50 })).filter((r) => r.t >= start + WEEK_MS),
    ];
    const f = forecastAht(h, TZ, [start + 12 * WEEK_MS, start + 12 * WEEK_MS + HOUR_MS]);
    expect(f).toEqual([100, 200]);
  });

  it('gives an empty forecast for an empty horizon', () => {
    expect(
      forecastAht(
        rows(1, () => ({ contacts: 1, ahtSeconds: 60 })),
        TZ,
        [],
      ),
    ).toEqual([]);
  });
});
