import { describe, expect, it } from 'vitest';
import { WEEK } from '../../../src/forecast/calendar.js';
import { SeasonalProfile } from '../../../src/forecast/models/seasonalProfile.js';
import { endOf } from '../../../src/forecast/series.js';
import { gridOf, seriesOf, typicalAt } from '../synthetic.js';

const nextWeek = (end: number) => Array.from({ length: WEEK }, (_, j) => end + j);
/** A weekly series whose k-th week (oldest first) is `typicalAt` times `scale[k]`. */
const scaled = (scale: number[]) => seriesOf(gridOf(scale.length, (lh, i) => typicalAt(lh) * scale[Math.floor(i / WEEK)]));

describe('SeasonalProfile', () => {
  it('is named seasonal-profile', () => {
    expect(new SeasonalProfile().name).toBe('seasonal-profile');
  });

  it('forecasts a perfectly weekly series as that week, a week ahead and further', () => {
    const s = seriesOf(gridOf(6, typicalAt));
    const end = endOf(s);
    const f = new SeasonalProfile().fit(s).predict([...nextWeek(end), end + 5 * WEEK + 11]);
    f.forEach((v, i) => expect(v).toBeCloseTo(typicalAt(i < WEEK ? end + i : end + 11), 9));
  });

  it('forecasts a constant series as that constant', () => {
    const s = seriesOf(gridOf(3, () => 42));
    for (const v of new SeasonalProfile().fit(s).predict(nextWeek(endOf(s)))) expect(v).toBeCloseTo(42, 9);
  });

  it('is not moved by one odd last week (the level is a median of the last three)', () => {
    const s = scaled([1, 1, 1, 1, 1, 2]);
    const end = endOf(s);
    new SeasonalProfile()
      .fit(s)
      .predict(nextWeek(end))
      .forEach((v, j) => expect(v).toBeCloseTo(typicalAt(end + j), 9));
  });

  it('follows a change the last two weeks agree on', () => {
    const s = scaled([1, 1, 1, 1, 2, 2]);
    const end = endOf(s);
    new SeasonalProfile()
      .fit(s)
      .predict(nextWeek(end))
      .forEach((v, j) => expect(v).toBeCloseTo(2 * typicalAt(end + j), 9));
  });

  it('with one week of profile and no decay, forecasts the last week exactly', () => {
    const s = seriesOf(gridOf(3, (_, i) => 1 + (i % 13)));
    const end = endOf(s);
    new SeasonalProfile(1, 1)
      .fit(s)
      .predict(nextWeek(end))
      .forEach((v, j) => expect(v).toBeCloseTo(s.y[s.y.length - WEEK + j], 9));
  });

  it('forecasts an all-zero series as 0', () => {
    const s = seriesOf(gridOf(2, () => 0));
    expect([...new SeasonalProfile().fit(s).predict(nextWeek(endOf(s)))]).toEqual(Array(WEEK).fill(0));
  });

  it('refuses to predict before fit', () => {
    expect(() => new SeasonalProfile().predict([0])).toThrow('predict before fit');
  });
});
