import type { Exposure } from './exposure.js';
import type { Occurrence } from './occurrences.js';

/**
 * The terms of the event model (see `learnEffects`): each names one parameter, a log
 * multiplier of normal volume. An occurrence's hour gets its kind's shape at that offset, its
 * name's level and own shape (shrunk towards the kind), and its regressors' slopes; the hours just
 * before and after it get its kind's spill-over at that distance.
 */
export type Term =
  | { term: 'shape'; key: string; offset: number }
  | { term: 'level'; name: string }
  | { term: 'nameShape'; name: string; offset: number }
  | { term: 'spill'; key: string; side: 'before' | 'after'; distance: number };

/** What past occurrences taught: log multipliers by term, regressor slopes per kind. */
export interface EventEffects {
  /** Log multiplier per term (see `termKey`); an absent term is 0 (no effect). */
  log: Map<string, number>;
  /** Per kind and regressor column: the slope of the log multiplier on log(value / typical). */
  slopes: Map<string, { slope: number; typical: number }>;
  /** How overlapping occurrences combine, as the history's overlaps showed (see `Overlaps`). */
  overlaps: Overlaps;
  /**
   * Kinds whose short occurrences' extra contacts do not (wholly) follow the hour's normal volume
   * (an audience asks what it asks, at 18h or at 22h), each with its `Reach`. Other extra
   * (whole-day events always) is in proportion to the hour's normal volume.
   */
  reach: Map<string, Reach>;
  /**
   * Per kind: the variance of the log of a new name's own multiplier around its kind's (the
   * spread of the kind's names in level and hourly shape, and the uncertainty of the kind's mean
   * from that few names); 0 or absent when the names cannot tell (fewer than three, none recurs).
   */
  newNameSpread: Map<string, number>;
}

/**
 * How a kind's extra contacts scale with the hour's normal volume v: its multiplier's extra times
 * (reference / v)^power, where reference is the normal volume its multipliers are read at. Power 1
 * is absolute (the same extra contacts whatever v); ½ the geometric middle of that and the
 * relative form (power 0), for a kind whose history cannot tell the two apart.
 */
export interface Reach {
  reference: number;
  power: number;
}

/**
 * How the effects of occurrences covering one hour combine: they all multiply (the count
 * model's log link); occurrences of one kind add their extra volume (two streamers on one
 * evening, each with its own audience) and kinds multiply; or every occurrence adds its extra.
 */
export type Overlaps = 'multiply' | 'add within kind' | 'add';

/** The group an occurrence's extra volume is added within: its own (multiply), its kind's, or the hour's. */
export function combineKey(overlaps: Overlaps, kind: string, occurrence: string): string {
  if (overlaps === 'add') return 'all';
  return overlaps === 'add within kind' ? `kind|${kind}` : `occurrence|${occurrence}`;
}

/** Events at least this long are whole-day events: their hours line up by hour of day. */
const DAY_EVENT_HOURS = 20;

export function isWholeDay(o: Occurrence): boolean {
  return o.to - o.from >= DAY_EVENT_HOURS;
}

/** Offsets a short event's own shape distinguishes (later hours share the last). */
const SHORT_OFFSETS = 12;

/** Hours either side an occurrence's spill-over reaches: a day for whole-day events, else two. */
export function spillHours(o: Occurrence): number {
  return isWholeDay(o) ? 24 : 2;
}

/** The kind's shape family: whole-day events and short ones have shapes of their own. */
export function shapeKey(o: Occurrence): string {
  return `${o.kind}/${isWholeDay(o) ? 'day' : 'short'}`;
}

/**
 * Where hour `lh` falls in an occurrence's shape: hours from its start for a short event; for
 * a whole-day event the hour of day, every day alike (a two-day holiday's second day is learnt
 * from every one-day holiday).
 */
export function offsetOf(o: Occurrence, lh: number): number {
  return isWholeDay(o) ? hourOfDay(lh) : Math.min(lh - o.from, SHORT_OFFSETS - 1);
}

/**
 * What an occurrence's own terms are learnt under: its kind and name, so that a holiday's eve
 * and the holiday, named alike, keep their own effects.
 */
export function eventName(o: Occurrence): string {
  return `${o.kind}/${o.name}`;
}

/** The terms of hour `lh` that occurrence `o` covers. */
export function coverTerms(o: Occurrence, lh: number): Term[] {
  const offset = offsetOf(o, lh);
  return [
    { term: 'shape', key: shapeKey(o), offset },
    { term: 'level', name: eventName(o) },
    { term: 'nameShape', name: eventName(o), offset },
  ];
}

/** The spill-over term of hour `lh` near occurrence `o` (outside it), or null when out of reach. */
export function spillTerm(o: Occurrence, lh: number): Extract<Term, { term: 'spill' }> | null {
  const reach = spillHours(o);
  // A whole-day event's day before and after is one term each: a few past days could not tell
  // 24 hourly effects apart from their noise.
  const bucket = (distance: number) => (isWholeDay(o) ? 0 : distance);
  if (lh < o.from && lh >= o.from - reach) return { term: 'spill', key: shapeKey(o), side: 'before', distance: bucket(o.from - lh - 1) };
  if (lh >= o.to && lh < o.to + reach) return { term: 'spill', key: shapeKey(o), side: 'after', distance: bucket(lh - o.to) };
  return null;
}

export function termKey(t: Term): string {
  switch (t.term) {
    case 'shape':
      return `shape|${t.key}|${t.offset}`;
    case 'level':
      return `level|${t.name}`;
    case 'nameShape':
      return `nameShape|${t.name}|${t.offset}`;
    case 'spill':
      return `spill|${t.key}|${t.side}|${t.distance}`;
  }
}

/**
 * The log of how an occurrence's regressors scale its extra volume: each slope times
 * log(value / typical). A session twice the typical audience brings 2^slope times the extra
 * contacts, not 2^slope times the whole hour's.
 */
export function regressorLog(effects: EventEffects, o: Occurrence): number {
  let sum = 0;
  for (const [column, value] of Object.entries(o.regressors ?? {})) {
    const s = effects.slopes.get(slopeKey(o.kind, column));
    if (s && value > 0) sum += s.slope * Math.log(value / s.typical);
  }
  return sum;
}

export function slopeKey(kind: string, column: string): string {
  return `${kind}|${column}`;
}

/**
 * The learnt log multiplier of a term, 0 when unknown. An hour of a kind's shape that no past
 * occurrence reached takes the latest hour the kind did reach: a new streamer's four-hour session
 * runs on as the kind's two- and three-hour sessions ran, not back to normal volume.
 */
function logOf(effects: EventEffects, t: Term): number {
  const known = effects.log.get(termKey(t));
  if (known !== undefined || t.term !== 'shape') return known ?? 0;
  for (let offset = t.offset - 1; offset >= 0; offset--) {
    const earlier = effects.log.get(termKey({ ...t, offset }));
    if (earlier !== undefined) return earlier;
  }
  return 0;
}

/**
 * The multiplier of normal volume at hour `lh` of occurrence `o`: its kind's shape and its name's
 * terms, the deviation from 1 scaled by its regressors, its intensity (intensity 2 doubles the
 * extra or missing volume; never below 0) and, for a kind in `reach`, by its reach at the
 * hour's `normal` volume (at the reference when not given).
 */
export function multiplierAt(effects: EventEffects, o: Occurrence, lh: number, normal?: number): number {
  return Math.max(0, 1 + (Math.exp(logAt(effects, o, lh)) - 1) * extraScale(effects, o, normal));
}

/** The log multiplier of occurrence `o`'s terms at hour `lh`, before its regressors, intensity and reach. */
function logAt(effects: EventEffects, o: Occurrence, lh: number): number {
  return coverTerms(o, lh).reduce((s, t) => s + logOf(effects, t), 0);
}

/** What occurrence `o`'s extra is scaled by: its regressors, its intensity and its reach. */
function extraScale(effects: EventEffects, o: Occurrence, normal?: number): number {
  return Math.exp(regressorLog(effects, o)) * o.intensity * reachAt(effects, o, normal);
}

/** Whether the past knows occurrence `o`'s name (else it is a new name, its kind's typical one). */
function isKnownName(effects: EventEffects, o: Occurrence): boolean {
  return effects.log.has(termKey({ term: 'level', name: eventName(o) }));
}

/**
 * Whether occurrence `o`'s extra may be absolute, should its kind be: short ones only (whole-day
 * events follow the day's hours, a closure most of all).
 */
export function mayBeAbsolute(o: Occurrence): boolean {
  return !isWholeDay(o);
}

/** The reach of occurrence `o`'s extra when it does not wholly follow the hour's normal volume (a short one of a kind in `reach`). */
function reachOf(effects: EventEffects, o: Occurrence): Reach | undefined {
  return mayBeAbsolute(o) ? effects.reach.get(o.kind) : undefined;
}

/** How many times its multiplier's extra occurrence `o` brings in an hour of `normal` volume. */
function reachAt(effects: EventEffects, o: Occurrence, normal?: number): number {
  const r = reachOf(effects, o);
  return r && normal !== undefined ? (r.reference / Math.max(normal, MIN_NORMAL)) ** r.power : 1;
}

/** The least normal volume a kind in `reach` is read against: an hour forecast at 0 still gets an absolute kind's extra. */
const MIN_NORMAL = 1e-6;

/**
 * The spill-over multiplier at hour `lh` from occurrence `o` outside it (1 when out of reach):
 * its log scaled by the occurrence's exposure on that side, the multiplier's deviation from 1 by
 * its intensity.
 */
export function spillAt(effects: EventEffects, o: Occurrence, lh: number, exposure: Exposure = () => 1): number {
  const t = spillTerm(o, lh);
  if (!t) return 1;
  return Math.max(0, 1 + (Math.exp((effects.log.get(termKey(t)) ?? 0) * exposure(o, t.side)) - 1) * o.intensity);
}

/** The forecast with events at some hours, and how uncertain new names leave it there. */
export interface WithEvents {
  contacts: Float64Array;
  /**
   * The variance of the log of each hour's contacts that new names among its occurrences add
   * (`EventEffects.newNameSpread`, through each one's share of the hour's multiplier); 0 where every
   * name has been seen before.
   */
  newNameVariance: Float64Array;
}

/**
 * The forecast at `targets` (local hours) given normal volume there: the effects of the
 * occurrences covering an hour combine as `effects.overlaps` says; the spill-over of
 * occurrences near the hour multiplies, each weighed by its `exposure` (full by default).
 */
export function applyEffects(
  effects: EventEffects,
  occurrences: readonly Occurrence[],
  targets: readonly number[],
  normal: Float64Array,
  exposure: Exposure = () => 1,
): WithEvents {
  const out = Float64Array.from(normal);
  const newNameVariance = new Float64Array(targets.length);
  // Only the occurrences within reach of the targets (a long calendar has many more).
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const lh of targets) [lo, hi] = [Math.min(lo, lh), Math.max(hi, lh)];
  const near = occurrences.filter((o) => o.intensity > 0 && o.to + spillHours(o) > lo && o.from - spillHours(o) <= hi);
  targets.forEach((lh, i) => {
    const groups = new Map<string, number>();
    // Per new name covering the hour: its group, its multiplier's change per unit of its log, its kind's spread.
    const unknown: { key: string; slope: number; spread: number }[] = [];
    near.forEach((o, n) => {
      const key = combineKey(effects.overlaps, o.kind, String(n));
      if (lh >= o.from && lh < o.to) {
        // An hour forecast at 0 that an absolute kind covers still gets that kind's extra (half-way kinds almost none).
        if (reachOf(effects, o)) out[i] = Math.max(out[i], MIN_NORMAL);
        const m = multiplierAt(effects, o, lh, normal[i]);
        groups.set(key, (groups.get(key) ?? 1) + m - 1);
        const spread = effects.newNameSpread.get(o.kind) ?? 0;
        if (spread > 0 && m > 0 && !isKnownName(effects, o)) {
          unknown.push({ key, slope: Math.exp(logAt(effects, o, lh)) * extraScale(effects, o, normal[i]), spread });
        }
      } else if (lh >= o.from - spillHours(o) && lh < o.to + spillHours(o)) out[i] *= spillAt(effects, o, lh, exposure);
    });
    for (const f of groups.values()) out[i] *= Math.max(0, f);
    for (const u of unknown) newNameVariance[i] += (u.slope / Math.max(MIN_NORMAL, groups.get(u.key)!)) ** 2 * u.spread;
  });
  return { contacts: out, newNameVariance };
}

function hourOfDay(lh: number): number {
  return ((lh % 24) + 24) % 24;
}
