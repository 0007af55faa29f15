import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from '../../src/domain/normal.js';
import { contactsDistribution } from '../../src/staffing/contactsDistribution.js';

describe('normal', () => {
  it('quantile inverts cdf', () => {
    for (const p of [0.001, 0.05, 0.1, 0.3, 0.5, 0.8, 0.975, 0.999]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
  });
});

describe('contactsDistribution', () => {
  const skewed = contactsDistribution({ contacts: 100, lo80: 90, hi80: 130 });

  it('goes through lo80, the point forecast and hi80 as its 10%, 50% and 90% quantiles', () => {
    expect(skewed.quantile(0.1)).toBeCloseTo(90, 6);
    expect(skewed.quantile(0.5)).toBeCloseTo(100, 6);
    expect(skewed.quantile(0.9)).toBeCloseTo(130, 6);
    expect(skewed.cdf(130)).toBeCloseTo(0.9, 6);
    expect(skewed.cdf(90)).toBeCloseTo(0.1, 6);
  });

  it('cdf and quantile round-trip on both sides', () => {
    for (const p of [0.02, 0.25, 0.5, 0.7, 0.95]) expect(skewed.cdf(skewed.quantile(p))).toBeCloseTo(p, 6);
    for (const x of [80, 95, 100, 110, 150]) expect(skewed.quantile(skewed.cdf(x))).toBeCloseTo(x, 4);
  });

  it('keeps the skew: the upper tail is longer than the lower', () => {
    expect(skewed.quantile(0.99) - 100).toBeGreaterThan(100 - skewed.quantile(0.01));
  });

  it('puts no contacts below zero and a closed hour at zero', () => {
    expect(contactsDistribution({ contacts: 2, lo80: 0, hi80: 5 }).quantile(0.01)).toBe(0);
    const closed = contactsDistribution({ contacts: 0, lo80: 0, hi80: 0 });
    expect(closed.cdf(0)).toBe(1);
    expect(closed.quantile(0.9)).toBe(0);
  });
});
