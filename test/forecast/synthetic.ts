import { HOUR_MS, localParts, parseTimestamp } from '../../src/domain/time.js';
import type { HourCount, Instant } from '../../src/domain/types.js';
import { slotOf } from '../../src/forecast/calendar.js';
import { imputeNormal, type Series } from '../../src/forecast/series.js';

/** A seeded uniform generator (mulberry32), so every synthetic series is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws from a uniform generator (Box-Muller, one of each pair). */
export function gaussian(rand: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
}

/** A Poisson draw with mean `mean` (inversion for small means, normal approximation above 60). */
export function poisson(mean: number, rand: () => number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rand)()));
  let k = 0;
  let p = Math.exp(-mean);
  let s = p;
  const u = rand();
  while (u > s) {
    k++;
    p *= mean / k;
    s += p;
  }
  return k;
}

/** The instant of a local wall-clock timestamp. */
export function at(text: string, timeZone: string): Instant {
  return parseTimestamp(text, timeZone)!.t;
}

/** Consecutive hour instants from `start`. */
export function hoursFrom(start: Instant, count: number): Instant[] {
  return Array.from({ length: count }, (_, i) => start + i * HOUR_MS);
}

/**
 * An hourly history from `start` for `weeks` weeks: `mean(local parts, instant)` gives the
 * expected contacts, or null when the center is closed (the hour gets no row).
 */
export function makeHistory(
  start: Instant,
  weeks: number,
  timeZone: string,
  mean: (p: ReturnType<typeof localParts>, t: Instant) => number | null,
  seed = 1,
): HourCount[] {
  const rand = seeded(seed);
  const out: HourCount[] = [];
  for (const t of hoursFrom(start, weeks * 168)) {
    const m = mean(localParts(t, timeZone), t);
    if (m !== null) out.push({ t, contacts: poisson(m, rand) });
  }
  return out;
}

/** A 24x7 contact-center shape: night trough, daytime plateau, evening peak, quieter weekends. */
export function typicalMean(p: { hour: number; weekday: number }): number {
  const daily = p.hour < 7 ? 8 : p.hour < 19 ? 60 : p.hour < 23 ? 90 : 20;
  return daily * (p.weekday >= 5 ? 0.7 : 1);
}

/** Local hour number of Monday 1970-01-05 00:00 (slot 0): a week- and day-aligned origin for hand-built series. */
export const MONDAY_LH = 96;

/** `typicalMean` at a local hour number, without noise: a deterministic, perfectly weekly volume. */
export function typicalAt(lh: number): number {
  const slot = slotOf(lh);
  return typicalMean({ hour: slot % 24, weekday: Math.floor(slot / 24) });
}

/**
 * A series built directly on the local-hour grid (no time zone, no events file): `y[i]` is local
 * hour `first + i` (NaN: no row), `events` lists the indices an event covers, `habits` the weekly fixtures.
 */
export function seriesOf(y: ArrayLike<number>, options: { first?: number; events?: readonly number[] } = {}): Series {
  const event = new Uint8Array(y.length);
  for (const i of options.events ?? []) event[i] = 1;
  const values = Float64Array.from(y);
  const first = options.first ?? MONDAY_LH;
  return { first, y: values, event, typical: imputeNormal(values, event, first) };
}

/** `weeks` weeks of hourly values from Monday `MONDAY_LH`: `value(lh, i)` at local hour `lh`, index `i`. */
export function gridOf(weeks: number, value: (lh: number, i: number) => number): number[] {
  return Array.from({ length: weeks * 168 }, (_, i) => value(MONDAY_LH + i, i));
}

/** `makeHistory` without the noise: each hour has exactly `mean` contacts (null: no row), for values derived by hand. */
export function exactHistory(
  start: Instant,
  weeks: number,
  timeZone: string,
  mean: (p: ReturnType<typeof localParts>, t: Instant) => number | null,
): HourCount[] {
  return hoursFrom(start, weeks * 168).flatMap((t) => {
    const m = mean(localParts(t, timeZone), t);
    return m === null ? [] : [{ t, contacts: m }];
  });
}
