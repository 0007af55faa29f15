import { describe, expect, it } from 'vitest';
import { WEEK } from '../../../src/forecast/calendar.js';
import { multiplierAt } from '../../../src/forecast/events/apply.js';
import { learnEffects } from '../../../src/forecast/events/learn.js';
import type { Occurrence } from '../../../src/forecast/events/occurrences.js';
import { gridOf, MONDAY_LH, seriesOf, typicalAt } from '../synthetic.js';

const WEEKS = 7;
/** The Monday `week` weeks after `MONDAY_LH`, from `hour` for `hours` hours. */
const sale = (week: number, hour = 12, hours = 4, intensity = 1, name = 'sale'): Occurrence => ({
  from: MONDAY_LH + week * WEEK + hour,
  to: MONDAY_LH + week * WEEK + hour + hours,
  kind: 'promotion',
  name,
  intensity,
});
const inside = (o: Occurrence, lh: number) => lh >= o.from && lh < o.to;
const indices = (o: Occurrence) => Array.from({ length: o.to - o.from }, (_, k) => o.from - MONDAY_LH + k);

/**
 * Seven weeks of `base(lh)` contacts an hour, `during(offset, base)` in the hours of `o` (an event
 * hour in the series).
 */
function history(o: Occurrence, during: (offset: number, base: number) => number, base: (lh: number) => number = typicalAt) {
  return seriesOf(
    gridOf(WEEKS, (lh) => (inside(o, lh) ? during(lh - o.from, base(lh)) : base(lh))),
    { events: indices(o) },
  );
}

describe('learnEffects', () => {
  it('learns nothing without occurrences', () => {
    const e = learnEffects(seriesOf(gridOf(2, typicalAt)), []);
    expect(e.byName.size).toBe(0);
    expect(e.byKind.size).toBe(0);
    expect(e.fixtures.size).toBe(0);
    expect(e.calendarEnd).toBe(Number.NEGATIVE_INFINITY);
  });

  it("records the calendar's end: the last hour any occurrence, past or future, covers", () => {
    const past = sale(3);
    const future = sale(9, 0, 30);
    expect(
      learnEffects(
        history(past, (_, b) => 2 * b),
        [future, past],
      ).calendarEnd,
    ).toBe(future.to);
  });

  it('learns a promotion that doubled volume, hour by hour, against the same hours of the weeks around it', () => {
    const past = sale(3);
    const e = learnEffects(
      history(past, (_, b) => 2 * b),
      [past],
    );
    const next = sale(WEEKS + 1);
    for (let k = 0; k < 4; k++) expect(multiplierAt(e, next, k)).toBeCloseTo(2, 12);
  });

  it('learns the same for the kind, so a first occurrence of another name gets it too', () => {
    const past = sale(3);
    const e = learnEffects(
      history(past, (_, b) => 2 * b),
      [past],
    );
    expect([...e.byKind.keys()].sort()).toEqual(['promotion/4h', 'promotion/4h@12', 'promotion@hour']);
    const first = sale(WEEKS + 1, 12, 4, 1, 'new-sale');
    for (let k = 0; k < 4; k++) expect(multiplierAt(e, first, k)).toBeCloseTo(2, 12);
    // Another length and start: only the hour of day lines up.
    const evening = sale(WEEKS + 1, 14, 6, 1, 'evening-sale');
    expect(multiplierAt(e, evening, 0)).toBeCloseTo(2, 12); // 14:00, learnt
    expect(multiplierAt(e, evening, 3)).toBeCloseTo(2, 12); // 17:00, unseen: the overall ratio
  });

  it("keeps each hour's own ratio, shrunk by 30 contacts towards the overall one", () => {
    // Flat 100: hours 0-1 ran at 3x, hours 2-3 at 1x, so 2x overall.
    const past = sale(3);
    const e = learnEffects(
      history(
        past,
        (k, b) => (k < 2 ? 3 : 1) * b,
        () => 100,
      ),
      [past],
    );
    const next = sale(WEEKS + 1);
    expect(multiplierAt(e, next, 0)).toBeCloseTo((300 + 30 * 2) / (100 + 30), 12);
    expect(multiplierAt(e, next, 3)).toBeCloseTo((100 + 30 * 2) / (100 + 30), 12);
  });

  it('learns the size of a typical occurrence from one of another intensity', () => {
    const past = sale(3, 12, 4, 2);
    const e = learnEffects(
      history(past, (_, b) => 3 * b),
      [past],
    );
    expect(multiplierAt(e, sale(WEEKS + 1), 1)).toBeCloseTo(2, 12);
    expect(multiplierAt(e, sale(WEEKS + 1, 12, 4, 2), 1)).toBeCloseTo(3, 12);
  });

  it("measures against the day's own level: a busy day is no part of the event's effect", () => {
    const past = sale(3);
    const eventDay = Math.floor(past.from / 24);
    const busyDay = (lh: number) => 100 * (Math.floor(lh / 24) === eventDay ? 1.5 : 1);
    const e = learnEffects(
      history(past, (_, b) => 2 * b, busyDay),
      [past],
    );
    expect(multiplierAt(e, sale(WEEKS + 1), 0)).toBeCloseTo(2, 12);
  });

  it('reads hours of a past event without a row as 0 contacts (a holiday closure)', () => {
    const holiday: Occurrence = { ...sale(3, 0, 24), kind: 'holiday', name: 'holiday' };
    const e = learnEffects(
      history(holiday, () => Number.NaN),
      [holiday],
    );
    const next: Occurrence = { ...sale(WEEKS + 1, 0, 24), kind: 'holiday', name: 'holiday' };
    for (const k of [0, 9, 23]) expect(multiplierAt(e, next, k)).toBe(0);
  });

  it('learns nothing from future occurrences, occurrences of intensity 0, or hours with too few neighbouring weeks', () => {
    const past = sale(3);
    const s = history(past, (_, b) => 2 * b);
    expect(learnEffects(s, [sale(WEEKS + 1)]).byName.size).toBe(0);
    expect(learnEffects(s, [{ ...past, intensity: 0 }]).byName.size).toBe(0);
    // In a two-week history the event hours have one neighbouring week only.
    const short = sale(1);
    const e = learnEffects(
      seriesOf(
        gridOf(2, (lh) => (inside(short, lh) ? 2 : 1) * typicalAt(lh)),
        { events: indices(short) },
      ),
      [short],
    );
    expect(e.byName.size).toBe(0);
    expect(multiplierAt(e, sale(3), 0)).toBe(1);
  });
});
