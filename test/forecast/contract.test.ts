import { describe, expect, it } from 'vitest';
import { MODELS } from '../../src/forecast/index.js';
import { buildSeries, endOf } from '../../src/forecast/series.js';
import { at, makeHistory, typicalMean } from './synthetic.js';

const TZ = 'UTC';
const start = at('2026-01-05T00:00', TZ);

describe('every registered model family', () => {
  it('has a unique name', () => {
    expect(new Set(MODELS.map((m) => m.name)).size).toBe(MODELS.length);
  });

  const histories = {
    'a 24x7 series of 10 weeks': makeHistory(start, 10, TZ, (p) => typicalMean(p)),
    'a single week': makeHistory(start, 1, TZ, (p) => typicalMean(p)),
    'a business-hours series with gaps': makeHistory(start, 6, TZ, (p) => (p.weekday < 5 && p.hour >= 9 && p.hour < 17 ? 30 : null)),
    'an all-zero series': makeHistory(start, 4, TZ, () => 0),
  };

  for (const spec of MODELS) {
    for (const [label, history] of Object.entries(histories)) {
      it(`${spec.name} gives one finite, non-negative value per target hour on ${label}`, () => {
        const series = buildSeries(history, [], TZ);
        const targets = Array.from({ length: 200 }, (_, i) => endOf(series) + i);
        const f = spec.create().fit(series).predict(targets);
        expect(f).toHaveLength(targets.length);
        for (const v of f) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
        }
      });
    }
  }

  it('fitting twice from fresh instances gives the same forecast (no shared state)', () => {
    const series = buildSeries(histories['a 24x7 series of 10 weeks'], [], TZ);
    const targets = Array.from({ length: 168 }, (_, i) => endOf(series) + i);
    for (const spec of MODELS) {
      expect(spec.create().fit(series).predict(targets)).toEqual(spec.create().fit(series).predict(targets));
    }
  });
});
