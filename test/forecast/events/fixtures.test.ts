import { describe, expect, it } from 'vitest';
import { slotOf, WEEK } from '../../../src/forecast/calendar.js';
import { type Fixture, fixtureFactors, fixtureMultiplier, isFixtureHour, learnFixtures } from '../../../src/forecast/events/fixtures.js';
import type { Occurrence } from '../../../src/forecast/events/occurrences.js';
import { gridOf, MONDAY_LH, seriesOf } from '../synthetic.js';

/** Friday 20:00 of week `w` from `MONDAY_LH`. */
const fridayEvening = (w: number) => MONDAY_LH + w * WEEK + 4 * 24 + 20;
const EVENING = [0, 1, 2].map((h) => slotOf(fridayEvening(0) + h));
const slotsOf = (slots: number[]) => Uint8Array.from({ length: WEEK }, (_, j) => (slots.includes(j) ? 1 : 0));
const streamer = (w: number, intensity = 1, hours = 3): Occurrence => ({
  from: fridayEvening(w),
  to: fridayEvening(w) + hours,
  kind: 'live_commerce',
  name: 'streamer',
  intensity,
});
const fixtures = (entries: [string, number[], number][]) =>
  new Map<string, Fixture>(entries.map(([name, slots, lift]) => [name, { slots: slotsOf(slots), lift }]));

/**
 * Four weeks at 100 contacts an hour, `evening(w)` on the streamer's Friday evenings (20:00-22:59),
 * the streamer a weekly habit there.
 */
function streamed(evening: (w: number) => number, other: (lh: number) => number = () => 100) {
  const y = gridOf(4, (lh) => {
    const w = Math.floor((lh - MONDAY_LH) / WEEK);
    return lh >= fridayEvening(w) && lh < fridayEvening(w) + 3 ? evening(w) : other(lh);
  });
  return seriesOf(y, { habits: new Map([['streamer', slotsOf(EVENING)]]) });
}
const everyWeek = [0, 1, 2, 3].map((w) => streamer(w));

describe('isFixtureHour', () => {
  const f = fixtures([['streamer', EVENING, 1.5]]);
  it("is true only in the named fixture's own slots", () => {
    expect(isFixtureHour(f, streamer(0), fridayEvening(2))).toBe(true);
    expect(isFixtureHour(f, streamer(0), fridayEvening(2) + 2)).toBe(true);
    expect(isFixtureHour(f, streamer(0), fridayEvening(2) + 3)).toBe(false);
    expect(isFixtureHour(f, { ...streamer(0), name: 'promo' }, fridayEvening(2))).toBe(false);
  });
});

describe('fixtureMultiplier', () => {
  const f = fixtures([
    ['streamer', EVENING, 1.5],
    ['quiet', EVENING, 0.5],
  ]);
  it('is the lift, its deviation from 1 scaled by the intensity', () => {
    expect(fixtureMultiplier(f, streamer(0))).toBe(1.5);
    expect(fixtureMultiplier(f, streamer(0, 2))).toBe(2);
    expect(fixtureMultiplier(f, streamer(0, 0))).toBe(1);
    expect(fixtureMultiplier(f, { ...streamer(0, 0.5), name: 'quiet' })).toBe(0.75);
  });

  it('is never below 0, and 1 for a name that is no fixture', () => {
    expect(fixtureMultiplier(f, { ...streamer(0, 3), name: 'quiet' })).toBe(0);
    expect(fixtureMultiplier(f, { ...streamer(0), name: 'promo' })).toBe(1);
  });
});

describe('fixtureFactors', () => {
  const s = seriesOf(gridOf(2, () => 10));
  it('is empty without fixtures', () => {
    expect(fixtureFactors(s, [streamer(0)], new Map()).size).toBe(0);
  });

  it('gives the hours where fixtures ran in their slots their combined multiplier', () => {
    const f = fixtures([
      ['streamer', EVENING, 1.5],
      ['radio', [EVENING[0]], 2],
    ]);
    const radio: Occurrence = { ...streamer(1, 1, 1), name: 'radio' };
    const promo: Occurrence = { ...streamer(1, 1, 24), name: 'promo' };
    const factor = fixtureFactors(s, [streamer(1, 1, 4), radio, promo], f);
    // The streamer ran 20:00-24:00 but its slots end at 23:00; the promotion is no fixture.
    expect([...factor].sort((a, b) => a[0] - b[0])).toEqual([
      [fridayEvening(1), 3],
      [fridayEvening(1) + 1, 1.5],
      [fridayEvening(1) + 2, 1.5],
    ]);
  });

  it('leaves out hours before the series', () => {
    const f = fixtures([['streamer', EVENING, 1.5]]);
    expect(fixtureFactors(s, [streamer(-1)], f).size).toBe(0);
  });
});

describe('learnFixtures', () => {
  it('is empty for a series without weekly habits', () => {
    expect(learnFixtures(seriesOf(gridOf(4, () => 100)), everyWeek).size).toBe(0);
  });

  it("measures a habit's lift against the same hours of the days around it", () => {
    const f = learnFixtures(
      streamed(() => 150),
      everyWeek,
    );
    expect([...f.keys()]).toEqual(['streamer']);
    expect(f.get('streamer')!.lift).toBeCloseTo(1.5, 12);
    expect([...f.get('streamer')!.slots]).toEqual([...slotsOf(EVENING)]);
  });

  it('level-matches the reference days: a quiet Friday against busier days around it keeps its lift', () => {
    // Every other day runs at 200; the Friday at 100 outside its evening (day 7k + 1 is a Friday).
    const quietFriday = (lh: number) => (Math.floor(lh / 24) % 7 === 1 ? 100 : 200);
    expect(Math.floor(fridayEvening(0) / 24) % 7).toBe(1);
    expect(
      learnFixtures(
        streamed(() => 150, quietFriday),
        everyWeek,
      ).get('streamer')!.lift,
    ).toBeCloseTo(1.5, 12);
  });

  it('reads each occurrence at its intensity: a double-size evening says the same lift', () => {
    const occurrences = [streamer(0), streamer(1, 2), streamer(2), streamer(3, 2)];
    const f = learnFixtures(
      streamed((w) => (w % 2 === 1 ? 200 : 150)),
      occurrences,
    );
    expect(f.get('streamer')!.lift).toBeCloseTo(1.5, 12);
  });

  it('keeps the lift within 0.2..5', () => {
    expect(
      learnFixtures(
        streamed(() => 2000),
        everyWeek,
      ).get('streamer')!.lift,
    ).toBe(5);
    expect(
      learnFixtures(
        streamed(() => 1),
        everyWeek,
      ).get('streamer')!.lift,
    ).toBe(0.2);
  });

  it('gives 1 (no correction) with fewer than 3 measurable hours', () => {
    const f = learnFixtures(
      streamed(() => 150),
      [streamer(2, 1, 2)],
    );
    expect(f.get('streamer')!.lift).toBe(1);
    expect(
      learnFixtures(
        streamed(() => 150),
        [],
      ).get('streamer')!.lift,
    ).toBe(1);
  });

  it('leaves out occurrences of zero intensity', () => {
    expect(
      learnFixtures(
        streamed(() => 150),
        [0, 1, 2, 3].map((w) => streamer(w, 0)),
      ).get('streamer')!.lift,
    ).toBe(1);
  });
});
