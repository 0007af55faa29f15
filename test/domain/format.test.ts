import { describe, expect, it } from 'vitest';
import { money, pct } from '../../src/domain/format.js';

describe('pct', () => {
  it('writes a share as a percentage with one decimal', () => {
    expect(pct(0.4512)).toBe('45.1%');
    expect(pct(0)).toBe('0.0%');
    expect(pct(1)).toBe('100.0%');
    expect(pct(0.05)).toBe('5.0%');
    expect(pct(1.234)).toBe('123.4%');
    expect(pct(-0.125)).toBe('-12.5%');
  });

  it('rounds to the nearest tenth of a point', () => {
    expect(pct(0.12341)).toBe('12.3%');
    expect(pct(0.12366)).toBe('12.4%');
    expect(pct(0.99999)).toBe('100.0%');
  });

  it('writes n/a for a missing share, or the placeholder given', () => {
    expect(pct(null)).toBe('n/a');
    expect(pct(null, '-')).toBe('-');
    expect(pct(0.5, '-')).toBe('50.0%');
  });
});

describe('money', () => {
  it('rounds to whole units and groups thousands with commas', () => {
    expect(money(1093069.6)).toBe('1,093,070');
    expect(money(999.4)).toBe('999');
    expect(money(999.5)).toBe('1,000');
    expect(money(1234567890)).toBe('1,234,567,890');
    expect(money(0)).toBe('0');
  });

  it('writes rounding noise below zero without a minus sign', () => {
    expect(money(-0.4)).toBe('0');
    expect(pct(-0.0001)).toBe('0.0%');
  });

  it('keeps the sign of a negative amount', () => {
    expect(money(-1234.4)).toBe('-1,234');
  });

  it('writes n/a for a missing amount, or the placeholder given', () => {
    expect(money(null)).toBe('n/a');
    expect(money(null, '-')).toBe('-');
    expect(money(12, '-')).toBe('12');
  });
});
