import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../src/domain/time.js';
import type { ForecastPoint } from '../../src/domain/types.js';
import { pooledForecast } from '../../src/forecast/pooled.js';

const T = Date.UTC(2026, 0, 5);
const point = (hour: number, queue: string | undefined, contacts: number, ahtSeconds?: number): ForecastPoint => ({
  t: T + hour * HOUR_MS,
  contacts,
  lo80: contacts - 2,
  hi80: contacts + 3,
  ...(queue !== undefined && { queue }),
  ...(ahtSeconds !== undefined && { ahtSeconds }),
});

describe('pooledForecast', () => {
  it('gives nothing for nothing', () => {
    expect(pooledForecast([])).toEqual([]);
  });

  it('adds contacts and interval ends hour by hour, without a queue, in time order', () => {
    const pooled = pooledForecast([point(1, 'a', 10), point(0, 'a', 5), point(1, 'b', 20), point(0, 'b', 7)]);
    expect(pooled).toEqual([
      { t: T, contacts: 12, lo80: 8, hi80: 18 },
      { t: T + HOUR_MS, contacts: 30, lo80: 26, hi80: 36 },
    ]);
  });

  it('weighs handle times by contacts', () => {
    const [p] = pooledForecast([point(0, 'a', 10, 100), point(0, 'b', 30, 200)]);
    expect(p.ahtSeconds).toBe((10 * 100 + 30 * 200) / 40);
  });

  it('passes a single queue through', () => {
    const points = [point(0, undefined, 10, 300), point(1, undefined, 4, 250)];
    expect(pooledForecast(points)).toEqual(points);
  });

  it('keeps an hour only one queue forecasts', () => {
    const pooled = pooledForecast([point(0, 'a', 10), point(0, 'b', 20), point(1, 'a', 4)]);
    expect(pooled.map((p) => [p.t, p.contacts])).toEqual([
      [T, 30],
      [T + HOUR_MS, 4],
    ]);
  });

  it('weighs handle times over the queues that have one, so a queue without does not dilute them', () => {
    const [p] = pooledForecast([point(0, 'a', 10, 300), point(0, 'b', 10)]);
    expect(p.contacts).toBe(20);
    expect(p.ahtSeconds).toBe(300);
  });

  it('gives no handle time when no queue has one', () => {
    for (const p of pooledForecast([point(0, 'a', 10), point(0, 'b', 20)])) expect(p).not.toHaveProperty('ahtSeconds');
  });

  it('leaves its input untouched', () => {
    const points = [point(0, 'a', 10, 100), point(0, 'b', 30, 200)];
    const copy = structuredClone(points);
    pooledForecast(points);
    expect(points).toEqual(copy);
  });
});
