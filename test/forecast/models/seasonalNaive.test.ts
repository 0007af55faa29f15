import { describe, expect, it } from 'vitest';
import { WEEK } from '../../../src/forecast/calendar.js';
import { SeasonalNaive } from '../../../src/forecast/models/seasonalNaive.js';
import { endOf } from '../../../src/forecast/series.js';
import { gridOf, seriesOf, typicalAt } from '../synthetic.js';

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('SeasonalNaive', () => {
  it('is named seasonal-naive', () => {
    expect(new SeasonalNaive().name).toBe('seasonal-naive');
  });

  it('forecasts the next week of a perfectly weekly series as the last week', () => {
    const s = seriesOf(gridOf(3, typicalAt));
    const end = endOf(s);
    const f = new SeasonalNaive().fit(s).predict(range(end, WEEK));
    expect([...f]).toEqual([...s.y.subarray(s.y.length - WEEK)]);
  });

  it('repeats the last week for later weeks too', () => {
    const s = seriesOf(gridOf(2, (_, i) => i)); // not periodic: each hour its own value
    const end = endOf(s);
    const f = new SeasonalNaive().fit(s).predict([end + WEEK, end + 2 * WEEK + 5, end + 30 * WEEK + 167]);
    expect([...f]).toEqual([WEEK, WEEK + 5, WEEK + 167]);
  });

  it('goes back a further week where the last has no row, and reads an event hour as its imputed normal volume', () => {
    const y = gridOf(3, (_, i) => i);
    y[2 * WEEK] = Number.NaN;
    y[2 * WEEK + 1] = 9999;
    const s = seriesOf(y, { events: [2 * WEEK + 1] });
    const end = endOf(s);
    const [noRow, event, normal] = new SeasonalNaive().fit(s).predict([end, end + 1, end + 2]);
    expect(noRow).toBe(WEEK);
    expect(event).toBe(s.typical[2 * WEEK + 1]);
    expect(event).toBeLessThan(2 * WEEK + 1);
    expect(normal).toBe(2 * WEEK + 2);
  });

  it('takes a 0 as a value, not as missing', () => {
    const s = seriesOf(gridOf(2, (_, i) => (i >= WEEK ? 0 : 7)));
    expect(new SeasonalNaive().fit(s).predict([endOf(s)])[0]).toBe(0);
  });

  it('looks back at most 8 weeks, else 0', () => {
    const y = gridOf(10, () => Number.NaN);
    y[1 * WEEK] = 5; // 9 weeks before the target hour: too old
    y[2 * WEEK + 1] = 6; // 8 weeks before the target hour: used
    const s = seriesOf(y);
    const end = endOf(s);
    expect([...new SeasonalNaive().fit(s).predict([end, end + 1, end + 2])]).toEqual([0, 6, 0]);
  });

  it('gives 0 where the history never reaches (less than a week of it)', () => {
    const s = seriesOf([1, 2, 3]);
    const end = endOf(s);
    expect([...new SeasonalNaive().fit(s).predict([end, WEEK + s.first])]).toEqual([0, 1]);
  });

  it('gives an empty forecast for no targets, and refuses to predict before fit', () => {
    expect(new SeasonalNaive().fit(seriesOf([1])).predict([])).toHaveLength(0);
    expect(() => new SeasonalNaive().predict([0])).toThrow('predict before fit');
  });
});
