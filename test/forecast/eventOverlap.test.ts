import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../src/domain/time.js';
import type { CalendarEvent } from '../../src/domain/types.js';
import { forecastQueue } from '../../src/forecast/index.js';
import { at, hoursFrom, makeHistory, typicalMean } from './synthetic.js';

const TZ = 'UTC';
const DAY = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY;
const start = at('2026-01-05T00:00', TZ); // a Monday
const end = start + 12 * WEEK_MS;
const horizon = hoursFrom(end, 168);
/** Friday `w` weeks after `start` (w = 12: the horizon's), at `hour`. */
const friday = (w: number, hour = 0) => start + w * WEEK_MS + 4 * DAY + hour * HOUR_MS;

const event = (from: number, hours: number, kind: string, name: string): CalendarEvent => ({
  start: from,
  end: from + hours * HOUR_MS,
  kind,
  name,
  intensity: 1,
});
const within = (t: number, e: CalendarEvent) => t >= e.start && t < e.end;
/** Mean forecast over hours [from, from + n) of the horizon. */
const meanAt = (f: { contacts: Float64Array }, from: number, n: number) => {
  const i = horizon.indexOf(from);
  return f.contacts.slice(i, i + n).reduce((s, v) => s + v, 0) / n;
};

describe('event effects learnt against a baseline free of other events', () => {
  it('learns a promotion that replaced the weekly fixture against an evening without the fixture', () => {
    // A streamer lifts every Friday 20:00-23:00 by 45%, except in week 5, when a promotion day
    // (evening x3) took its place. The first-ever promotion of another name falls on a Thursday:
    // learnt against the usual Friday evening (streamer included), its evening would be ~1/1.45 too low.
    const promo = event(friday(5), 24, 'promotion', 'spring-sale');
    const streamer = [...Array(13).keys()].filter((w) => w !== 5).map((w) => event(friday(w, 20), 3, 'live_commerce', 'streamer'));
    const history = makeHistory(
      start,
      12,
      TZ,
      (p, t) => typicalMean(p) * (streamer.some((e) => within(t, e)) ? 1.45 : 1) * (within(t, promo) && p.hour >= 19 ? 3 : 1),
    );
    const thursday = event(end + 3 * DAY, 24, 'promotion', 'summer-sale');
    const f = forecastQueue(history, [...streamer, promo, thursday], TZ, horizon);
    expect(meanAt(f, thursday.start + 20 * HOUR_MS, 3) / (90 * 3)).toBeGreaterThan(0.87);
    expect(meanAt(f, thursday.start + 20 * HOUR_MS, 3) / (90 * 3)).toBeLessThan(1.15);
    // The horizon's streamer evening is served at its usual lift.
    expect(meanAt(f, friday(12, 20), 3) / (90 * 1.45)).toBeGreaterThan(0.87);
    expect(meanAt(f, friday(12, 20), 3) / (90 * 1.45)).toBeLessThan(1.15);
  });

  it("drops the fixture's lift in a future week it skips for a promotion", () => {
    const promo = event(friday(5), 24, 'promotion', 'spring-sale');
    const next = event(friday(12), 24, 'promotion', 'spring-sale');
    const streamer = [...Array(12).keys()].filter((w) => w !== 5).map((w) => event(friday(w, 20), 3, 'live_commerce', 'streamer'));
    const history = makeHistory(
      start,
      12,
      TZ,
      (p, t) => typicalMean(p) * (streamer.some((e) => within(t, e)) ? 1.45 : 1) * (within(t, promo) && p.hour >= 19 ? 3 : 1),
    );
    const f = forecastQueue(history, [...streamer, promo, next, event(friday(13, 20), 3, 'live_commerce', 'streamer')], TZ, horizon);
    expect(meanAt(f, friday(12, 20), 3) / (90 * 3)).toBeGreaterThan(0.87);
    expect(meanAt(f, friday(12, 20), 3) / (90 * 3)).toBeLessThan(1.15);
  });

  it('keeps events that rode on the fixture out of the fixture', () => {
    // Twice a flash sale quadrupled the streamer's evening: the streamer itself did not change.
    const streamer = [...Array(13).keys()].map((w) => event(friday(w, 20), 3, 'live_commerce', 'streamer'));
    const flashes = [4, 8].map((w) => event(friday(w, 20), 3, 'promotion', 'flash'));
    const history = makeHistory(
      start,
      12,
      TZ,
      (p, t) => typicalMean(p) * (streamer.some((e) => within(t, e)) ? 1.45 : 1) * (flashes.some((e) => within(t, e)) ? 4 : 1),
    );
    const f = forecastQueue(history, [...streamer, ...flashes], TZ, horizon);
    expect(meanAt(f, friday(12, 20), 3) / (90 * 1.45)).toBeGreaterThan(0.87);
    expect(meanAt(f, friday(12, 20), 3) / (90 * 1.45)).toBeLessThan(1.15);
  });

  it('separates two one-off events that overlapped', () => {
    // A sale doubled three whole Wednesdays; a TV ad added 50% on top in the evening of one of them.
    const sales = [3, 6, 9].map((w) => event(start + w * WEEK_MS + 2 * DAY, 24, 'promotion', 'sale'));
    const ad = event(start + 6 * WEEK_MS + 2 * DAY + 19 * HOUR_MS, 4, 'media', 'tv-ad');
    const history = makeHistory(
      start,
      12,
      TZ,
      (p, t) => typicalMean(p) * (sales.some((e) => within(t, e)) ? 2 : 1) * (within(t, ad) ? 1.5 : 1),
    );
    const nextAd = event(end + 1 * DAY + 19 * HOUR_MS, 4, 'media', 'tv-ad'); // a Tuesday, no sale
    const f = forecastQueue(history, [...sales, ad, nextAd], TZ, horizon);
    expect(meanAt(f, nextAd.start, 4) / (90 * 1.5)).toBeGreaterThan(0.85);
    expect(meanAt(f, nextAd.start, 4) / (90 * 1.5)).toBeLessThan(1.15);
  });
});
