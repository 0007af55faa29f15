import { describe, expect, it } from 'vitest';
import { WEEK } from '../../src/forecast/calendar.js';
import { endOf } from '../../src/forecast/series.js';
import { profileIndex, weekProfile } from '../../src/forecast/weekProfile.js';
import { gridOf, MONDAY_LH, seriesOf, typicalAt } from './synthetic.js';

describe('profileIndex', () => {
  it('counts hours after the end, modulo a week', () => {
    const p = { end: 1000 };
    expect(profileIndex(p, 1000)).toBe(0);
    expect(profileIndex(p, 1005)).toBe(5);
    expect(profileIndex(p, 1000 + 3 * WEEK + 5)).toBe(5);
    expect(profileIndex(p, 1000 + WEEK - 1)).toBe(WEEK - 1);
  });

  it('maps hours before the end (and before 0) into 0..167', () => {
    expect(profileIndex({ end: 1000 }, 999)).toBe(WEEK - 1);
    expect(profileIndex({ end: 1000 }, 1000 - 2 * WEEK)).toBe(0);
    expect(profileIndex({ end: 10 }, -5)).toBe(WEEK - 15);
  });
});

describe('weekProfile', () => {
  it('of a perfectly weekly series is that week, every week at level 1', () => {
    const s = seriesOf(gridOf(4, typicalAt));
    const p = weekProfile(s, 4, 0.9);
    expect(p.end).toBe(endOf(s));
    expect(p.shape).toHaveLength(WEEK);
    p.shape.forEach((v, j) => expect(v).toBeCloseTo(typicalAt(p.end + j), 9));
    expect(p.weekLevels).toHaveLength(4);
    for (const l of p.weekLevels) expect(l).toBeCloseTo(1, 12);
  });

  it('separates busy and quiet weeks into levels: shape × level gives each week back', () => {
    const scale = [1, 2, 0.5, 3]; // week 0 (oldest) to week 3 (last)
    const s = seriesOf(gridOf(4, (lh, i) => typicalAt(lh) * scale[Math.floor(i / WEEK)]));
    const p = weekProfile(s, 4, 0.8);
    for (let k = 0; k < 4; k++) {
      const from = p.end - WEEK * (k + 1);
      for (let j = 0; j < WEEK; j += 7) expect(p.shape[j] * p.weekLevels[k]).toBeCloseTo(s.y[from + j - s.first], 9);
    }
    expect(p.weekLevels[0] / p.weekLevels[1]).toBeCloseTo(3 / 0.5, 12);
  });

  it('pulls a one-off outlier hour in (winsorized), leaving the other slots exact', () => {
    // A flat 100 for five weeks, one hour at 1000: the slot's values are 100 ×4 and 1000, clipped at
    // 100 + 2·sqrt(100); the day's level stays 1 (median of the week's days).
    const outlier = 2 * WEEK + 30;
    const s = seriesOf(gridOf(5, (_, i) => (i === outlier ? 1000 : 100)));
    const p = weekProfile(s, 5, 1);
    const j = profileIndex(p, s.first + outlier);
    expect(p.shape[j]).toBeCloseTo((4 * 100 + 120) / 5, 9);
    p.shape.forEach((v, k) => k !== j && expect(v).toBeCloseTo(100, 9));
  });

  it('leaves event hours out', () => {
    const s = seriesOf(
      gridOf(3, () => 50),
      { events: [WEEK + 10, WEEK + 11] },
    );
    s.y[WEEK + 10] = 5000;
    s.y[WEEK + 11] = 0;
    const p = weekProfile(s, 3, 0.9);
    for (const v of p.shape) expect(v).toBeCloseTo(50, 9);
  });

  it('gives a week before the history NaN as its level, and shapes from the rest', () => {
    const s = seriesOf(gridOf(2, typicalAt));
    const p = weekProfile(s, 4, 0.9);
    expect(p.weekLevels[0]).toBeCloseTo(1, 12);
    expect(p.weekLevels[1]).toBeCloseTo(1, 12);
    expect(p.weekLevels[2]).toBeNaN();
    expect(p.weekLevels[3]).toBeNaN();
    p.shape.forEach((v, j) => expect(v).toBeCloseTo(typicalAt(p.end + j), 9));
  });

  it('gives a slot with no normal hour 0, and an all-zero series a zero shape (not NaN)', () => {
    const closed = seriesOf(gridOf(2, (lh) => (lh % 24 === 3 ? NaN : 10)));
    const p = weekProfile(closed, 2, 0.9);
    p.shape.forEach((v, j) => ((p.end + j) % 24 === 3 ? expect(v).toBe(0) : expect(v).toBeCloseTo(10, 9)));
    expect(p.shape[profileIndex(p, MONDAY_LH + 3)]).toBe(0);

    const zero = weekProfile(seriesOf(gridOf(2, () => 0)), 2, 0.9);
    for (const v of zero.shape) expect(v).toBe(0);
    for (const l of zero.weekLevels) expect(l).toBeNaN();
  });

  it('follows the recent weeks more with a stronger decay', () => {
    // Slot 0 was 100 in the older weeks and 80 in the last; other hours stay 100.
    const s = seriesOf(gridOf(3, (_, i) => (i === 2 * WEEK ? 80 : 100)));
    const steep = weekProfile(s, 3, 0.2).shape[0];
    const flat = weekProfile(s, 3, 1).shape[0];
    expect(steep).toBeLessThan(flat);
    expect(flat).toBeLessThan(100);
    expect(steep).toBeGreaterThanOrEqual(80);
  });
});
