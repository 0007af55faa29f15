import { describe, expect, it } from 'vitest';
import { WEEK } from '../../src/forecast/calendar.js';
import { dailyLevels } from '../../src/forecast/dailyLevels.js';
import { endOf, type Series } from '../../src/forecast/series.js';
import type { WeekProfile } from '../../src/forecast/weekProfile.js';
import { MONDAY_LH, seriesOf } from './synthetic.js';

/** A flat profile of `v` contacts an hour, aligned with the series' end. */
const flat = (s: Series, v: number): WeekProfile => ({ end: endOf(s), shape: new Float64Array(WEEK).fill(v), weekLevels: [] });
const day0 = MONDAY_LH / 24;

describe('dailyLevels', () => {
  it('gives each of the last days its volume against the profile, oldest first', () => {
    const s = seriesOf([...Array(24).fill(20), ...Array(24).fill(10), ...Array(24).fill(5)]);
    expect(dailyLevels(s, flat(s, 10), 3)).toEqual([
      { day: day0, ratio: 2, weight: 240 },
      { day: day0 + 1, ratio: 1, weight: 240 },
      { day: day0 + 2, ratio: 0.5, weight: 240 },
    ]);
  });

  it('gives only the last `days` days', () => {
    const s = seriesOf(Array(72).fill(10));
    expect(dailyLevels(s, flat(s, 10), 2).map((d) => d.day)).toEqual([day0 + 1, day0 + 2]);
    expect(dailyLevels(s, flat(s, 10), 0)).toEqual([]);
  });

  it('leaves out days before the history rather than reading them as 0', () => {
    const s = seriesOf(Array(48).fill(10));
    expect(dailyLevels(s, flat(s, 10), 30)).toHaveLength(2);
  });

  it('weighs the profile shape: a day at its profile is level 1 whatever its hours', () => {
    const shape = Float64Array.from({ length: WEEK }, (_, j) => 1 + (j % 24));
    const s = seriesOf(Array.from({ length: 48 }, (_, i) => 3 * (1 + (i % 24))));
    // The series ends at a day boundary, so profile index j is hour of day j % 24.
    const levels = dailyLevels(s, { end: endOf(s), shape, weekLevels: [] }, 2);
    expect(levels.map((d) => d.ratio)).toEqual([3, 3]);
    expect(levels.map((d) => d.weight)).toEqual([300, 300]);
  });

  it('reads event hours and hours without a row as unknown, not 0', () => {
    const y = Array(48).fill(10);
    for (let h = 0; h < 12; h++) y[h] = Number.NaN; // closed morning
    const s = seriesOf(y, { events: [24, 25, 26, 27] });
    s.y[24] = 1000;
    expect(dailyLevels(s, flat(s, 10), 2)).toEqual([
      { day: day0, ratio: 1, weight: 120 },
      { day: day0 + 1, ratio: 1, weight: 200 },
    ]);
  });

  it('leaves out a day with no normal hour (closed, or all event)', () => {
    const y = [...Array(24).fill(Number.NaN), ...Array(24).fill(10), ...Array(24).fill(10)];
    const s = seriesOf(y, { events: Array.from({ length: 24 }, (_, h) => 48 + h) });
    expect(dailyLevels(s, flat(s, 10), 3)).toEqual([{ day: day0 + 1, ratio: 1, weight: 240 }]);
  });

  it('keeps a day of zero contacts as ratio 0', () => {
    const s = seriesOf([...Array(24).fill(10), ...Array(24).fill(0)]);
    expect(dailyLevels(s, flat(s, 10), 1)).toEqual([{ day: day0 + 1, ratio: 0, weight: 240 }]);
  });

  it('reads a part day at the end from its hours so far', () => {
    const s = seriesOf(Array(30).fill(20));
    expect(dailyLevels(s, flat(s, 10), 2)).toEqual([
      { day: day0, ratio: 2, weight: 240 },
      { day: day0 + 1, ratio: 2, weight: 60 },
    ]);
  });

  it('leaves out days where the profile expects nothing', () => {
    const s = seriesOf(Array(48).fill(10));
    expect(dailyLevels(s, flat(s, 0), 2)).toEqual([]);
  });
});
