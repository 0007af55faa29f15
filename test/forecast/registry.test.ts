import { describe, expect, it } from 'vitest';
import { FALLBACK, MODELS } from '../../src/forecast/registry.js';
import { endOf } from '../../src/forecast/series.js';
import { gridOf, seriesOf, typicalAt } from './synthetic.js';

describe('the model registry', () => {
  it('lists each family once', () => {
    for (const name of ['seasonal-profile', 'damped-level', 'month-cycle', 'poisson-glm', 'poisson-glm-long', 'seasonal-naive'])
      expect(MODELS.filter((m) => m.name === name)).toHaveLength(1);
    expect(new Set(MODELS.map((m) => m.name)).size).toBe(MODELS.length);
  });

  it('gives models named as their entry, a fresh one on each call, with fit and predict', () => {
    for (const spec of MODELS) {
      const a = spec.create();
      const b = spec.create();
      expect(a.name).toBe(spec.name);
      expect(a).not.toBe(b);
      expect(typeof a.fit).toBe('function');
      expect(typeof a.predict).toBe('function');
    }
  });

  it('has a fallback, the first family, that forecasts from a single week of history', () => {
    expect(FALLBACK).toBe(MODELS[0]);
    const s = seriesOf(gridOf(1, typicalAt));
    const end = endOf(s);
    const f = FALLBACK.create()
      .fit(s)
      .predict([end, end + 20]);
    expect(f[0]).toBeCloseTo(typicalAt(end), 9);
    expect(f[1]).toBeCloseTo(typicalAt(end + 20), 9);
  });

  it('gives models whose fit returns the model itself', () => {
    const s = seriesOf(gridOf(1, typicalAt));
    for (const spec of MODELS) {
      const m = spec.create();
      expect(m.fit(s)).toBe(m);
    }
  });
});
