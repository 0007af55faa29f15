import { WEEK } from '../calendar.js';
import { endOf, normalAt, type Series } from '../series.js';
import { weightedMedian } from '../robust.js';
import type { Occurrence } from './occurrences.js';

/** Observed and expected normal contacts summed per hour offset within an event, and in all. */
interface Tally {
  actual: Map<number, number>;
  expected: Map<number, number>;
  total: { actual: number; expected: number };
}

/** What past occurrences taught: per event name and per kind. */
export interface EventEffects {
  byName: Map<string, Tally>;
  byKind: Map<string, Tally>;
}

/** Expected contacts' worth of weight pulling an hour's multiplier towards the event's overall one. */
const PRIOR_CONTACTS = 30;

/** Same-hour-of-week neighbours that form the "what a normal week would have had" baseline. */
const BASELINE_WEEKS = [-3, -2, -1, 1, 2, 3];

/**
 * Learns, hour by hour within the event, how each past occurrence moved volume against what a
 * normal week would have brought (the median of the same hour in the surrounding weeks, level
 * free). Hours of a past event without a history row, when normal weeks are open then, count as
 * 0 contacts: a holiday closure is the commonest reason a row is missing.
 */
export function learnEffects(s: Series, occurrences: readonly Occurrence[]): EventEffects {
  const effects: EventEffects = { byName: new Map(), byKind: new Map() };
  const end = endOf(s);
  for (const o of occurrences) {
    if (o.to > end || o.intensity <= 0) continue;
    for (let lh = o.from; lh < o.to; lh++) {
      const neighbours = BASELINE_WEEKS.map((k) => normalAt(s, lh + k * WEEK)).filter(Number.isFinite);
      if (neighbours.length < 2) continue;
      const expected = weightedMedian(neighbours, neighbours.map(() => 1));
      if (!(expected > 0)) continue;
      const i = lh - s.first;
      const actual = i >= 0 && Number.isFinite(s.y[i]) ? s.y[i] : 0;
      // Intensity says how big this occurrence was meant to be: learn the size of a typical one.
      const typical = expected + (actual - expected) / o.intensity;
      add(effects.byName, o.name, lh - o.from, Math.max(0, typical), expected);
      add(effects.byKind, o.kind, lh - o.from, Math.max(0, typical), expected);
      add(effects.byKind, sameLength(o), lh - o.from, Math.max(0, typical), expected);
    }
  }
  return effects;
}

/**
 * The key of a kind's occurrences of one length: hour offsets line up only between events that
 * start and last alike (a four-hour presale evening is no guide to hour 2 of a promotion day).
 */
function sameLength(o: Occurrence): string {
  return `${o.kind}/${o.to - o.from}h`;
}

function add(map: Map<string, Tally>, key: string, offset: number, actual: number, expected: number): void {
  let t = map.get(key);
  if (!t) {
    t = { actual: new Map(), expected: new Map(), total: { actual: 0, expected: 0 } };
    map.set(key, t);
  }
  t.actual.set(offset, (t.actual.get(offset) ?? 0) + actual);
  t.expected.set(offset, (t.expected.get(offset) ?? 0) + expected);
  t.total.actual += actual;
  t.total.expected += expected;
}

/**
 * The multiplier of normal volume at hour `offset` of an occurrence: from past occurrences of the
 * same name, else of the same kind and length (a first occurrence), else of the same kind, else 1. Each hour's own ratio is shrunk
 * towards the event's overall ratio in proportion to how few contacts back it. The intensity
 * scales the deviation from normal: intensity 2 doubles the extra (or missing) volume.
 */
export function multiplierAt(effects: EventEffects, o: Occurrence, offset: number): number {
  const tally = effects.byName.get(o.name) ?? effects.byKind.get(sameLength(o)) ?? effects.byKind.get(o.kind);
  if (!tally || tally.total.expected <= 0) return 1;
  const overall = tally.total.actual / tally.total.expected;
  // The prior is a fixed volume, not a share of the event's: an hour backed by thousands of
  // contacts speaks for itself even when the event's overall ratio is very different (a promotion
  // day's quiet afternoon against its evening rush).
  const prior = PRIOR_CONTACTS;
  const a = tally.actual.get(offset) ?? 0;
  const e = tally.expected.get(offset) ?? 0;
  const ratio = (a + prior * overall) / (e + prior);
  return Math.max(0, 1 + (ratio - 1) * o.intensity);
}

/**
 * Multiplies normal forecasts at `targets` by the effects of the occurrences covering them
 * (overlapping events multiply).
 */
export function applyEffects(effects: EventEffects, occurrences: readonly Occurrence[], targets: readonly number[], normal: Float64Array): Float64Array {
  const out = Float64Array.from(normal);
  targets.forEach((lh, i) => {
    for (const o of occurrences) {
      if (lh >= o.from && lh < o.to) out[i] *= multiplierAt(effects, o, lh - o.from);
    }
  });
  return out;
}
