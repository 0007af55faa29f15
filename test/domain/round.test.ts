import { describe, expect, it } from 'vitest';
import { roundTo } from '../../src/domain/round.js';

describe('roundTo', () => {
  it('rounds to the given number of decimal places', () => {
    expect(roundTo(2.34567, 2)).toBe(2.35);
    expect(roundTo(2.34467, 2)).toBe(2.34);
    expect(roundTo(2.34567, 4)).toBe(2.3457);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(2.4, 0)).toBe(2);
  });

  it('removes float noise at six decimals', () => {
    const sevenTimes = [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9].reduce((a, b) => a + b, 0);
    expect(sevenTimes).not.toBe(6.3);
    expect(roundTo(sevenTimes, 6)).toBe(6.3);
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(roundTo(0.1 + 0.2, 6)).toBe(0.3);
  });

  it('rounds to tens and hundreds with negative digits', () => {
    expect(roundTo(1234, -2)).toBe(1200);
    expect(roundTo(1250, -2)).toBe(1300);
    expect(roundTo(15, -1)).toBe(20);
  });

  it('leaves whole numbers and values already at the precision unchanged', () => {
    expect(roundTo(7, 3)).toBe(7);
    expect(roundTo(0, 2)).toBe(0);
    expect(roundTo(1.25, 2)).toBe(1.25);
  });

  it('rounds halves of negative numbers toward +Infinity, as Math.round does', () => {
    expect(roundTo(-2.5, 0)).toBe(-2);
    expect(roundTo(-2.345, 1)).toBe(-2.3);
    expect(roundTo(-2.36, 1)).toBe(-2.4);
  });
});
