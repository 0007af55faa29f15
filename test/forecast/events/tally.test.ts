import { describe, expect, it } from 'vitest';
import type { Occurrence } from '../../../src/forecast/events/occurrences.js';
import { addHour, kindKeys, newTally } from '../../../src/forecast/events/tally.js';

const occurrence = (from: number, to: number, intensity = 1): Occurrence => ({ from, to, kind: 'promotion', name: 'sale', intensity });

describe('newTally', () => {
  it('starts empty', () => {
    const t = newTally();
    expect(t.actual.size).toBe(0);
    expect(t.expected.size).toBe(0);
    expect(t.total).toEqual({ actual: 0, expected: 0 });
  });

  it('gives a fresh tally each time', () => {
    const a = newTally();
    addHour(a, occurrence(0, 1), 2, 1, 0);
    expect(newTally().total).toEqual({ actual: 0, expected: 0 });
  });
});

describe('addHour', () => {
  it('adds actual and expected at the offset and to the totals, summing repeated offsets', () => {
    const t = newTally();
    const o = occurrence(100, 104);
    addHour(t, o, 30, 10, 0);
    addHour(t, o, 5, 20, 1);
    addHour(t, o, 12, 8, 0);
    expect([...t.actual]).toEqual([
      [0, 42],
      [1, 5],
    ]);
    expect([...t.expected]).toEqual([
      [0, 18],
      [1, 20],
    ]);
    expect(t.total).toEqual({ actual: 47, expected: 38 });
  });

  it('learns the size of a typical occurrence: the deviation divided by the intensity', () => {
    const t = newTally();
    addHour(t, occurrence(0, 1, 2), 30, 10, 0); // twice the usual size: +20 means +10 typically
    addHour(t, occurrence(0, 1, 0.5), 15, 10, 1); // half the usual size: +5 means +10 typically
    expect(t.actual.get(0)).toBe(20);
    expect(t.actual.get(1)).toBe(20);
    expect(t.total).toEqual({ actual: 40, expected: 20 });
  });

  it('never learns a typical volume below 0', () => {
    const t = newTally();
    addHour(t, occurrence(0, 1, 0.5), 0, 10, 0); // 10 + (0 - 10) / 0.5 = -10
    expect(t.actual.get(0)).toBe(0);
    expect(t.expected.get(0)).toBe(10);
  });

  it('ignores an hour with nothing expected (0, negative or NaN)', () => {
    const t = newTally();
    for (const expected of [0, -3, Number.NaN]) addHour(t, occurrence(0, 1), 5, expected, 0);
    expect(t.actual.size).toBe(0);
    expect(t.total).toEqual({ actual: 0, expected: 0 });
  });
});

describe('kindKeys', () => {
  it('gives kind/length@start-hour, kind/length (both by offset), then kind@hour (by hour of day)', () => {
    // From 1970-01-05 12:00 (local hour 108) for 4 hours; hour 110 is offset 2, 14:00.
    expect(kindKeys(occurrence(108, 112), 110)).toEqual([
      { key: 'promotion/4h@12', offset: 2 },
      { key: 'promotion/4h', offset: 2 },
      { key: 'promotion@hour', offset: 14 },
    ]);
  });

  it('wraps the hour of day across midnight and before 1970', () => {
    expect(kindKeys(occurrence(22, 26), 25)).toEqual([
      { key: 'promotion/4h@22', offset: 3 },
      { key: 'promotion/4h', offset: 3 },
      { key: 'promotion@hour', offset: 1 },
    ]);
    expect(kindKeys(occurrence(-5, 19), -3)[0]).toEqual({ key: 'promotion/24h@19', offset: 2 });
    expect(kindKeys(occurrence(-5, 19), -3)[2]).toEqual({ key: 'promotion@hour', offset: 21 });
  });
});
