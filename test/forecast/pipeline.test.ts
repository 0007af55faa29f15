import { describe, expect, it } from 'vitest';
import { WEEK } from '../../src/forecast/calendar.js';
import { learnEffects } from '../../src/forecast/events/learn.js';
import type { Occurrence } from '../../src/forecast/events/occurrences.js';
import type { ForecastModel, ModelSpec } from '../../src/forecast/models/model.js';
import { SeasonalNaive } from '../../src/forecast/models/seasonalNaive.js';
import { pointForecast, training } from '../../src/forecast/pipeline.js';
import { endOf, type Series } from '../../src/forecast/series.js';
import { gridOf, MONDAY_LH, seriesOf, typicalAt } from './synthetic.js';

/** A family that forecasts `value` everywhere and remembers what it was fitted on. */
class Constant implements ForecastModel {
  readonly name = 'constant';
  fitted: Series | undefined;
  constructor(private readonly value: number) {}
  fit(series: Series): this {
    this.fitted = series;
    return this;
  }
  predict(targets: readonly number[]): Float64Array {
    return Float64Array.from(targets, () => this.value);
  }
}
const constant = (value: number): ModelSpec => ({ name: 'constant', create: () => new Constant(value) });

const weekly = seriesOf(gridOf(4, typicalAt));
const nextWeek = Array.from({ length: WEEK }, (_, j) => endOf(weekly) + j);

describe('training', () => {
  it('carries the series and occurrences, with the effects learnt from them', () => {
    const o: Occurrence = { from: MONDAY_LH + WEEK + 12, to: MONDAY_LH + WEEK + 16, kind: 'promotion', name: 'sale', intensity: 1 };
    const t = training(weekly, [o]);
    expect(t.series).toBe(weekly);
    expect(t.occurrences).toEqual([o]);
    expect(t.effects).toEqual(learnEffects(weekly, [o]));
  });
});

describe('pointForecast', () => {
  it("serves the family's forecast of a fresh fit where nothing else applies", () => {
    const f = pointForecast({ name: 'seasonal-naive', create: () => new SeasonalNaive() }, training(weekly, []), nextWeek).contacts;
    expect([...f]).toEqual(nextWeek.map(typicalAt));
  });

  it('fits each call on the training series', () => {
    const models: Constant[] = [];
    const spec: ModelSpec = {
      name: 'constant',
      create: () => {
        const m = new Constant(1);
        models.push(m);
        return m;
      },
    };
    const t = training(weekly, []);
    pointForecast(spec, t, nextWeek);
    pointForecast(spec, t, nextWeek);
    expect(models).toHaveLength(2);
    for (const m of models) expect(m.fitted).toBe(weekly);
  });

  it('gives 0 in hours the center is closed', () => {
    const nights = seriesOf(gridOf(4, (lh) => (lh % 24 < 8 ? Number.NaN : 10)));
    const targets = [endOf(nights) + 3, endOf(nights) + 9];
    expect([...pointForecast(constant(10), training(nights, []), targets).contacts]).toEqual([0, 10]);
  });

  it('never gives a negative forecast', () => {
    expect([...pointForecast(constant(-4), training(weekly, []), nextWeek.slice(0, 3)).contacts]).toEqual([0, 0, 0]);
  });

  it('surfaces a non-finite forecast as an error naming the family', () => {
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => pointForecast(constant(v), training(weekly, []), nextWeek.slice(0, 1))).toThrow('constant gave a non-finite forecast');
  });

  it('multiplies in what past events taught, in the hours a future occurrence covers', () => {
    const sale = (week: number): Occurrence => ({
      from: MONDAY_LH + week * WEEK + 12,
      to: MONDAY_LH + week * WEEK + 16,
      kind: 'promotion',
      name: 'sale',
      intensity: 1,
    });
    const past = sale(2);
    const y = gridOf(5, () => 100);
    for (let lh = past.from; lh < past.to; lh++) y[lh - MONDAY_LH] = 200;
    const s = seriesOf(y, { events: [0, 1, 2, 3].map((k) => past.from - MONDAY_LH + k) });
    const next = sale(5);
    const f = pointForecast(constant(100), training(s, [past, next]), [next.from - 3, next.from, next.to - 1, next.to + 2]).contacts;
    // Outside the event and its spill-over reach (2 hours either side) normal volume is untouched;
    // inside, the doubling, shrunk a little towards no effect (one occurrence).
    expect(f[0]).toBe(100);
    expect(f[1]).toBeGreaterThan(190);
    expect(f[1]).toBeLessThanOrEqual(200);
    expect(f[2]).toBeGreaterThan(190);
    expect(f[3]).toBe(100);
  });
});
