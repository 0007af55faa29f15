import { describe, expect, it } from 'vitest';
import { mean, quantile, sampleVariance, weightedMedian, winsorizedMean } from '../../src/forecast/robust.js';

describe('mean', () => {
  it('is the sum over the count, NaN for no values', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([-1.5])).toBe(-1.5);
    expect(Number.isNaN(mean([]))).toBe(true);
  });
});

describe('sampleVariance', () => {
  it('is the squared deviations from the mean over n - 1, NaN for fewer than two values', () => {
    expect(sampleVariance([1, 2, 6])).toBe(7);
    expect(sampleVariance([4, 4, 4])).toBe(0);
    expect(Number.isNaN(sampleVariance([3]))).toBe(true);
    expect(Number.isNaN(sampleVariance([]))).toBe(true);
  });
});

describe('weightedMedian', () => {
  it('gives the middle value of equally weighted values, whatever their order', () => {
    expect(weightedMedian([1, 2, 100], [1, 1, 1])).toBe(2);
    expect(weightedMedian([100, 1, 2], [1, 1, 1])).toBe(2);
  });

  it('gives the lower middle value of an even count', () => {
    expect(weightedMedian([4, 1, 3, 2], [1, 1, 1, 1])).toBe(2);
  });

  it('follows the weights', () => {
    expect(weightedMedian([1, 2, 3], [1, 1, 10])).toBe(3);
    expect(weightedMedian([1, 2, 3], [10, 1, 1])).toBe(1);
  });

  it('gives the value itself for one point', () => {
    expect(weightedMedian([7], [0.3])).toBe(7);
  });

  it('ignores NaN and infinite values and zero or negative weights', () => {
    expect(weightedMedian([NaN, 5, Infinity, 1, 9], [100, 1, 100, 1, 1])).toBe(5);
    expect(weightedMedian([1, 5, 9, 1000], [1, 1, 1, 0])).toBe(5);
    expect(weightedMedian([1, 5, 9, 1000, 2000], [1, 1, 1, -5, NaN])).toBe(5);
  });

  it('is NaN when nothing counts', () => {
    expect(weightedMedian([], [])).toBeNaN();
    expect(weightedMedian([NaN, NaN], [1, 1])).toBeNaN();
    expect(weightedMedian([1, 2], [0, 0])).toBeNaN();
  });

  it('leaves its input untouched', () => {
    const values = [3, 1, 2];
    weightedMedian(values, [1, 1, 1]);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('winsorizedMean', () => {
  it('is the plain weighted mean of clean data', () => {
    expect(winsorizedMean([10, 11, 9, 10], [1, 1, 1, 1])).toBe(10);
    // Median 10, scale sqrt(10): everything within 10 ± 6.3 is kept as is.
    expect(winsorizedMean([10, 14, 7, 10], [1, 1, 2, 1])).toBeCloseTo(48 / 5, 12);
  });

  it('pulls a high outlier in to the median + 2 scales', () => {
    // Median 10, MAD·1.4826 = 1.48 is below the Poisson floor sqrt(10): 90 counts as 10 + 2·sqrt(10).
    expect(winsorizedMean([10, 11, 9, 90], [1, 1, 1, 1])).toBeCloseTo((30 + 10 + 2 * Math.sqrt(10)) / 4, 12);
  });

  it('pulls a low outlier in to the median - 2 scales', () => {
    expect(winsorizedMean([100, 101, 99, 100, 0], [1, 1, 1, 1, 1])).toBeCloseTo((400 + 100 - 2 * Math.sqrt(100)) / 5, 12);
  });

  it('scales the Poisson floor by contacts per unit', () => {
    // Values in units of 100 contacts: the floor is sqrt(1/100) = 0.1, below the MAD scale 1.4826·0.1.
    const mad = 1.4826 * (1 - 0.9);
    expect(winsorizedMean([1, 1.1, 0.9, 9], [1, 1, 1, 1], 100)).toBeCloseTo((1 + 1.1 + 0.9 + 1 + 2 * mad) / 4, 12);
  });

  it('stays within the range of the finite values', () => {
    const values = [3, 50, 4, 5, 6, 0, 4];
    const m = winsorizedMean(values, [1, 2, 3, 1, 1, 1, 2]);
    expect(m).toBeGreaterThanOrEqual(0);
    expect(m).toBeLessThanOrEqual(50);
  });

  it('gives the value itself for one point', () => {
    expect(winsorizedMean([42], [2])).toBe(42);
  });

  it('ignores NaN values and zero weights', () => {
    expect(winsorizedMean([NaN, 10, 12, 500], [1, 1, 1, 0])).toBe(11);
  });

  it('is NaN when nothing counts', () => {
    expect(winsorizedMean([], [])).toBeNaN();
    expect(winsorizedMean([NaN], [1])).toBeNaN();
  });

  it('is 0 for all-zero data (not NaN)', () => {
    expect(winsorizedMean([0, 0, 0], [1, 1, 1])).toBe(0);
  });
});

describe('quantile', () => {
  it('interpolates linearly between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([4, 1, 3, 2], 0.25)).toBe(1.75);
    expect(quantile([10, 20], 0.9)).toBe(19);
  });

  it('gives the minimum at 0 and the maximum at 1', () => {
    expect(quantile([5, -2, 9], 0)).toBe(-2);
    expect(quantile([5, -2, 9], 1)).toBe(9);
  });

  it('gives the value itself for one point, at any level', () => {
    expect(quantile([7], 0)).toBe(7);
    expect(quantile([7], 0.3)).toBe(7);
    expect(quantile([7], 1)).toBe(7);
  });

  it('ignores NaN values and is NaN with nothing left', () => {
    expect(quantile([NaN, 1, 3, NaN], 0.5)).toBe(2);
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([NaN], 0.5)).toBeNaN();
  });

  it('leaves its input untouched', () => {
    const values = [3, 1, 2];
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});
