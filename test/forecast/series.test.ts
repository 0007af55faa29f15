import { describe, expect, it } from 'vitest';
import { WEEK } from '../../src/forecast/calendar.js';
import { imputeNormal } from '../../src/forecast/series.js';

/** `weeks` weeks of one Saturday-like day per week: hours 0-23, `value(week, hour)`. */
function weeklyDays(weeks: number, value: (week: number, hour: number) => number): Float64Array {
  const y = new Float64Array(weeks * WEEK);
  for (let i = 0; i < y.length; i++) y[i] = value(Math.floor(i / WEEK), i % 24);
  return y;
}

describe('imputeNormal', () => {
  it("imputes an event hour from the same hour of earlier weeks, scaled by its day's level in the hours before", () => {
    // The event's day runs 1.5x the earlier weeks' in the hours before: the hour is read 1.5x.
    const y = weeklyDays(3, (w, h) => (w === 2 ? 1.5 : 1) * (h < 12 ? 10 : 40));
    const event = new Uint8Array(y.length);
    const at = 2 * WEEK + 20;
    event[at] = 1;
    expect(imputeNormal(y, event, 0)[at]).toBeCloseTo(60, 9);
  });

  it('bounds that scaling: a day whose hours before moved (an opening time) is no ten-fold level', () => {
    // Summer weeks open at 21h; the event's week opens at 17h, its hours before ten times busier.
    const y = weeklyDays(3, (w, h) => (w === 2 ? (h >= 17 ? 50 : 0) : h >= 21 ? 50 : h === 20 ? 5 : 0));
    const event = new Uint8Array(y.length);
    const at = 2 * WEEK + 21;
    event[at] = 1;
    const imputed = imputeNormal(y, event, 0)[at];
    expect(imputed).toBeLessThanOrEqual(2 * 50);
    expect(imputed).toBeGreaterThanOrEqual(50);
  });

  it('keeps normal hours as they are and imputes no hour without a row', () => {
    const y = weeklyDays(2, () => 7);
    y[WEEK + 3] = Number.NaN;
    const event = new Uint8Array(y.length);
    event[WEEK + 3] = 1;
    const out = imputeNormal(y, event, 0);
    expect(out[WEEK + 2]).toBe(7);
    expect(Number.isNaN(out[WEEK + 3])).toBe(true);
  });
});
