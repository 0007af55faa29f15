import { describe, expect, it } from 'vitest';
import { interval80, varianceOf80, Z90 } from '../../src/intraday/interval80.js';

describe('interval80', () => {
  it('gives a Poisson count of 100 its 10% and 90% quantiles (87 and 113)', () => {
    const { lo80, hi80 } = interval80(100, 100);
    expect(lo80).toBeCloseTo(87.42, 2);
    expect(hi80).toBeCloseTo(113.01, 2);
  });

  it('is skewed upwards for small counts and never below zero', () => {
    const { lo80, hi80 } = interval80(2, 6);
    expect(lo80).toBeGreaterThanOrEqual(0);
    expect(hi80 - 2).toBeGreaterThan(2 - lo80);
  });

  it('is the point itself for a closed hour', () => {
    expect(interval80(0, 0)).toEqual({ lo80: 0, hi80: 0 });
  });

  it('reads back the variance of a normal interval', () => {
    expect(varianceOf80(100 - Z90 * 20, 100 + Z90 * 20)).toBeCloseTo(400, 6);
  });
});
