import { describe, expect, it } from 'vitest';
import {
  applyEffects,
  type EventEffects,
  type Overlaps,
  multiplierAt,
  offsetOf,
  spillAt,
  spillTerm,
  termKey,
} from '../../../src/forecast/events/effects.js';
import type { Occurrence } from '../../../src/forecast/events/occurrences.js';

const DAY = 24;
const evening: Occurrence = { from: 10 * DAY + 20, to: 10 * DAY + 23, kind: 'live_commerce', name: 'x', intensity: 1 };
const promotionDays: Occurrence = { from: 20 * DAY, to: 22 * DAY, kind: 'promotion', name: 'p', intensity: 1 };
const effects = (log: Record<string, number>, slopes: EventEffects['slopes'] = new Map()): EventEffects => ({
  overlaps: 'multiply',
  log: new Map(Object.entries(log)),
  slopes,
  reach: new Map(),
  newNameSpread: new Map(),
});

describe('offsetOf', () => {
  it('counts hours from the start of a short event, the last offsets shared', () => {
    expect(offsetOf(evening, evening.from)).toBe(0);
    expect(offsetOf(evening, evening.from + 2)).toBe(2);
    expect(offsetOf({ ...evening, to: evening.from + 16 }, evening.from + 15)).toBe(11);
  });

  it('is the hour of day for a whole-day event, every day alike', () => {
    expect(offsetOf(promotionDays, promotionDays.from + 5)).toBe(5);
    expect(offsetOf(promotionDays, promotionDays.from + 29)).toBe(5);
  });
});

describe('spillTerm', () => {
  it('reaches two hours either side of a short event, hour by hour, and a day either side of a whole-day one', () => {
    expect(spillTerm(evening, evening.from - 1)).toEqual({ term: 'spill', key: 'live_commerce/short', side: 'before', distance: 0 });
    expect(spillTerm(evening, evening.to + 1)).toEqual({ term: 'spill', key: 'live_commerce/short', side: 'after', distance: 1 });
    expect(spillTerm(evening, evening.to + 2)).toBeNull();
    expect(spillTerm(evening, evening.from)).toBeNull();
    // A whole-day event's day before and after are one term each.
    expect(spillTerm(promotionDays, promotionDays.to + 23)?.distance).toBe(0);
    expect(spillTerm(promotionDays, promotionDays.from - 24)?.side).toBe('before');
    expect(spillTerm(promotionDays, promotionDays.from - 25)).toBeNull();
  });
});

describe('multiplierAt', () => {
  it("adds the kind's shape and the name's level and shape in logs; the regressors scale the extra volume", () => {
    const e = effects(
      {
        [termKey({ term: 'shape', key: 'live_commerce/short', offset: 1 })]: Math.log(2),
        [termKey({ term: 'level', name: 'live_commerce/x' })]: Math.log(1.5),
        [termKey({ term: 'nameShape', name: 'live_commerce/x', offset: 1 })]: Math.log(0.8),
      },
      new Map([['live_commerce|audience', { slope: 0.5, typical: 100 }]]),
    );
    expect(multiplierAt(e, evening, evening.from + 1)).toBeCloseTo(2 * 1.5 * 0.8, 12);
    // Four times the typical audience at slope 0.5: twice the extra volume.
    expect(multiplierAt(e, { ...evening, regressors: { audience: 400 } }, evening.from + 1)).toBeCloseTo(1 + (2 * 1.5 * 0.8 - 1) * 2, 12);
    // Another name of the kind: the kind's shape alone.
    expect(multiplierAt(e, { ...evening, name: 'y' }, evening.from + 1)).toBeCloseTo(2, 12);
  });

  it('scales the deviation from normal by the intensity, never below 0', () => {
    const e = effects({ [termKey({ term: 'shape', key: 'live_commerce/short', offset: 0 })]: Math.log(2) });
    expect(multiplierAt(e, { ...evening, intensity: 2 }, evening.from)).toBeCloseTo(3, 12);
    const closed = effects({ [termKey({ term: 'shape', key: 'live_commerce/short', offset: 0 })]: Math.log(0.2) });
    expect(multiplierAt(closed, { ...evening, intensity: 2 }, evening.from)).toBe(0);
  });

  it("runs a longer session's later hours on as the kind's latest learnt hour", () => {
    const shape = (offset: number) => termKey({ term: 'shape', key: 'live_commerce/short', offset });
    const e = effects({ [shape(0)]: Math.log(1.5), [shape(1)]: Math.log(2) });
    const long = { ...evening, to: evening.from + 4 };
    expect(multiplierAt(e, long, long.from)).toBeCloseTo(1.5, 12);
    expect(multiplierAt(e, long, long.from + 2)).toBeCloseTo(2, 12);
    expect(multiplierAt(e, long, long.from + 3)).toBeCloseTo(2, 12);
    // A hole in the learnt hours takes the hour before it; a kind learnt nothing of stays at 1.
    const holed = effects({ [shape(0)]: Math.log(1.5), [shape(2)]: Math.log(3) });
    expect(multiplierAt(holed, long, long.from + 1)).toBeCloseTo(1.5, 12);
    expect(multiplierAt(holed, long, long.from + 3)).toBeCloseTo(3, 12);
    expect(multiplierAt(e, { ...long, kind: 'promotion' }, long.from + 3)).toBe(1);
  });

  it('is 1 for an event nothing was learnt about', () => {
    expect(multiplierAt(effects({}), evening, evening.from)).toBe(1);
  });
});

describe('applyEffects', () => {
  it('multiplies the hours an occurrence covers and its spill-over hours, and leaves the rest', () => {
    const e = effects({
      [termKey({ term: 'shape', key: 'live_commerce/short', offset: 0 })]: Math.log(2),
      [termKey({ term: 'spill', key: 'live_commerce/short', side: 'after', distance: 0 })]: Math.log(1.1),
    });
    const targets = [evening.from - 3, evening.from, evening.to, evening.to + 5];
    const out = applyEffects(e, [evening], targets, new Float64Array([100, 100, 100, 100])).contacts;
    expect([...out].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([100, 200, 110, 100]);
    expect(spillAt(e, evening, evening.to)).toBeCloseTo(1.1, 12);
  });

  it("adds an absolute kind's extra contacts whatever the hour's normal volume, even at 0; a whole-day occurrence of it stays relative", () => {
    const e = {
      ...effects({
        [termKey({ term: 'shape', key: 'live_commerce/short', offset: 0 })]: Math.log(2),
        [termKey({ term: 'shape', key: 'live_commerce/day', offset: 12 })]: Math.log(2),
      }),
      reach: new Map([['live_commerce', { reference: 80, power: 1 }]]),
    };
    // At the reference volume the multiplier reads as learnt: 80 extra contacts.
    expect(multiplierAt(e, evening, evening.from)).toBeCloseTo(2, 12);
    const out = applyEffects(e, [evening], [evening.from, evening.from, evening.from], new Float64Array([80, 20, 0])).contacts;
    expect([...out].map((v) => Math.round(v * 1e4) / 1e4)).toEqual([160, 100, 80]);
    const allDay: Occurrence = { ...promotionDays, kind: 'live_commerce' };
    expect(applyEffects(e, [allDay], [allDay.from + 12], new Float64Array([20])).contacts[0]).toBeCloseTo(40, 9);
  });

  it("scales a half-way kind's extra contacts with the square root of the hour's normal volume", () => {
    const e = {
      ...effects({ [termKey({ term: 'shape', key: 'live_commerce/short', offset: 0 })]: Math.log(2) }),
      reach: new Map([['live_commerce', { reference: 80, power: 0.5 }]]),
    };
    // 80 extra contacts at the reference volume; at a quarter of it half as many, at four times twice.
    const out = applyEffects(e, [evening], [evening.from, evening.from, evening.from], new Float64Array([80, 20, 320])).contacts;
    expect([...out].map((v) => Math.round(v * 1e9) / 1e9)).toEqual([160, 60, 480]);
  });

  it("says how much a new name's unknown size adds to the log variance of its hours, through its share of the hour", () => {
    const e = {
      ...effects({
        [termKey({ term: 'shape', key: 'live_commerce/short', offset: 0 })]: Math.log(2),
        [termKey({ term: 'level', name: 'live_commerce/known' })]: 0,
      }),
      newNameSpread: new Map([['live_commerce', 0.04]]),
    };
    const known = { ...evening, name: 'known' };
    const fresh = { ...evening, name: 'fresh' };
    const at = (os: Occurrence[], lh = evening.from, overlaps: Overlaps = 'multiply') =>
      applyEffects({ ...e, overlaps }, os, [lh], new Float64Array([100])).newNameVariance[0];
    expect(at([known])).toBe(0);
    expect(at([fresh], evening.to + 1)).toBe(0);
    // Alone, its multiplier is the hour's: its log spread is the hour's.
    expect(at([fresh])).toBeCloseTo(0.04, 12);
    // Two new names each doubling the hour's normal volume, their extra added: each is 2 of the
    // hour's 3 (per unit of its own log), and they vary apart.
    expect(at([fresh, { ...fresh, name: 'other' }], evening.from, 'add within kind')).toBeCloseTo(2 * (2 / 3) ** 2 * 0.04, 12);
    // Beside a known one, the new one's share is smaller.
    expect(at([fresh, known], evening.from, 'add within kind')).toBeCloseTo((2 / 3) ** 2 * 0.04, 12);
  });

  it('leaves its input untouched and handles no targets', () => {
    const normal = new Float64Array([5]);
    applyEffects(effects({}), [evening], [evening.from], normal);
    expect(normal[0]).toBe(5);
    expect(applyEffects(effects({}), [evening], [], new Float64Array(0)).contacts).toHaveLength(0);
  });
});
