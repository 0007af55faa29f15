import { describe, expect, it } from 'vitest';
import { WEEK } from '../../../src/forecast/calendar.js';
import { DampedLevel } from '../../../src/forecast/models/dampedLevel.js';
import { endOf } from '../../../src/forecast/series.js';
import { gridOf, seriesOf, typicalAt } from '../synthetic.js';

const weekFrom = (from: number) => Array.from({ length: WEEK }, (_, j) => from + j);

describe('DampedLevel', () => {
  it('is named damped-level, or month-cycle with day-of-month factors', () => {
    expect(new DampedLevel().name).toBe('damped-level');
    expect(new DampedLevel(true).name).toBe('month-cycle');
  });

  for (const monthCycle of [false, true]) {
    const name = monthCycle ? 'month-cycle' : 'damped-level';

    it(`${name}: forecasts a constant series as that constant, however far ahead`, () => {
      const s = seriesOf(gridOf(10, () => 50));
      const end = endOf(s);
      const f = new DampedLevel(monthCycle).fit(s).predict([...weekFrom(end), end + 6 * WEEK + 3]);
      for (const v of f) expect(v).toBeCloseTo(50, 9);
    });

    it(`${name}: forecasts a perfectly weekly series as that week`, () => {
      const s = seriesOf(gridOf(10, typicalAt));
      const end = endOf(s);
      new DampedLevel(monthCycle)
        .fit(s)
        .predict(weekFrom(end))
        .forEach((v, j) => expect(v).toBeCloseTo(typicalAt(end + j), 9));
    });

    it(`${name}: forecasts an all-zero series as 0`, () => {
      const s = seriesOf(gridOf(3, () => 0));
      expect([...new DampedLevel(monthCycle).fit(s).predict(weekFrom(endOf(s)))]).toEqual(Array(WEEK).fill(0));
    });
  }

  it('moves its level towards a sustained change of the last days, without overshooting it', () => {
    // Ten weeks at the usual level, then the last 10 days at 1.3 times it.
    const s = seriesOf(gridOf(10, (lh, i) => typicalAt(lh) * (i >= 10 * WEEK - 240 ? 1.3 : 1)));
    const end = endOf(s);
    const f = new DampedLevel().fit(s).predict(weekFrom(end));
    const ratio = f.reduce((a, v) => a + v, 0) / weekFrom(end).reduce((a, lh) => a + typicalAt(lh), 0);
    expect(ratio).toBeGreaterThan(1.2);
    expect(ratio).toBeLessThan(1.3 * 1.02);
  });

  it('gives a series with one day of history a finite forecast', () => {
    const s = seriesOf(gridOf(1, typicalAt).slice(0, 24));
    for (const v of new DampedLevel().fit(s).predict(weekFrom(endOf(s)))) expect(Number.isFinite(v)).toBe(true);
  });

  it('refuses to predict before fit', () => {
    expect(() => new DampedLevel().predict([0])).toThrow('predict before fit');
  });
});
