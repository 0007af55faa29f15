import type { Occurrence } from './occurrences.js';

/** Observed and expected normal contacts summed per hour offset within an event, and in all. */
export interface Tally {
  actual: Map<number, number>;
  expected: Map<number, number>;
  total: { actual: number; expected: number };
}

export function newTally(): Tally {
  return { actual: new Map(), expected: new Map(), total: { actual: 0, expected: 0 } };
}

/**
 * Adds one hour of an occurrence to a tally: the size of a typical (intensity 1) occurrence
 * against `expected`, at `offset`.
 */
export function addHour(t: Tally, o: Occurrence, actual: number, expected: number, offset: number): void {
  if (!(expected > 0)) return;
  // Intensity says how big this occurrence was meant to be: learn the size of a typical one.
  const typical = Math.max(0, expected + (actual - expected) / o.intensity);
  t.actual.set(offset, (t.actual.get(offset) ?? 0) + typical);
  t.expected.set(offset, (t.expected.get(offset) ?? 0) + expected);
  t.total.actual += typical;
  t.total.expected += expected;
}

/**
 * The kind-level keys an occurrence's hour feeds, most specific first, with the offset each is
 * keyed by: hour offsets line up only between events that start and last alike (a four-hour
 * presale evening is no guide to hour 2 of a promotion day); across lengths, only the hour of day.
 */
export function kindKeys(o: Occurrence, lh: number): { key: string; offset: number }[] {
  const length = o.to - o.from;
  return [
    { key: `${o.kind}/${length}h@${hourOfDay(o.from)}`, offset: lh - o.from },
    { key: `${o.kind}/${length}h`, offset: lh - o.from },
    { key: `${o.kind}@hour`, offset: hourOfDay(lh) },
  ];
}

function hourOfDay(lh: number): number {
  return ((lh % 24) + 24) % 24;
}
