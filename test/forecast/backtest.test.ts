import { describe, expect, it } from 'vitest';
import { backtestWeeks, crossValidate, familyForecasters, type Forecaster, withinLead } from '../../src/forecast/backtest.js';
import { WEEK } from '../../src/forecast/calendar.js';
import { MODELS } from '../../src/forecast/index.js';
import { asChosenThen, choiceOf, select } from '../../src/forecast/select.js';
import { buildSeries, endOf } from '../../src/forecast/series.js';
import { at, makeHistory, typicalMean } from './synthetic.js';

const TZ = 'UTC';
const series = buildSeries(
  makeHistory(at('2026-01-05T00:00', TZ), 6, TZ, (p) => typicalMean(p)),
  [],
  TZ,
);

/** Forecasts the week-old value; throws for the origin `failAt`. */
const lastWeek = (failAt: number | null): Forecaster => ({
  name: failAt === null ? 'last-week' : 'flaky',
  forecast: (origin, targets) => {
    if (origin === failAt) throw new Error('no fit');
    return { mean: targets.map((t) => series.y[t - WEEK - series.first]) };
  },
});

describe('crossValidate', () => {
  it('makes one weekly origin per held-out week, oldest first, each forecasting the week after it', () => {
    const bt = crossValidate(series, [lastWeek(null)], 3);
    const end = endOf(series);
    expect(bt.origins).toEqual([end - 3 * WEEK, end - 2 * WEEK, end - WEEK]);
    expect(bt.lh).toHaveLength(3 * WEEK);
    bt.lh.forEach((lh, i) => {
      expect(lh - bt.origin[i]).toBeGreaterThanOrEqual(0);
      expect(lh - bt.origin[i]).toBeLessThan(WEEK);
      expect(bt.actual[i]).toBe(series.y[lh - series.first]);
    });
  });

  it('reaches leadWeeks past each origin while the history lasts; its first week is the one-week backtest', () => {
    const bt = crossValidate(series, [lastWeek(null)], 3, 2);
    const end = endOf(series);
    // Two weeks from each of the first two origins, one from the last.
    expect(bt.lh).toHaveLength(5 * WEEK);
    bt.lh.forEach((lh, i) => {
      expect(lh - bt.origin[i]).toBeLessThan(2 * WEEK);
      expect(lh).toBeLessThan(end);
    });
    const oneWeek = withinLead(bt, WEEK);
    const direct = crossValidate(series, [lastWeek(null)], 3);
    expect(oneWeek.lh).toEqual(direct.lh);
    expect(oneWeek.origin).toEqual(direct.origin);
    expect(oneWeek.runs[0].forecast).toEqual(direct.runs[0].forecast);
  });

  it('gives a failing forecaster missing values at the origin where it failed, and the others their forecasts', () => {
    const end = endOf(series);
    const bt = crossValidate(series, [lastWeek(end - 2 * WEEK), lastWeek(null)], 3);
    const [flaky, steady] = bt.runs;
    expect(flaky.failed).toBe(true);
    expect(steady.failed).toBe(false);
    bt.origin.forEach((o, i) => {
      expect(Number.isNaN(flaky.forecast[i])).toBe(o === end - 2 * WEEK);
      expect(Number.isFinite(steady.forecast[i])).toBe(true);
    });
    expect(select(bt).members).toEqual(['last-week']);
  });

  it('runs every registered family, holding out only weeks with three weeks of history before them', () => {
    const weeks = backtestWeeks(series, 8);
    expect(weeks).toBe(3);
    const bt = crossValidate(series, familyForecasters(series, [], MODELS), weeks);
    expect(bt.runs.map((r) => r.model)).toEqual(MODELS.map((m) => m.name));
    for (const r of bt.runs) expect(r.failed).toBe(false);
  });

  it('records the choice with its error over the held-out hours, and no WAPE when they had no contacts', () => {
    const bt = crossValidate(series, [lastWeek(null)], 2);
    const choice = choiceOf(select(bt), bt, 2);
    expect(choice).toMatchObject({ model: 'last-week', backtest: { weeks: 2, hours: 2 * WEEK } });
    const err = bt.actual.reduce((sum, a, i) => sum + Math.abs(a - bt.runs[0].forecast[i]), 0);
    expect(choice.backtest?.mae).toBeCloseTo(err / bt.actual.length, 9);
    expect(choice.backtest?.wape).toBeCloseTo(err / bt.actual.reduce((sum, a) => sum + a, 0), 9);
    const zero = { ...bt, actual: bt.actual.map(() => 0) };
    expect(choiceOf(select(zero), zero, 2).backtest?.wape).toBeNull();
  });
});

describe('asChosenThen', () => {
  // Three origins of two hours each, actual 100: family A is perfect at the first origin and 50
  // over after it; B is 80 over at the first and perfect after it, so B wins on all three.
  const run = (model: string, values: number[]) => ({
    model,
    forecast: Float64Array.from(values),
    lo80: null,
    hi80: null,
    newNameVariance: null,
    failed: false,
  });
  const bt = {
    origins: [0, 10, 20],
    origin: [0, 0, 10, 10, 20, 20],
    lh: [0, 1, 10, 11, 20, 21],
    actual: new Float64Array(6).fill(100),
    runs: [run('A', [100, 100, 150, 150, 150, 150]), run('B', [180, 180, 100, 100, 100, 100])],
  };

  it('gives each origin the forecast of the choice the origins before it would have made', () => {
    const final = select(bt);
    expect(final.members).toEqual(['B']);
    // The first origin has nothing before it (the final choice); A won the first origin, and the
    // first two together.
    expect([...asChosenThen(bt, bt, final).forecast]).toEqual([180, 180, 150, 150, 150, 150]);
  });
});
