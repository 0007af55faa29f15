import { slotOf, WEEK } from '../calendar.js';
import { endOf, normalAt, type Series } from '../series.js';
import { weightedMedian } from '../robust.js';
import type { Occurrence } from './occurrences.js';

/** Observed and expected normal contacts summed per hour offset within an event, and in all. */
interface Tally {
  actual: Map<number, number>;
  expected: Map<number, number>;
  total: { actual: number; expected: number };
}

/**
 * What past occurrences taught. Tallies per event name (keyed by hour offset within the event);
 * per kind, start hour and length, and per kind and length (offsets line up); per kind (keyed by
 * hour of day, the only alignment events of different lengths share). Weekly fixtures (see
 * `Series.habits`) are part of normal volume in their slots: `fixtures` holds each one's lift
 * over the volume its slots would have without it, so that a week it skips is forecast without it.
 */
export interface EventEffects {
  byName: Map<string, Tally>;
  byKind: Map<string, Tally>;
  fixtures: Map<string, Fixture>;
  /** The local hour up to which the calendar lists events: beyond it a fixture's absence means nothing. */
  calendarEnd: number;
}

/** A weekly fixture: the hour-of-week slots where it is the norm, and its lift there. */
interface Fixture {
  slots: Uint8Array;
  lift: number;
}

/** Expected contacts' worth of weight pulling an hour's multiplier towards the event's overall one. */
const PRIOR_CONTACTS = 30;

/** Same-hour-of-week neighbours that form the "what a normal week would have had" baseline. */
const BASELINE_WEEKS = [-3, -2, -1, 1, 2, 3];

/** Days either side of a fixture's day whose same hours, level-matched, say what it would have been without it. */
const FIXTURE_REFERENCE_DAYS = [-3, -2, -1, 1, 2, 3];
/** Recent weeks a fixture's lift is measured over. */
const FIXTURE_WEEKS = 16;
/** Fixture hours with a reference needed before a lift is trusted (else 1: no correction). */
const FIXTURE_MIN_HOURS = 3;

/** Passes of the back-fitting that separates co-occurring events' effects. */
const SWEEPS = 3;

/** Learnt effects are the same for every model family fitted on one history: learn them once. */
const cache = new WeakMap<Series, { occurrences: readonly Occurrence[]; effects: EventEffects }>();

/**
 * Learns, hour by hour within the event, how each past occurrence moved volume against what a
 * normal week would have brought (the median of the same hour in the surrounding weeks, level
 * free). That baseline excludes whatever else was going on: weekly fixtures are taken out of the
 * neighbours and put back only when the fixture really ran during the event (a promotion on the
 * streamer's evening that replaced the streamer is measured against a no-streamer evening), and
 * other events covering the same hours are divided out by back-fitting (each name's effect
 * learnt in turn with the others' current effects in the baseline). Hours of a past event without
 * a history row, when normal weeks are open then, count as 0 contacts: a holiday closure is the
 * commonest reason a row is missing.
 */
export function learnEffects(s: Series, occurrences: readonly Occurrence[]): EventEffects {
  const hit = cache.get(s);
  if (hit && hit.occurrences === occurrences) return hit.effects;
  const effects = learn(s, occurrences);
  cache.set(s, { occurrences, effects });
  return effects;
}

/** One hour of a past (non-fixture) occurrence: what happened and the fixture-aware normal baseline. */
interface Row {
  o: Occurrence;
  lh: number;
  actual: number;
  /** Normal volume with the fixtures that ran then, before other events' effects. */
  baseline: number;
}

function learn(s: Series, occurrences: readonly Occurrence[]): EventEffects {
  const end = endOf(s);
  const calendarEnd = occurrences.reduce((m, o) => Math.max(m, o.to), -Infinity);
  const fixtures = learnFixtures(s, occurrences);
  const effects: EventEffects = { byName: new Map(), byKind: new Map(), fixtures, calendarEnd };
  const past = occurrences.filter((o) => o.to <= end && o.intensity > 0);
  const fixtureFactor = fixtureFactors(s, past, fixtures);
  const baseAt = (lh: number) => normalAt(s, lh) / (fixtureFactor.get(lh) ?? 1);

  const baselineAt = (lh: number) => {
    const neighbours = BASELINE_WEEKS.map((k) => baseAt(lh + k * WEEK)).filter(Number.isFinite);
    return neighbours.length < 2 ? NaN : weightedMedian(neighbours, neighbours.map(() => 1));
  };
  const levels = new Map<number, number>();
  const dayLevel = (day: number) => {
    if (!levels.has(day)) levels.set(day, measuredDayLevel(day, baseAt, baselineAt));
    return levels.get(day)!;
  };

  const rows: Row[] = [];
  const fixtureRows: Row[] = [];
  for (const o of past) {
    for (let lh = o.from; lh < o.to; lh++) {
      const base = baselineAt(lh) * dayLevel(Math.floor(lh / 24));
      if (!(base > 0)) continue;
      const i = lh - s.first;
      const actual = i >= 0 && Number.isFinite(s.y[i]) ? s.y[i] : 0;
      if (isFixtureHour(fixtures, o, lh)) {
        // Its lift is in the normal volume already; it only informs first occurrences of its kind.
        if (s.event[i] === 0) fixtureRows.push({ o, lh, actual, baseline: base * ((fixtureFactor.get(lh) ?? 1) / fixtureMultiplier(fixtures, o)) });
      } else {
        rows.push({ o, lh, actual, baseline: base * (fixtureFactor.get(lh) ?? 1) });
      }
    }
  }

  // Other (non-fixture) past occurrences covering each row's hour.
  const covering = new Map<number, Occurrence[]>();
  for (const r of rows) covering.set(r.lh, [...(covering.get(r.lh) ?? []), r.o]);
  const others = (r: Row) => (covering.get(r.lh) ?? []).filter((o) => o !== r.o);
  const overlapping = rows.some((r) => others(r).length > 0);
  const names = [...new Set(rows.map((r) => r.o.name))];
  const expectedOf = (r: Row) => others(r).reduce((e, o) => e * multiplierAt(effects, o, r.lh - o.from), r.baseline);
  // Gauss-Seidel back-fitting: with no overlap one sweep is exact; names always seen together
  // settle on one split of their joint effect instead of each claiming all of it.
  for (let sweep = 0; sweep < (overlapping ? SWEEPS : 1); sweep++) {
    for (const name of names) {
      effects.byName.delete(name);
      const tally = newTally();
      for (const r of rows) if (r.o.name === name) addRow(tally, r, expectedOf(r), r.lh - r.o.from);
      effects.byName.set(name, tally);
    }
  }
  for (const r of [...rows.map((r) => ({ r, expected: expectedOf(r) })), ...fixtureRows.map((r) => ({ r, expected: r.baseline }))]) {
    for (const key of kindKeys(r.r.o, r.r.lh)) add(effects.byKind, key.key, r.r, r.expected, key.offset);
  }
  return effects;
}

/** Normal hours a day needs outside events before its own level is read from them. */
const DAY_LEVEL_MIN_HOURS = 12;

/**
 * How busy a past event's day was apart from the event: its normal hours against their
 * neighbour-week baseline (1 when too few normal hours, as on a whole-day event). A busy or quiet
 * day is no part of an evening event's effect, and the day's level is forecast separately.
 */
function measuredDayLevel(day: number, baseAt: (lh: number) => number, baselineAt: (lh: number) => number): number {
  let actual = 0;
  let expected = 0;
  let hours = 0;
  for (let lh = day * 24; lh < day * 24 + 24; lh++) {
    const v = baseAt(lh);
    const b = Number.isFinite(v) ? baselineAt(lh) : NaN;
    if (!Number.isFinite(b)) continue;
    actual += v;
    expected += b;
    hours++;
  }
  return hours >= DAY_LEVEL_MIN_HOURS && actual > 0 && expected > 0 ? Math.min(2, Math.max(0.5, actual / expected)) : 1;
}

/** Adds one row to a tally: the size of a typical (intensity 1) occurrence against `expected`. */
function addRow(t: Tally, r: Row, expected: number, offset: number): void {
  if (!(expected > 0)) return;
  // Intensity says how big this occurrence was meant to be: learn the size of a typical one.
  const typical = Math.max(0, expected + (r.actual - expected) / r.o.intensity);
  t.actual.set(offset, (t.actual.get(offset) ?? 0) + typical);
  t.expected.set(offset, (t.expected.get(offset) ?? 0) + expected);
  t.total.actual += typical;
  t.total.expected += expected;
}

function add(map: Map<string, Tally>, key: string, r: Row, expected: number, offset: number): void {
  let t = map.get(key);
  if (!t) {
    t = newTally();
    map.set(key, t);
  }
  addRow(t, r, expected, offset);
}

function newTally(): Tally {
  return { actual: new Map(), expected: new Map(), total: { actual: 0, expected: 0 } };
}

/**
 * The kind-level keys an occurrence's hour feeds, most specific first, with the offset each is
 * keyed by: hour offsets line up only between events that start and last alike (a four-hour
 * presale evening is no guide to hour 2 of a promotion day); across lengths, only the hour of day.
 */
function kindKeys(o: Occurrence, lh: number): { key: string; offset: number }[] {
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

function isFixtureHour(fixtures: ReadonlyMap<string, Fixture>, o: Occurrence, lh: number): boolean {
  return fixtures.get(o.name)?.slots[slotOf(lh)] === 1;
}

/** A fixture occurrence's volume against its slot without it: the lift, scaled by its intensity. */
function fixtureMultiplier(fixtures: ReadonlyMap<string, Fixture>, o: Occurrence): number {
  const lift = fixtures.get(o.name)?.lift ?? 1;
  return Math.max(0, 1 + (lift - 1) * o.intensity);
}

/** Per local hour where fixtures ran in their slots: their combined multiplier over a fixture-free hour. */
function fixtureFactors(s: Series, past: readonly Occurrence[], fixtures: ReadonlyMap<string, Fixture>): Map<number, number> {
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
function learnFixtures(s: Series, occurrences: readonly Occurrence[]): Map<string, Fixture> {
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
        const ref = weightedMedian(refs, refs.map(() => 1));
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

/**
 * The multiplier of normal volume at hour `offset` of an occurrence: from past occurrences of the
 * same name, else (a first occurrence) of the same kind starting at the same hour and lasting as
 * long, else of the same kind and length, else of the same kind by hour of day, else 1. Each
 * hour's own ratio is shrunk towards the event's overall ratio in proportion to how few contacts
 * back it. The intensity scales the deviation from normal: intensity 2 doubles the extra (or
 * missing) volume. A weekly fixture in its own slot is normal volume: 1 (scaled by intensity).
 */
export function multiplierAt(effects: EventEffects, o: Occurrence, offset: number): number {
  const lh = o.from + offset;
  if (isFixtureHour(effects.fixtures, o, lh)) return fixtureMultiplier(effects.fixtures, o) / fixtureMultiplier(effects.fixtures, { ...o, intensity: 1 });
  let tally = effects.byName.get(o.name);
  let at = offset;
  if (!tally) {
    for (const key of kindKeys(o, lh)) {
      tally = effects.byKind.get(key.key);
      at = key.offset;
      if (tally) break;
    }
  }
  if (!tally || tally.total.expected <= 0) return 1;
  const overall = tally.total.actual / tally.total.expected;
  // The prior is a fixed volume, not a share of the event's: an hour backed by thousands of
  // contacts speaks for itself even when the event's overall ratio is very different (a promotion
  // day's quiet afternoon against its evening rush).
  const prior = PRIOR_CONTACTS;
  const a = tally.actual.get(at) ?? 0;
  const e = tally.expected.get(at) ?? 0;
  const ratio = (a + prior * overall) / (e + prior);
  return Math.max(0, 1 + (ratio - 1) * o.intensity);
}

/**
 * Multiplies normal forecasts at `targets` by the effects of the occurrences covering them
 * (overlapping events multiply). In a weekly fixture's slot within the calendar's span, an hour
 * the fixture does not cover (a promotion replaced it, or it stopped) loses its lift.
 */
export function applyEffects(effects: EventEffects, occurrences: readonly Occurrence[], targets: readonly number[], normal: Float64Array): Float64Array {
  const out = Float64Array.from(normal);
  targets.forEach((lh, i) => {
    const covering = occurrences.filter((o) => lh >= o.from && lh < o.to);
    for (const o of covering) out[i] *= multiplierAt(effects, o, lh - o.from);
    if (lh >= effects.calendarEnd) return;
    for (const [name, fixture] of effects.fixtures) {
      if (fixture.slots[slotOf(lh)] === 1 && !covering.some((o) => o.name === name)) out[i] /= fixture.lift;
    }
  });
  return out;
}
