import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../src/domain/time.js';
import { accuracyReport } from '../../src/forecast/accuracy.js';
import { MODELS } from '../../src/forecast/registry.js';
import { at, exactHistory, typicalMean } from './synthetic.js';

const TZ = 'UTC';
const start = at('2026-01-05T00:00', TZ);
const WEEK_MS = 168 * HOUR_MS;
/** Every hour of week k (from `start`) has 100 + 10k contacts. */
const growing = exactHistory(start, 4, TZ, (_, t) => 100 + 10 * Math.floor((t - start) / WEEK_MS));
const names = [...MODELS.map((m) => m.name), 'chosen'];

describe('accuracyReport', () => {
  const report = accuracyReport(growing, [], TZ, 2).weeks;

  it('scores every family and the chosen forecast on each of the last weeks, oldest first', () => {
    const origin = (week: number) => (start + week * WEEK_MS) / HOUR_MS; // UTC: local hours are epoch hours
    expect(report.map((r) => [r.origin, r.model])).toEqual([...names.map((n) => [origin(2), n]), ...names.map((n) => [origin(3), n])]);
  });

  it('scales MASE by the in-sample error of the same hour a week earlier, and WAPE by the actual volume', () => {
    // Seasonal naive forecasts each week as the one before: off by 10 an hour, as is the in-sample naive.
    const naive = report.filter((r) => r.model === 'seasonal-naive');
    expect(naive.map((r) => r.mase)).toEqual([1, 1]);
    expect(naive[0].wape).toBeCloseTo(10 / 120, 12);
    expect(naive[1].wape).toBeCloseTo(10 / 130, 12);
  });

  it('gives interval coverage for the chosen forecast only', () => {
    for (const r of report) {
      if (r.model === 'chosen') {
        expect(r.coverage80).not.toBeNull();
        expect(r.coverage80!).toBeGreaterThanOrEqual(0);
        expect(r.coverage80!).toBeLessThanOrEqual(1);
      } else {
        expect(r.coverage80).toBeNull();
      }
      expect(Number.isFinite(r.mase)).toBe(true);
      expect(Number.isFinite(r.wape)).toBe(true);
    }
  });

  it('scores a perfect forecast 0 (a flat history has no naive error: the scale falls back to 1)', () => {
    const flat = accuracyReport(
      exactHistory(start, 3, TZ, () => 40),
      [],
      TZ,
      1,
    ).weeks;
    const naive = flat.filter((r) => r.model === 'seasonal-naive');
    expect(naive).toHaveLength(1);
    expect([naive[0].mase, naive[0].wape]).toEqual([0, 0]);
  });

  it('reports only weeks with a week of history before them, and none for 0 weeks', () => {
    const all = accuracyReport(exactHistory(start, 3, TZ, typicalMean), [], TZ, 10).weeks;
    expect(new Set(all.map((r) => r.origin)).size).toBe(2);
    expect(accuracyReport(growing, [], TZ, 0)).toEqual({ weeks: [], kinds: [] });
  });

  it('scores each event kind against the ordinary hours, per forecaster', () => {
    // A promotion every Wednesday afternoon doubles volume; the last two weeks are held out.
    const wednesday = (w: number) => start + w * WEEK_MS + 2 * 24 * HOUR_MS + 12 * HOUR_MS;
    const promos = [0, 1, 2, 3, 4, 5].map((w) => ({
      start: wednesday(w),
      end: wednesday(w) + 4 * HOUR_MS,
      kind: 'promotion',
      name: `p${w}`,
      intensity: 1,
    }));
    const within = (t: number) => promos.some((p) => t >= p.start && t < p.end);
    // Some hour-to-hour scatter, so that no forecast is perfect.
    const scatter = (t: number) => 1 + (((Math.floor(t / HOUR_MS) * 7919) % 13) - 6) / 60;
    const history = exactHistory(start, 6, TZ, (p, t) => typicalMean(p) * scatter(t) * (within(t) ? 2 : 1));
    const { kinds } = accuracyReport(history, promos, TZ, 2);
    const chosen = kinds.filter((k) => k.model === 'chosen');
    expect(chosen.map((k) => [k.kind, k.hours])).toEqual([
      ['ordinary', 2 * 168 - 8],
      ['promotion', 8],
    ]);
    expect(chosen[0].ratio).toBe(1);
    expect(chosen[1].ratio).toBeCloseTo(chosen[1].wape / chosen[0].wape, 12);
    // Seasonal naive knows nothing of events' effects beyond last week's same hour: both weeks had one.
    expect(kinds.filter((k) => k.model === 'seasonal-naive').map((k) => k.kind)).toEqual(['ordinary', 'promotion']);
    // The chosen forecast's 80% coverage per kind: the kinds split the hours, so together they
    // are the weeks' coverage; the families have no intervals.
    const weeks = accuracyReport(history, promos, TZ, 2).weeks.filter((w) => w.model === 'chosen');
    const overall = weeks.reduce((s, w) => s + w.coverage80!, 0) / weeks.length;
    expect((chosen[0].hours * chosen[0].coverage80! + chosen[1].hours * chosen[1].coverage80!) / (2 * 168)).toBeCloseTo(overall, 12);
    expect(chosen[1].coverage80).toBeGreaterThanOrEqual(0);
    expect(kinds.filter((k) => k.model !== 'chosen').every((k) => k.coverage80 === null)).toBe(true);
  });
});
