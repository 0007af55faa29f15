import { describe, expect, it } from 'vitest';
import { slotOf, WEEK } from '../../../src/forecast/calendar.js';
import { applyEffects, type EventEffects, multiplierAt } from '../../../src/forecast/events/apply.js';
import type { Occurrence } from '../../../src/forecast/events/occurrences.js';
import { addHour, newTally, type Tally } from '../../../src/forecast/events/tally.js';
import { MONDAY_LH } from '../synthetic.js';

/** A tally of intensity-1 hours: [offset, actual, expected]. */
function tally(hours: [number, number, number][]): Tally {
  const t = newTally();
  const o: Occurrence = { from: 0, to: 1, kind: 'k', name: 'n', intensity: 1 };
  for (const [offset, actual, expected] of hours) addHour(t, o, actual, expected, offset);
  return t;
}
const effects = (e: Partial<EventEffects> = {}): EventEffects => ({
  byName: new Map(),
  byKind: new Map(),
  fixtures: new Map(),
  calendarEnd: Number.POSITIVE_INFINITY,
  ...e,
});
/** Monday 12:00 for four hours. */
const sale = (intensity = 1, name = 'sale'): Occurrence => ({
  from: MONDAY_LH + 12,
  to: MONDAY_LH + 16,
  kind: 'promotion',
  name,
  intensity,
});
// Hour 0 ran at 2x on 10 expected contacts, hour 1 at 1x: 1.5x overall.
const learnt = tally([
  [0, 20, 10],
  [1, 10, 10],
]);

describe('multiplierAt', () => {
  it('is 1 for an event nothing was learnt about', () => {
    expect(multiplierAt(effects(), sale(), 0)).toBe(1);
  });

  it("shrinks an hour's own ratio towards the event's overall one with 30 contacts' weight", () => {
    const e = effects({ byName: new Map([['sale', learnt]]) });
    expect(multiplierAt(e, sale(), 0)).toBeCloseTo((20 + 30 * 1.5) / (10 + 30), 12);
    expect(multiplierAt(e, sale(), 1)).toBeCloseTo((10 + 30 * 1.5) / (10 + 30), 12);
    expect(multiplierAt(e, sale(), 3)).toBeCloseTo(1.5, 12); // an hour never seen: the overall ratio
  });

  it('lets an hour backed by many contacts speak for itself', () => {
    const e = effects({
      byName: new Map([
        [
          'sale',
          tally([
            [0, 30_000, 10_000],
            [1, 0, 1000],
          ]),
        ],
      ]),
    });
    expect(multiplierAt(e, sale(), 0)).toBeGreaterThan(2.99);
  });

  it('scales the deviation from normal by the intensity, never below 0', () => {
    const e = effects({ byName: new Map([['sale', learnt]]) });
    expect(multiplierAt(e, sale(2), 3)).toBeCloseTo(2, 12);
    expect(multiplierAt(e, sale(0), 3)).toBe(1);
    const drop = effects({ byName: new Map([['sale', tally([[0, 5, 10]])]]) });
    expect(multiplierAt(drop, sale(1), 0)).toBeCloseTo(0.5, 12);
    expect(multiplierAt(drop, sale(3), 0)).toBe(0);
  });

  it('falls back by kind for a first occurrence: same start and length, then same length, then hour of day', () => {
    const at = (k: number) => tally([[0, k * 10_000, 10_000]]);
    const startAndLength = at(4);
    const length = at(3);
    const hour = tally([[12, 20_000, 10_000]]);
    const byKind = new Map([
      ['promotion/4h@12', startAndLength],
      ['promotion/4h', length],
      ['promotion@hour', hour],
    ]);
    const first = sale(1, 'new-sale');
    expect(multiplierAt(effects({ byKind }), first, 0)).toBeCloseTo(4, 2);
    byKind.delete('promotion/4h@12');
    expect(multiplierAt(effects({ byKind }), first, 0)).toBeCloseTo(3, 2);
    byKind.delete('promotion/4h');
    expect(multiplierAt(effects({ byKind }), first, 0)).toBeCloseTo(2, 2); // keyed by hour of day 12
  });

  it("prefers the event's own name to its kind", () => {
    const e = effects({ byName: new Map([['sale', learnt]]), byKind: new Map([['promotion/4h@12', tally([[3, 90, 10]])]]) });
    expect(multiplierAt(e, sale(), 3)).toBeCloseTo(1.5, 12);
  });

  it('is 1 when what was learnt had nothing expected', () => {
    expect(multiplierAt(effects({ byName: new Map([['sale', newTally()]]) }), sale(), 0)).toBe(1);
  });

  it('is 1 for a weekly fixture in its own slot (its lift is normal volume), scaled by intensity', () => {
    const slots = new Uint8Array(WEEK);
    slots[slotOf(MONDAY_LH + 12)] = 1;
    const e = effects({ fixtures: new Map([['sale', { slots, lift: 1.5 }]]), byName: new Map([['sale', learnt]]) });
    expect(multiplierAt(e, sale(), 0)).toBe(1);
    expect(multiplierAt(e, sale(2), 0)).toBeCloseTo(2 / 1.5, 12);
    expect(multiplierAt(e, sale(), 1)).toBeCloseTo((10 + 30 * 1.5) / (10 + 30), 12); // outside the slot: learnt
  });
});

describe('applyEffects', () => {
  const normal = Float64Array.from([10, 20, 30, 40, 50, 60]);
  const targets = [0, 1, 2, 3, 4, 5].map((h) => MONDAY_LH + 11 + h); // 11:00 to 16:00
  const e = effects({ byName: new Map([['sale', tally([[0, 30_000, 10_000]])]]) });

  it('leaves the forecast unchanged without events, in a new array', () => {
    const out = applyEffects(effects(), [], targets, normal);
    expect([...out]).toEqual([...normal]);
    expect(out).not.toBe(normal);
  });

  it('multiplies the hours the occurrence covers, [from, to), and only those', () => {
    const out = applyEffects(e, [sale()], targets, normal);
    expect(out[0]).toBe(10);
    expect(out[5]).toBe(60);
    for (const i of [1, 2, 3, 4]) expect(out[i] / normal[i]).toBeCloseTo(multiplierAt(e, sale(), i - 1), 12);
    expect(out[1] / normal[1]).toBeGreaterThan(2.9);
  });

  it('multiplies the effects of overlapping events', () => {
    const other: Occurrence = { ...sale(), name: 'tv-spot', from: MONDAY_LH + 13, to: MONDAY_LH + 14 };
    const both = effects({ byName: new Map([...e.byName, ['tv-spot', tally([[0, 20_000, 10_000]])]]) });
    const out = applyEffects(both, [sale(), other], targets, normal);
    expect(out[2]).toBeCloseTo(normal[2] * multiplierAt(both, sale(), 1) * multiplierAt(both, other, 0), 9);
  });

  it("takes a weekly fixture's lift out of its slots in an hour it does not cover, within the calendar's span", () => {
    const slots = new Uint8Array(WEEK);
    slots[slotOf(MONDAY_LH + 12)] = 1;
    const fixtures = new Map([['streamer', { slots, lift: 1.25 }]]);
    const streamer: Occurrence = { from: MONDAY_LH + 12, to: MONDAY_LH + 13, kind: 'live_commerce', name: 'streamer', intensity: 1 };
    expect(applyEffects(effects({ fixtures, calendarEnd: MONDAY_LH + 100 }), [], targets, normal)[1]).toBeCloseTo(20 / 1.25, 12);
    expect(applyEffects(effects({ fixtures, calendarEnd: MONDAY_LH + 100 }), [streamer], targets, normal)[1]).toBe(20);
    // Beyond the calendar's end, the fixture's absence means nothing.
    expect(applyEffects(effects({ fixtures, calendarEnd: MONDAY_LH }), [], targets, normal)[1]).toBe(20);
    // The same slot a week later is the fixture's too.
    const nextWeek = applyEffects(effects({ fixtures, calendarEnd: MONDAY_LH + 1000 }), [], [MONDAY_LH + 12 + WEEK], normal.subarray(0, 1));
    expect(nextWeek[0]).toBeCloseTo(10 / 1.25, 12);
  });

  it('leaves its input untouched and handles no targets', () => {
    applyEffects(e, [sale()], targets, normal);
    expect([...normal]).toEqual([10, 20, 30, 40, 50, 60]);
    expect(applyEffects(e, [sale()], [], new Float64Array(0))).toHaveLength(0);
  });
});
