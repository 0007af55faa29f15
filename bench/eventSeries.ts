/**
 * Series the forecast has never seen, for the event benchmarks: live-commerce sessions and
 * promotion days laid on a base series of hourly contacts, announced in an events calendar with
 * their regressor columns (`audience`, `discount`). Every design choice is drawn from a seed, so
 * that many different centers can be scored and none tuned for: how many streamers, their evening
 * and length, how often they run, when each debuts (first occurrences fall inside the scored
 * weeks), how big each one's lift is and its hour-by-hour shape; how often promotions come, how
 * long they run, their discount. Effects the calendar does not announce are laid on too, as real
 * centers have them: the hour after a live session (late questions) and a promotion's eve and
 * the day after it (pre-sale questions, returns).
 *
 * Extra contacts are Poisson around lift x the base's usual volume in that hour of the week (not
 * the realized count, so the base's own noise is not amplified; with `lift: 'absolute'`, a live
 * session's around lift x the center's mean open evening hour, whatever the hour), with an occurrence-level
 * log-normal factor (sd `scatter`, 0.12 by default): no forecast can know it, as in real launches.
 */
import { HOUR_MS } from '../src/domain/time.js';
import { poisson, type Random, seededRandom } from '../src/domain/random.js';
import type { CalendarEvent, HourCount } from '../src/domain/types.js';

const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

/**
 * How a live session's extra contacts relate to the hour's normal volume: in proportion to it
 * (`relative`), or the same whatever the hour (`absolute`: an audience asks what it asks).
 */
export type Lift = 'relative' | 'absolute';

/** An announced event, with the regressor columns a planner would give (SPEC 1 plus extras). */
export interface LaidEvent {
  start: number;
  end: number;
  kind: 'live_commerce' | 'promotion';
  name: string;
  /** Expected viewers of a live session (thousands). */
  audience?: number;
  /** A promotion's headline discount, percent. */
  discount?: number;
}

export interface EventSeries {
  hours: HourCount[];
  events: LaidEvent[];
  /** Per hour, the extra contacts expected from what the calendar announces (before the occurrence-level noise). */
  expectedExtra: Map<number, number>;
  /**
   * The same with each streamer's own hourly shape unknown: every session at the mean of the
   * shapes the generator draws (what a forecast can know of a first session).
   */
  shapeBlindExtra: Map<number, number>;
}

/** Hour of the week (0 = Monday 00:00 UTC wall clock) of an instant. */
const hourOfWeek = (t: number) => (Math.floor(t / HOUR_MS) + 72) % 168; // 1970-01-01 was a Thursday

/** A series' usual volume by hour of the week (the mean over the series). */
function usualWeek(hours: readonly HourCount[]): number[] {
  const sum = new Float64Array(168);
  const n = new Float64Array(168);
  for (const h of hours) {
    sum[hourOfWeek(h.t)] += h.contacts;
    n[hourOfWeek(h.t)]++;
  }
  return Array.from(sum, (s, i) => (n[i] > 0 ? s / n[i] : 0));
}

const between = (r: Random, lo: number, hi: number) => lo + (hi - lo) * r.uniform();
const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r.uniform() * xs.length)];

/**
 * Lays seeded live sessions and promotions on `base` (hourly, UTC wall clock, sorted). Events
 * start after the first `warmupWeeks` weeks, so that every center has a history before them.
 * `scatter` is the sd of each occurrence's unknowable log-normal factor; the same seed lays the
 * same events whatever it is.
 */
export function layEvents(
  base: readonly HourCount[],
  seed: number,
  { warmupWeeks = 6, scatter = 0.12, lift = 'relative' as Lift } = {},
): EventSeries {
  const r = seededRandom(seed, 7);
  const first = base[0].t;
  const last = base[base.length - 1].t;
  const usual = usualWeek(base);
  const peak = Math.max(...usual);
  // An absolute lift brings the same contacts whatever the hour's normal volume: the center's
  // mean open evening hour's worth.
  const evenings = usual.filter((u, i) => i % 24 >= 18 && i % 24 < 23 && u > 0.15 * peak);
  const evening = evenings.reduce((a, b) => a + b, 0) / Math.max(1, evenings.length);
  const normalAt = (t: number) => (lift === 'absolute' ? evening : usual[hourOfWeek(t)]);
  const extra = new Map<number, number>();
  const expectedExtra = new Map<number, number>();
  const shapeBlindExtra = new Map<number, number>();
  // `noise` is the occurrence's unknowable factor: the expected extra is without it.
  const add = (t: number, mean: number, noise: number, blind = mean) => {
    shapeBlindExtra.set(t, (shapeBlindExtra.get(t) ?? 0) + blind / noise);
    extra.set(t, (extra.get(t) ?? 0) + mean);
    expectedExtra.set(t, (expectedExtra.get(t) ?? 0) + mean / noise);
  };
  const events: LaidEvent[] = [];
  const weekStart = Math.floor((first - 4 * DAY_MS) / WEEK_MS) * WEEK_MS + 4 * DAY_MS + WEEK_MS; // a Monday
  const weeks = Math.floor((last - weekStart) / WEEK_MS);
  const start0 = weekStart + warmupWeeks * WEEK_MS;

  // Live sessions: each streamer has an evening, a length, an audience and a shape; runs most
  // weeks. The lift grows with the session's audience at a rate common to the center.
  const liftPer100k = between(r, 0.4, 1.1);
  const streamers = 3 + Math.floor(r.uniform() * 4);
  for (let s = 0; s < streamers; s++) {
    const openDays = [0, 1, 2, 3, 4, 5, 6].filter((d) => usual[d * 24 + 20] > 0.15 * peak);
    const day = pick(r, openDays.length > 0 ? openDays : [0, 1, 2, 3]);
    const hour = 18 + Math.floor(r.uniform() * 4);
    const length = 2 + Math.floor(r.uniform() * 3);
    const shape = Array.from({ length }, (_, k) => (k === 0 ? between(r, 0.5, 0.9) : between(r, 0.7, 1.2)));
    const debut = start0 + Math.floor(r.uniform() * (weeks - warmupWeeks) * 0.85) * WEEK_MS;
    const runs = between(r, 0.5, 0.95);
    const audience = between(r, 30, 250);
    const name = `streamer-${seed}-${s}`;
    for (let w = debut; w + WEEK_MS <= last; w += WEEK_MS) {
      if (r.uniform() > runs) continue;
      const from = w + day * DAY_MS + hour * HOUR_MS;
      const seen = audience * Math.exp(0.3 * r.normal());
      const noise = Math.exp(scatter * r.normal());
      const size = liftPer100k * (seen / 100) ** 0.7 * noise;
      shape.forEach((k, j) => {
        const u = normalAt(from + j * HOUR_MS);
        add(from + j * HOUR_MS, size * k * u, noise, size * (j === 0 ? 0.7 : 0.95) * u);
      });
      add(from + length * HOUR_MS, 0.25 * size * normalAt(from + length * HOUR_MS), noise); // late questions
      events.push({ start: from, end: from + length * HOUR_MS, kind: 'live_commerce', name, audience: Math.round(seen) });
    }
  }

  // Promotion days: every 3-7 weeks, 1-2 days, an evening rush, a pre-sale eve and returns after;
  // the lift grows with the discount at a rate common to the center.
  const liftAt30 = between(r, 0.3, 0.8);
  const rush = between(r, 1.2, 2.2);
  let at = start0 + Math.floor(r.uniform() * 21) * DAY_MS;
  let k = 0;
  while (at + 3 * DAY_MS < last) {
    const days = r.uniform() < 0.6 ? 1 : 2;
    const discount = Math.round(between(r, 10, 60));
    const noise = Math.exp(scatter * r.normal());
    const size = liftAt30 * (discount / 30) ** 0.7 * noise;
    for (let t = at; t < at + days * DAY_MS; t += HOUR_MS) {
      const h = Math.floor((t - at) / HOUR_MS) % 24;
      add(t, size * (h >= 19 && h <= 22 ? rush : 1) * usual[hourOfWeek(t)], noise);
    }
    for (let h = 18; h < 24; h++) add(at - DAY_MS + h * HOUR_MS, 0.2 * size * usual[hourOfWeek(at - DAY_MS + h * HOUR_MS)], noise);
    for (let h = 8; h < 18; h++)
      add(at + days * DAY_MS + h * HOUR_MS, 0.15 * size * usual[hourOfWeek(at + days * DAY_MS + h * HOUR_MS)], noise);
    events.push({ start: at, end: at + days * DAY_MS, kind: 'promotion', name: `promo-${seed}-${k++}`, discount });
    at += Math.floor(between(r, 21, 49)) * DAY_MS;
  }

  const hours = base.map((h) => ({ t: h.t, contacts: h.contacts + poisson(r, extra.get(h.t) ?? 0) }));
  return { hours, events: events.sort((a, b) => a.start - b.start), expectedExtra, shapeBlindExtra };
}

/**
 * A quiet bank: the shared bank's usual week scaled up `scale` times, with a mild yearly swing,
 * day-level noise of `daySd` and Poisson hours, a base far smoother than the real bank (where
 * day-level swings swamp every event): event errors then show.
 */
export function quietBank(real: readonly HourCount[], seed: number, scale = 20, daySd = 0.04): HourCount[] {
  const r = seededRandom(seed, 11);
  const mean = quietBankMean(real, scale);
  let dayFactor = 1;
  return real.map((h, i) => {
    if (i === 0 || Math.floor(h.t / DAY_MS) !== Math.floor(real[i - 1].t / DAY_MS)) dayFactor = Math.exp(daySd * r.normal());
    return { t: h.t, contacts: poisson(r, mean(h.t) * dayFactor) };
  });
}

/** The quiet bank's expected contacts at an instant, before its day-level noise: the best any forecast can know. */
export function quietBankMean(real: readonly HourCount[], scale = 20): (t: number) => number {
  const usual = usualWeek(real);
  const year = 365 * DAY_MS;
  return (t) => scale * usual[hourOfWeek(t)] * (1 + 0.08 * Math.sin((2 * Math.PI * (t - real[0].t)) / year));
}

/** The events calendar a planner would give: `holidays` and the laid events (with their regressor columns unless `regressors` is false). */
export function calendar(laid: readonly LaidEvent[], holidays: readonly CalendarEvent[], regressors = true): CalendarEvent[] {
  const own = laid.map((e) => {
    const extra: Record<string, number> = {};
    if (regressors && e.audience !== undefined) extra.audience = e.audience;
    if (regressors && e.discount !== undefined) extra.discount = e.discount;
    return {
      start: e.start,
      end: e.end,
      kind: e.kind,
      name: e.name,
      intensity: 1,
      ...(Object.keys(extra).length > 0 ? { regressors: extra } : {}),
    };
  });
  return [...holidays, ...own].sort((a, b) => a.start - b.start);
}
