import { describe, expect, it } from 'vitest';
import { poissonIrls } from '../../src/forecast/glm/irls.js';
import { poisson, seeded } from './synthetic.js';

describe('Poisson IRLS', () => {
  // Three groups with means 5, 50 and 0, and a covariate whose true coefficient is 0.7.
  const rand = seeded(3);
  const n = 6000;
  const group = Int32Array.from({ length: n }, (_, i) => i % 3);
  const x = Float64Array.from({ length: n }, () => rand() - 0.5);
  const base = [Math.log(5), Math.log(50), -Infinity];
  const y = Float64Array.from(group, (g, i) => poisson(Math.exp(base[g] + 0.7 * x[i]), rand));
  const fit = poissonIrls({ y, w: new Float64Array(n).fill(1), group, groups: 3, x: [x], ridge: 0 });

  it('recovers the group effects and the covariate coefficient', () => {
    expect(fit.a[0]).toBeCloseTo(Math.log(5), 1);
    expect(fit.a[1]).toBeCloseTo(Math.log(50), 1);
    expect(fit.beta[0]).toBeGreaterThan(0.6);
    expect(fit.beta[0]).toBeLessThan(0.8);
  });

  it('gives a group with no counts -Infinity (a forecast of 0) instead of diverging', () => {
    expect(fit.a[2]).toBe(-Infinity);
  });

  it('leaves zero-weight observations out of the fit', () => {
    const w = Float64Array.from(group, (g, i) => (g === 1 && i < 3000 ? 0 : 1));
    const spoiled = Float64Array.from(y, (v, i) => (w[i] === 0 ? v * 10 : v));
    const again = poissonIrls({ y: spoiled, w, group, groups: 3, x: [x], ridge: 0 });
    expect(again.a[1]).toBeCloseTo(Math.log(50), 1);
  });
});
