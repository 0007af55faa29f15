import { describe, expect, it } from 'vitest';
import { forecastQueue } from '../../src/forecast/index.js';
import { HOUR_MS } from '../../src/domain/time.js';
import { at, hoursFrom, makeHistory, typicalMean } from './synthetic.js';

const TZ = 'UTC';
const start = at('2026-01-05T00:00', TZ);

describe('80% prediction intervals', () => {
  // 14 weeks of Poisson volume around a daily level that wanders by ±10%: the last two weeks are
  // held out and never seen by the forecaster.
  const dayLevel = (t: number) => 1 + 0.1 * Math.sin(Math.floor(t / (24 * HOUR_MS)) * 2.3);
  const all = makeHistory(start, 14, TZ, (p, t) => typicalMean(p) * dayLevel(t), 7);
  const cut = start + 12 * 168 * HOUR_MS;
  const train = all.filter((h) => h.t < cut);
  const test = all.filter((h) => h.t >= cut);
  const f = forecastQueue(train, [], TZ, hoursFrom(cut, 2 * 168));

  it('contains the point forecast and is ordered, never below 0', () => {
    f.contacts.forEach((c, i) => {
      expect(f.lo80[i]).toBeGreaterThanOrEqual(0);
      expect(f.lo80[i]).toBeLessThanOrEqual(c);
      expect(c).toBeLessThanOrEqual(f.hi80[i]);
    });
  });

  it('covers about 80% of held-out hours', () => {
    const inside = test.filter((h, i) => f.lo80[i] <= h.contacts && h.contacts <= f.hi80[i]).length;
    expect(inside / test.length).toBeGreaterThan(0.7);
    expect(inside / test.length).toBeLessThan(0.9);
  });

  it('widens with the volume', () => {
    const width = (i: number) => f.hi80[i] - f.lo80[i];
    const night = 3; // Monday 03:00, about 8 contacts
    const evening = 20; // Monday 20:00, about 90 contacts
    expect(width(evening)).toBeGreaterThan(2 * width(night));
  });
});
