import { slotOf } from '../calendar.js';
import { fixtureMultiplier, isFixtureHour, type Fixture } from './fixtures.js';
import type { Occurrence } from './occurrences.js';
import { kindKeys, type Tally } from './tally.js';

/**
 * What past occurrences taught (see `learnEffects`). Tallies per event name (keyed by hour offset
 * within the event); per kind, start hour and length, and per kind and length (offsets line up);
 * per kind (keyed by hour of day, the only alignment events of different lengths share). Weekly
 * fixtures (see `Series.habits`) are part of normal volume in their slots: `fixtures` holds each
 * one's lift over the volume its slots would have without it, so that a week it skips is
 * forecast without it.
 */
export interface EventEffects {
  byName: Map<string, Tally>;
  byKind: Map<string, Tally>;
  fixtures: Map<string, Fixture>;
  /** The local hour up to which the calendar lists events: beyond it a fixture's absence means nothing. */
  calendarEnd: number;
}

/** Expected contacts' worth of weight pulling an hour's multiplier towards the event's overall one. */
const PRIOR_CONTACTS = 30;

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
  if (isFixtureHour(effects.fixtures, o, lh))
    return fixtureMultiplier(effects.fixtures, o) / fixtureMultiplier(effects.fixtures, { ...o, intensity: 1 });
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
export function applyEffects(
  effects: EventEffects,
  occurrences: readonly Occurrence[],
  targets: readonly number[],
  normal: Float64Array,
): Float64Array {
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
