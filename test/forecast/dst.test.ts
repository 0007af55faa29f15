import { describe, expect, it } from 'vitest';
import { forecastQueue } from '../../src/forecast/index.js';
import { HOUR_MS, localParts } from '../../src/domain/time.js';
import { at, hoursFrom, makeHistory } from './synthetic.js';

const TZ = 'Europe/Berlin';

/** Volume peaks sharply at 09:00 local time and is low otherwise; open every hour. */
const mean = (p: { hour: number }) => (p.hour === 9 ? 200 : p.hour >= 8 && p.hour < 18 ? 50 : 5);

describe('daylight saving', () => {
  // Ten weeks of winter time, then forecast the week of the March change (29 March 2026).
  const start = at('2026-01-12T00:00', TZ);
  const history = makeHistory(start, 10, TZ, (p) => mean(p));
  const weekStart = at('2026-03-23T00:00', TZ);
  const horizon = hoursFrom(weekStart, 167 + 168); // the spring week is an hour short, then a full one
  const f = forecastQueue(history, [], TZ, horizon);

  it('forecasts the 09:00 peak at 09:00 local time after the clocks go forward', () => {
    const after = horizon.map((t, i) => [localParts(t, TZ), i] as const).filter(([p]) => p.month === 3 && p.day === 30);
    const nine = after.find(([p]) => p.hour === 9)!;
    const eight = after.find(([p]) => p.hour === 8)!;
    expect(f.contacts[nine[1]]).toBeGreaterThan(150);
    expect(f.contacts[eight[1]]).toBeLessThan(80);
  });

  it('gives the day of the change its 23 local hours, the peak still at 09:00', () => {
    const sunday = horizon.map((t, i) => [localParts(t, TZ), i] as const).filter(([p]) => p.month === 3 && p.day === 29);
    expect(sunday).toHaveLength(23);
    expect(f.contacts[sunday.find(([p]) => p.hour === 9)![1]]).toBeGreaterThan(150);
  });

  it('forecasts by local hour across the change when the history spans it', () => {
    const longer = makeHistory(start, 13, TZ, (p) => mean(p));
    const next = at('2026-04-13T00:00', TZ);
    const g = forecastQueue(
      longer.filter((h) => h.t < next),
      [],
      TZ,
      hoursFrom(next, 168),
    );
    const nine = hoursFrom(next, 168).findIndex((t) => localParts(t, TZ).hour === 9);
    expect(g.contacts[nine]).toBeGreaterThan(150);
    expect(g.contacts[nine - 1]).toBeLessThan(80);
    expect(next - weekStart).toBe((3 * 168 - 1) * HOUR_MS);
  });
});
