import { WEEK } from '../calendar.js';
import { weightedMedian } from '../robust.js';
import { endOf, normalAt, type Series } from '../series.js';
import { multiplierAt, type EventEffects } from './apply.js';
import { fixtureFactors, fixtureMultiplier, isFixtureHour, learnFixtures } from './fixtures.js';
import type { Occurrence } from './occurrences.js';
import { addHour, kindKeys, newTally, type Tally } from './tally.js';

/** Same-hour-of-week neighbours that form the "what a normal week would have had" baseline. */
const BASELINE_WEEKS = [-3, -2, -1, 1, 2, 3];

/** Passes of the back-fitting that separates co-occurring events' effects. */
const SWEEPS = 3;

/** One hour of a past (non-fixture) occurrence: what happened and the fixture-aware normal baseline. */
interface Row {
  o: Occurrence;
  lh: number;
  actual: number;
  /** Normal volume with the fixtures that ran then, before other events' effects. */
  baseline: number;
}

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
  const end = endOf(s);
  const calendarEnd = occurrences.reduce((m, o) => Math.max(m, o.to), -Infinity);
  const fixtures = learnFixtures(s, occurrences);
  const effects: EventEffects = { byName: new Map(), byKind: new Map(), fixtures, calendarEnd };
  const past = occurrences.filter((o) => o.to <= end && o.intensity > 0);
  const fixtureFactor = fixtureFactors(s, past, fixtures);
  const baseAt = (lh: number) => normalAt(s, lh) / (fixtureFactor.get(lh) ?? 1);

  const baselineAt = (lh: number) => {
    const neighbours = BASELINE_WEEKS.map((k) => baseAt(lh + k * WEEK)).filter(Number.isFinite);
    return neighbours.length < 2
      ? NaN
      : weightedMedian(
          neighbours,
          neighbours.map(() => 1),
        );
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
        if (s.event[i] === 0)
          fixtureRows.push({ o, lh, actual, baseline: base * ((fixtureFactor.get(lh) ?? 1) / fixtureMultiplier(fixtures, o)) });
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
      for (const r of rows) if (r.o.name === name) addHour(tally, r.o, r.actual, expectedOf(r), r.lh - r.o.from);
      effects.byName.set(name, tally);
    }
  }
  for (const r of [...rows.map((r) => ({ r, expected: expectedOf(r) })), ...fixtureRows.map((r) => ({ r, expected: r.baseline }))]) {
    for (const key of kindKeys(r.r.o, r.r.lh)) addHour(tallyOf(effects.byKind, key.key), r.r.o, r.r.actual, r.expected, key.offset);
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

/** The tally under `key`, created empty on first use. */
function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) {
    t = newTally();
    map.set(key, t);
  }
  return t;
}
