import { describe, expect, it } from 'vitest';
import { forecastQueue } from '../../src/forecast/index.js';
import { HOUR_MS, localParts } from '../../src/domain/time.js';
import type { CalendarEvent } from '../../src/domain/types.js';
import { isOpen } from '../../src/forecast/closedHours.js';
import { buildSeries } from '../../src/forecast/series.js';
import { at, hoursFrom, makeHistory, typicalMean } from './synthetic.js';

const TZ = 'UTC';
const start = at('2026-01-05T00:00', TZ);
const end = start + 12 * 168 * HOUR_MS;
const horizon = hoursFrom(end, 168);

/** Mean absolute percentage gap between a forecast and the true mean over the horizon. */
function gap(contacts: Float64Array): number {
  const ms = horizon.map((t) => typicalMean(localParts(t, TZ)));
  return contacts.reduce((s, c, i) => s + Math.abs(c - ms[i]), 0) / ms.reduce((a, b) => a + b, 0);
}

describe('a profile that resists what is not normal', () => {
  const clean = forecastQueue(
    makeHistory(start, 12, TZ, (p) => typicalMean(p)),
    [],
    TZ,
    horizon,
  );

  it('forecasts a clean series close to its true mean', () => {
    expect(gap(clean.contacts)).toBeLessThan(0.08);
  });

  it('is not poisoned by an outlier week three weeks back', () => {
    const outlierFrom = end - 3 * 168 * HOUR_MS;
    const history = makeHistory(start, 12, TZ, (p, t) => typicalMean(p) * (t >= outlierFrom && t < outlierFrom + 168 * HOUR_MS ? 5 : 1));
    expect(gap(forecastQueue(history, [], TZ, horizon).contacts)).toBeLessThan(0.1);
  });

  it('is not poisoned by unexplained spikes on single days', () => {
    const spikes = [end - 10 * 24 * HOUR_MS, end - 17 * 24 * HOUR_MS];
    const history = makeHistory(start, 12, TZ, (p, t) => typicalMean(p) * (spikes.some((s) => t >= s && t < s + 24 * HOUR_MS) ? 4 : 1));
    expect(gap(forecastQueue(history, [], TZ, horizon).contacts)).toBeLessThan(0.1);
  });

  it('keeps past event hours out of the normal profile, even when most recent weeks had one', () => {
    // A Tuesday sale quadrupled volume in each of the last three weeks: too common for robust
    // statistics to discard, so only the events file can keep it out.
    const sales = [1, 2, 3].map((w) => end - w * 168 * HOUR_MS + 24 * HOUR_MS);
    const events: CalendarEvent[] = sales.map((s) => ({
      start: s,
      end: s + 24 * HOUR_MS,
      kind: 'promotion',
      name: 'tuesday-sale',
      intensity: 1,
    }));
    const inSale = (t: number) => sales.some((s) => t >= s && t < s + 24 * HOUR_MS);
    const history = makeHistory(start, 12, TZ, (p, t) => typicalMean(p) * (inSale(t) ? 4 : 1));
    const f = forecastQueue(history, events, TZ, horizon);
    const tuesdayEvening = horizon.indexOf(end + 24 * HOUR_MS + 20 * HOUR_MS);
    expect(f.contacts[tuesdayEvening]).toBeLessThan(90 * 1.2);
    expect(gap(f.contacts)).toBeLessThan(0.08);
  });
});

describe('future events', () => {
  // Three past evening live-commerce sessions, each tripling 19:00-23:00 of a Thursday.
  const sessions = [9, 8, 7].map((w) => end - w * 168 * HOUR_MS + 3 * 24 * HOUR_MS + 19 * HOUR_MS);
  const past: CalendarEvent[] = sessions.map((s) => ({
    start: s,
    end: s + 4 * HOUR_MS,
    kind: 'live_commerce',
    name: 'streamer-x',
    intensity: 1,
  }));
  const history = makeHistory(start, 12, TZ, (p, t) => typicalMean(p) * (sessions.some((s) => t >= s && t < s + 4 * HOUR_MS) ? 3 : 1));
  const next = end + 3 * 24 * HOUR_MS + 19 * HOUR_MS; // Thursday 19:00 of the horizon
  const evening = (f: { contacts: Float64Array }) =>
    horizon.reduce((s, t, i) => s + (t >= next && t < next + 4 * HOUR_MS ? f.contacts[i] : 0), 0);
  const normalEvening = 4 * 90;

  it('scales the hours of a future event by what past occurrences of that name taught', () => {
    const f = forecastQueue(
      history,
      [...past, { start: next, end: next + 4 * HOUR_MS, kind: 'live_commerce', name: 'streamer-x', intensity: 1 }],
      TZ,
      horizon,
    );
    expect(evening(f) / normalEvening).toBeGreaterThan(2.5);
    expect(evening(f) / normalEvening).toBeLessThan(3.5);
  });

  it('scales the extra volume by the intensity', () => {
    const f = forecastQueue(
      history,
      [...past, { start: next, end: next + 4 * HOUR_MS, kind: 'live_commerce', name: 'streamer-x', intensity: 2 }],
      TZ,
      horizon,
    );
    expect(evening(f) / normalEvening).toBeGreaterThan(4.3);
    expect(evening(f) / normalEvening).toBeLessThan(5.7);
  });

  it('falls back to the kind for the first occurrence of a name', () => {
    const f = forecastQueue(
      history,
      [...past, { start: next, end: next + 4 * HOUR_MS, kind: 'live_commerce', name: 'streamer-y', intensity: 1 }],
      TZ,
      horizon,
    );
    expect(evening(f) / normalEvening).toBeGreaterThan(2.5);
  });

  it('leaves hours outside events alone', () => {
    const f = forecastQueue(
      history,
      [...past, { start: next, end: next + 4 * HOUR_MS, kind: 'live_commerce', name: 'streamer-x', intensity: 1 }],
      TZ,
      horizon,
    );
    const noon = horizon.indexOf(end + 3 * 24 * HOUR_MS + 12 * HOUR_MS);
    expect(f.contacts[noon]).toBeGreaterThan(60 * 0.85);
    expect(f.contacts[noon]).toBeLessThan(60 * 1.15);
  });
});

describe('event shapes', () => {
  it('forecasts a weekly fixture that an event covers in every week instead of reading it as closed', () => {
    // Every Friday 20:00-23:00 a streamer lifts volume by 45%, and the events file says so each week.
    const fridays = Array.from({ length: 13 }, (_, w) => start + w * 168 * HOUR_MS + 4 * 24 * HOUR_MS + 20 * HOUR_MS);
    const events: CalendarEvent[] = fridays.map((s) => ({
      start: s,
      end: s + 3 * HOUR_MS,
      kind: 'live_commerce',
      name: 'streamer-x',
      intensity: 1,
    }));
    const inShow = (t: number) => fridays.some((s) => t >= s && t < s + 3 * HOUR_MS);
    const history = makeHistory(start, 12, TZ, (p, t) => typicalMean(p) * (inShow(t) ? 1.45 : 1));
    const f = forecastQueue(history, events, TZ, horizon);
    const show = horizon.indexOf(fridays[12] + HOUR_MS);
    expect(f.contacts[show]).toBeGreaterThan(90 * 1.45 * 0.85);
    expect(f.contacts[show]).toBeLessThan(90 * 1.45 * 1.15);
  });

  it('keeps a promotion day quiet in the afternoon though its evening rush dwarfs it', () => {
    // One past occurrence six weeks back: afternoon x0.8, evening x3.4, on a busy queue.
    const day = end - 6 * 168 * HOUR_MS + 2 * 24 * HOUR_MS;
    const effect = (t: number) =>
      t < day || t >= day + 24 * HOUR_MS ? 1 : localParts(t, TZ).hour >= 19 ? 3.4 : localParts(t, TZ).hour >= 8 ? 0.8 : 1;
    const history = makeHistory(start, 12, TZ, (p, t) => 20 * typicalMean(p) * effect(t));
    const next = end + 2 * 24 * HOUR_MS;
    const events: CalendarEvent[] = [day, next].map((s) => ({
      start: s,
      end: s + 24 * HOUR_MS,
      kind: 'promotion',
      name: 'mid-month',
      intensity: 1,
    }));
    const f = forecastQueue(history, events, TZ, horizon);
    const afternoon = horizon.indexOf(next + 15 * HOUR_MS);
    const evening = horizon.indexOf(next + 20 * HOUR_MS);
    expect(f.contacts[afternoon] / (20 * 60)).toBeLessThan(0.9);
    expect(f.contacts[evening] / (20 * 90)).toBeGreaterThan(3);
  });
});

describe('the event mask', () => {
  it("masks a weekly streamer's evenings as events, imputes their normal volume, and keeps the slot open", () => {
    const fridays = Array.from({ length: 12 }, (_, w) => start + w * 168 * HOUR_MS + 4 * 24 * HOUR_MS + 20 * HOUR_MS);
    const show: CalendarEvent[] = fridays.map((s) => ({
      start: s,
      end: s + 3 * HOUR_MS,
      kind: 'live_commerce',
      name: 'streamer-x',
      intensity: 1,
    }));
    // The show doubles its evening; the normal volume under it is the Friday's own level.
    const history = makeHistory(start, 12, TZ, (p) => typicalMean(p)).map((h) =>
      show.some((e) => h.t >= e.start && h.t < e.end) ? { ...h, contacts: 2 * h.contacts } : h,
    );
    const s = buildSeries(history, show, TZ);
    const i = (fridays[10] - start) / HOUR_MS;
    expect(s.event[i]).toBe(1);
    expect(s.typical[i]).toBeGreaterThan(0.7 * (s.y[i] / 2));
    expect(s.typical[i]).toBeLessThan(1.3 * (s.y[i] / 2));
    expect(isOpen(s, s.first + s.y.length + (i % 168))).toBe(true);
  });
});
