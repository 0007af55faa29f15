import { describe, expect, it } from 'vitest';
import { HOUR_MS, localParts } from '../../src/domain/time.js';
import { PoissonGlm } from '../../src/forecast/models/poissonGlm.js';
import { robustDayWeights } from '../../src/forecast/models/robustDays.js';
import { buildSeries, endOf } from '../../src/forecast/series.js';
import { at, makeHistory, typicalMean } from './synthetic.js';

const TZ = 'UTC';
const start = at('2026-01-05T00:00', TZ);
const end = start + 16 * 168 * HOUR_MS;

/** Mean absolute gap between a forecast of the week after `end` and the true mean, over its volume. */
function gap(f: Float64Array, mean: (t: number) => number): number {
  let err = 0;
  let total = 0;
  f.forEach((v, i) => {
    const m = mean(end + i * HOUR_MS);
    err += Math.abs(v - m);
    total += m;
  });
  return err / total;
}

const forecast = (history: ReturnType<typeof makeHistory>) => {
  const series = buildSeries(history, [], TZ);
  return new PoissonGlm().fit(series).predict(Array.from({ length: 168 }, (_, i) => endOf(series) + i));
};
const truth = (t: number) => typicalMean(localParts(t, TZ));

describe('the Poisson regression family', () => {
  it('forecasts a clean series close to its true mean', () => {
    expect(gap(forecast(makeHistory(start, 16, TZ, (p) => typicalMean(p))), truth)).toBeLessThan(0.06);
  });

  it('gives unannounced holidays and viral days in the last two weeks no say in profile or level', () => {
    // A near-closed weekday, a quiet Monday and a day at four times normal: none is in an events file.
    const odd = new Map([
      [end - 3 * 24 * HOUR_MS, 0.05],
      [end - 7 * 24 * HOUR_MS, 0.4],
      [end - 9 * 24 * HOUR_MS, 4],
    ]);
    const factor = (t: number) => odd.get(t - (t % (24 * HOUR_MS))) ?? 1;
    const history = makeHistory(start, 16, TZ, (p, t) => typicalMean(p) * factor(t));
    expect(gap(forecast(history), truth)).toBeLessThan(0.06);
  });

  it("forecasts a weekly streamer's slot at its normal volume, from the imputed hours", () => {
    // Every Tuesday 20:00-22:00 of the history has a live session at three times normal volume.
    const tuesdays = Array.from({ length: 16 }, (_, w) => start + (w * 168 + 24 + 20) * HOUR_MS);
    const inSession = (t: number) => tuesdays.some((s) => t >= s && t < s + 2 * HOUR_MS);
    const history = makeHistory(start, 16, TZ, (p, t) => typicalMean(p) * (inSession(t) ? 3 : 1));
    const events = tuesdays.map((s) => ({ start: s, end: s + 2 * HOUR_MS, kind: 'live_commerce', name: 'evening', intensity: 1 }));
    const series = buildSeries(history, events, TZ);
    const slot = endOf(series) + 24 + 20;
    const [f] = new PoissonGlm().fit(series).predict([slot]);
    const normal = truth(end + (24 + 20) * HOUR_MS);
    expect(Math.abs(f / normal - 1)).toBeLessThan(0.15);
  });

  it('learns a monthly cycle: busier first days of the month', () => {
    const cycle = (t: number) => (new Date(t).getUTCDate() <= 3 ? 1.4 : 1);
    const long = makeHistory(at('2025-06-02T00:00', TZ), 52, TZ, (p, t) => typicalMean(p) * cycle(t));
    const series = buildSeries(long, [], TZ);
    const glm = new PoissonGlm().fit(series);
    // Noon on the 1st and on the 15th of the month after the history, both weekdays or not alike.
    const noon = (date: string) => (at(`${date}T12:00`, TZ) - at('1970-01-01T00:00', TZ)) / HOUR_MS;
    const [first, mid] = glm.predict([noon('2026-06-02'), noon('2026-06-16')]);
    expect(first / mid).toBeGreaterThan(1.2);
  });
});

describe('the long-memory Poisson regression', () => {
  it('is named as asked and, reading more weeks, lands closer to a steady true mean', () => {
    const history = makeHistory(end - 26 * 168 * HOUR_MS, 26, TZ, (p) => typicalMean(p));
    const series = buildSeries(history, [], TZ);
    const targets = Array.from({ length: 168 }, (_, i) => endOf(series) + i);
    const long = new PoissonGlm(26, 0.95, 'poisson-glm-long');
    expect(long.name).toBe('poisson-glm-long');
    const short = new PoissonGlm().fit(series).predict(targets);
    expect(gap(long.fit(series).predict(targets), truth)).toBeLessThan(0.9 * gap(short, truth));
  });
});

describe('robust day weights', () => {
  it('gives ordinary days full weight and a day at a tenth of its fit none', () => {
    const lhs = Array.from({ length: 24 * 10 }, (_, i) => i);
    const y = Float64Array.from(lhs, (lh) => (Math.floor(lh / 24) === 4 ? 5 : 50 + ((lh * 7) % 11) - 5));
    const w = robustDayWeights(lhs, y, () => 50);
    expect(w[4 * 24]).toBe(0);
    expect(Math.min(...w.filter((_, i) => Math.floor(i / 24) !== 4))).toBeGreaterThan(0.8);
  });
});
