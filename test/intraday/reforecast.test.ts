import { describe, expect, it } from 'vitest';
import { HOUR_MS, localParts, weekHours } from '../../src/domain/time.js';
import type { ForecastPoint, HourCount } from '../../src/domain/types.js';
import { Z90 } from '../../src/intraday/interval80.js';
import { type ReforecastPoint, reforecast } from '../../src/intraday/reforecast.js';
import { inputError } from '../support/inputError.js';

const TZ = 'Asia/Shanghai';
const WEEK = weekHours('2026-11-30', TZ);
const MONDAY = WEEK[0];
const at = (day: number, hour: number) => MONDAY + (24 * day + hour) * HOUR_MS;

/** A plan open 08:00-20:00 at 100 contacts an hour (2 at night), its intervals Poisson plus 17% of the level. */
const PLAN: ForecastPoint[] = WEEK.map((t) => {
  const hour = localParts(t, TZ).hour;
  const contacts = hour >= 8 && hour < 20 ? 100 : 2;
  const sd = Math.sqrt(contacts + 0.03 * contacts ** 2);
  return { t, contacts, lo80: contacts - Z90 * sd, hi80: contacts + Z90 * sd };
});

/** Actual contacts of the hours before `now`: the plan times `factor` from `from` on (this day's hours). */
function actualsUntil(now: number, factor: number, from = 0): HourCount[] {
  return PLAN.filter((p) => p.t + HOUR_MS <= now).map((p) => ({
    t: p.t,
    contacts: Math.round(p.contacts * (p.t >= from ? factor : 1)),
  }));
}

const hourOf = (points: ReforecastPoint[], t: number) => {
  const p = points.find((x) => x.t === t);
  if (!p) throw new Error(`no forecast at ${t}`);
  return p;
};
const planAt = (t: number) => PLAN.find((p) => p.t === t)!;
const run = (actuals: HourCount[], now: number) => reforecast({ plan: PLAN, actuals, now, timeZone: TZ });

describe('reforecast', () => {
  it('raises the afternoon after a morning running 40% hot, shrunk a little towards the plan', () => {
    const now = at(1, 12);
    const out = run(actualsUntil(now, 1.4, at(1, 8)), now);
    const afternoon = hourOf(out, at(1, 15));
    expect(afternoon.contacts).toBeGreaterThan(125);
    expect(afternoon.contacts).toBeLessThan(140);
    expect(afternoon.hi80).toBeGreaterThan(planAt(at(1, 15)).hi80);
  });

  it('lowers the afternoon after a quiet morning', () => {
    const now = at(1, 12);
    const out = run(actualsUntil(now, 0.7, at(1, 8)), now);
    const afternoon = hourOf(out, at(1, 15));
    expect(afternoon.contacts).toBeLessThan(80);
    expect(afternoon.contacts).toBeGreaterThan(70);
    expect(afternoon.lo80).toBeLessThan(planAt(at(1, 15)).lo80);
  });

  it('lets tomorrow revert most of the way to the plan', () => {
    const now = at(1, 18);
    const out = run(actualsUntil(now, 1.4, at(1, 8)), now);
    const today = hourOf(out, at(1, 19)).contacts - 100;
    const tomorrow = hourOf(out, at(2, 12)).contacts - 100;
    expect(tomorrow).toBeGreaterThan(0);
    expect(tomorrow).toBeLessThan(0.5 * today);
  });

  it('keeps a day running to plan at the plan, with a narrower interval than the plan once the morning is seen', () => {
    const now = at(1, 14);
    const out = run(actualsUntil(now, 1), now);
    for (const p of out.filter((x) => x.t < at(2, 0))) expect(p.contacts).toBeCloseTo(planAt(p.t).contacts, 0);
    const first = hourOf(out, at(1, 14));
    const plan = planAt(at(1, 14));
    expect(first.hi80 - first.lo80).toBeLessThan(plan.hi80 - plan.lo80);
  });

  it('moves little on one hour of evidence, more on four', () => {
    const oneHour = run(actualsUntil(at(1, 9), 1.4, at(1, 8)), at(1, 9));
    const fourHours = run(actualsUntil(at(1, 12), 1.4, at(1, 8)), at(1, 12));
    const afterOne = hourOf(oneHour, at(1, 15)).contacts;
    expect(afterOne).toBeGreaterThan(100);
    expect(afterOne).toBeLessThan(120);
    expect(hourOf(fourHours, at(1, 15)).contacts).toBeGreaterThan(afterOne + 10);
  });

  it('follows a departure that began late more than the normal morning before it (recent hours weigh most)', () => {
    const now = at(1, 14);
    const late = hourOf(run(actualsUntil(now, 1.4, at(1, 11)), now), at(1, 15)).contacts;
    // The same extra contacts spread evenly over the day since 08:00 (1 + 0.4 * 3/6).
    const even = hourOf(run(actualsUntil(now, 1.2, at(1, 8)), now), at(1, 15)).contacts;
    expect(late).toBeGreaterThan(even);
  });

  it('widens the interval for the later hours of the day, as the level may drift', () => {
    const now = at(1, 12);
    const out = run(actualsUntil(now, 1), now);
    const width = (t: number) => hourOf(out, t).hi80 - hourOf(out, t).lo80;
    expect(width(at(1, 19))).toBeGreaterThan(width(at(1, 12)));
  });

  it("returns the plan's contacts before anything is seen, the intervals at least the plan's", () => {
    const out = run([], MONDAY);
    expect(out).toHaveLength(WEEK.length);
    out.forEach((p, i) => {
      expect(p.contacts).toBe(PLAN[i].contacts);
      // (a night hour of 2 contacts gets a skewed interval, shorter than the plan's symmetric one)
      if (p.contacts >= 20) expect(p.hi80 - p.lo80).toBeGreaterThanOrEqual(0.97 * (PLAN[i].hi80 - PLAN[i].lo80));
    });
    // The first open hour of the week: the plan's interval, the drift of one hour added.
    const first = hourOf(out, at(0, 8));
    expect(first.hi80 - first.lo80).toBeCloseTo(planAt(at(0, 8)).hi80 - planAt(at(0, 8)).lo80, -1);
  });

  it('returns the hour holding now and every later hour of the week, none before', () => {
    const now = at(3, 10) + 30 * 60_000;
    const out = run(actualsUntil(at(3, 10), 1), now);
    expect(out[0].t).toBe(at(3, 10));
    expect(out[out.length - 1].t).toBe(WEEK[WEEK.length - 1]);
    expect(out).toHaveLength(WEEK.length - (24 * 3 + 10));
  });

  it('keeps a closed hour closed', () => {
    const plan = PLAN.map((p) => (p.t === at(1, 22) ? { ...p, contacts: 0, lo80: 0, hi80: 0 } : p));
    const out = reforecast({ plan, actuals: actualsUntil(at(1, 12), 1.4, at(1, 8)), now: at(1, 12), timeZone: TZ });
    expect(hourOf(out, at(1, 22))).toEqual({ t: at(1, 22), contacts: 0, lo80: 0, hi80: 0 });
  });

  it('ignores an hour missing from the actuals (unknown, not zero)', () => {
    const now = at(1, 12);
    const actuals = actualsUntil(now, 1).filter((a) => a.t !== at(1, 10));
    expect(hourOf(run(actuals, now), at(1, 15)).contacts).toBeCloseTo(100, 0);
  });

  describe('bad input', () => {
    const now = at(1, 12);
    const good = actualsUntil(now, 1);

    it('refuses an actual outside the week, naming the timestamp', () => {
      const e = inputError(() => run([...good, { t: MONDAY - HOUR_MS, contacts: 3 }], now));
      expect(e.location).toEqual({ file: 'actuals', field: 'timestamp' });
      expect(e.message).toMatch(/2026-11-29T23:00 is outside the plan's week/);
    });

    it('refuses an hour given twice', () => {
      const e = inputError(() => run([...good, { t: at(1, 9), contacts: 100 }], now));
      expect(e.location.field).toBe('timestamp');
      expect(e.message).toMatch(/2026-12-01T09:00 appears twice/);
    });

    it('refuses a negative count, naming the contacts', () => {
      const bad = good.map((a) => (a.t === at(1, 9) ? { ...a, contacts: -4 } : a));
      const e = inputError(() => reforecast({ plan: PLAN, actuals: bad, now, timeZone: TZ, file: 'actuals.csv' }));
      expect(e.location).toEqual({ file: 'actuals.csv', field: 'contacts' });
    });

    it('refuses an actual of an hour that has not ended by now', () => {
      const e = inputError(() => run([...good, { t: now, contacts: 100 }], now));
      expect(e.location.field).toBe('timestamp');
      expect(e.message).toMatch(/does not end by now/);
    });

    it('refuses a now outside the week', () => {
      const e = inputError(() => run([], WEEK[WEEK.length - 1] + HOUR_MS));
      expect(e.location).toEqual({ file: 'command line', field: 'now' });
      const body = inputError(() => reforecast({ plan: PLAN, actuals: [], now: MONDAY - 1, timeZone: TZ, nowFrom: 'request' }));
      expect(body.location).toEqual({ file: 'request', field: 'now' });
    });
  });
});

describe('reforecast on awkward weeks', () => {
  it('gives intervals to a plan that has none (a forecast.csv without lo80 and hi80)', () => {
    const bare = PLAN.map((p) => ({ ...p, lo80: p.contacts, hi80: p.contacts }));
    const [first] = reforecast({ plan: bare, actuals: [], now: at(0, 10), timeZone: TZ });
    expect(first.contacts).toBe(100);
    expect(first.lo80).toBeLessThan(85);
    expect(first.hi80).toBeGreaterThan(115);
  });

  it('refuses a plan with an hour twice (queues not pooled)', () => {
    const e = inputError(() => reforecast({ plan: [...PLAN, PLAN[10]], actuals: [], now: MONDAY, timeZone: TZ }));
    expect(e.location).toEqual({ file: 'forecast.csv', field: 'timestamp' });
  });

  it('covers the 25-hour Sunday of the week the clocks go back', () => {
    const zone = 'Europe/Berlin';
    const week = weekHours('2026-10-19', zone);
    expect(week).toHaveLength(169);
    const plan = week.map((t) => ({ t, contacts: 50, lo80: 40, hi80: 61 }));
    const sunday = week[24 * 6];
    const actuals = week.filter((t) => t < sunday).map((t) => ({ t, contacts: 65 }));
    const out = reforecast({ plan, actuals, now: sunday, timeZone: zone });
    expect(out).toHaveLength(25);
    expect(out[out.length - 1].t).toBe(week[168]);
    expect(out[0].contacts).toBeGreaterThan(50);
  });
});
