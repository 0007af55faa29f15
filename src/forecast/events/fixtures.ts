import { slotOf, WEEK } from '../calendar.js';
import { weightedMedian } from '../robust.js';
import { endOf, normalAt, type Series } from '../series.js';
import type { Occurrence } from './occurrences.js';

/** A weekly fixture: the hour-of-week slots where it is the norm, and its lift there. */
export interface Fixture {
  slots: Uint8Array;
  lift: number;
}

/** Days either side of a fixture's day whose same hours, level-matched, say what it would have been without it. */
const FIXTURE_REFERENCE_DAYS = [-3, -2, -1, 1, 2, 3];
/** Recent weeks a fixture's lift is measured over. */
const FIXTURE_WEEKS = 16;
/** Fixture hours with a reference needed before a lift is trusted (else 1: no correction). */
const FIXTURE_MIN_HOURS = 3;

export function isFixtureHour(fixtures: ReadonlyMap<string, Fixture>, o: Occurrence, lh: number): boolean {
  return fixtures.get(o.name)?.slots[slotOf(lh)] === 1;
}

/** A fixture occurrence's volume against its slot without it: the lift, scaled by its intensity. */
export function fixtureMultiplier(fixtures: ReadonlyMap<string, Fixture>, o: Occurrence): number {
  const lift = fixtures.get(o.name)?.lift ?? 1;
  return Math.max(0, 1 + (lift - 1) * o.intensity);
}

/** Per local hour where fixtures ran in their slots: their combined multiplier over a fixture-free hour. */
export function fixtureFactors(s: Series, past: readonly Occurrence[], fixtures: ReadonlyMap<string, Fixture>): Map<number, number> {
  const factor = new Map<number, number>();
  if (fixtures.size === 0) return factor;
  for (const o of past) {
    if (!fixtures.has(o.name)) continue;
    for (let lh = Math.max(o.from, s.first); lh < o.to; lh++) {
      if (isFixtureHour(fixtures, o, lh)) factor.set(lh, (factor.get(lh) ?? 1) * fixtureMultiplier(fixtures, o));
    }
  }
  return factor;
}

/**
 * Each weekly fixture's lift: over its recent normal hours, their volume against the same hours
 * of the days around it (a few days either side, each scaled by its level against the fixture's
 * day over the hours both have outside any fixture's slots, then the median), the only normal
 * volume without the fixture there is. Unmeasurable (too few such hours): 1.
 */
export function learnFixtures(s: Series, occurrences: readonly Occurrence[]): Map<string, Fixture> {
  const out = new Map<string, Fixture>();
  if (s.habits.size === 0) return out;
  const anyHabit = new Uint8Array(WEEK);
  for (const slots of s.habits.values()) slots.forEach((v, j) => (anyHabit[j] |= v));
  const end = endOf(s);
  const from = Math.max(s.first, end - FIXTURE_WEEKS * WEEK);
  const free = (lh: number) => (anyHabit[slotOf(lh)] === 1 ? NaN : normalAt(s, lh));
  // Level of day d' against day d over the hours both have free of fixtures and events.
  const levelRatio = (d: number, other: number): number => {
    let a = 0;
    let b = 0;
    for (let h = 0; h < 24; h++) {
      const x = free(d * 24 + h);
      const y = free(other * 24 + h);
      if (Number.isFinite(x) && Number.isFinite(y)) {
        a += x;
        b += y;
      }
    }
    return a > 0 && b > 0 ? a / b : NaN;
  };
  for (const [name, slots] of s.habits) {
    let actual = 0;
    let reference = 0;
    let hours = 0;
    for (const o of occurrences) {
      if (o.name !== name || o.to <= from || o.from >= end) continue;
      for (let lh = Math.max(o.from, from); lh < Math.min(o.to, end); lh++) {
        const v = normalAt(s, lh);
        if (slots[slotOf(lh)] !== 1 || !Number.isFinite(v) || !(o.intensity > 0)) continue;
        const day = Math.floor(lh / 24);
        const refs = FIXTURE_REFERENCE_DAYS.map((k) => free(lh + 24 * k) * levelRatio(day, day + k)).filter(Number.isFinite);
        if (refs.length < 2) continue;
        const ref = weightedMedian(
          refs,
          refs.map(() => 1),
        );
        if (!(ref > 0)) continue;
        actual += ref + (v - ref) / o.intensity;
        reference += ref;
        hours++;
      }
    }
    const lift = hours >= FIXTURE_MIN_HOURS && reference > 0 ? Math.min(5, Math.max(0.2, actual / reference)) : 1;
    out.set(name, { slots, lift });
  }
  return out;
}
