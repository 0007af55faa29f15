import { describe, expect, it } from 'vitest';
import { forecastQueue } from '../../src/forecast/index.js';
import { localHour } from '../../src/forecast/calendar.js';
import { isOpen } from '../../src/forecast/closedHours.js';
import { buildSeries } from '../../src/forecast/series.js';
import { localParts } from '../../src/domain/time.js';
import { at, hoursFrom, makeHistory } from './synthetic.js';

const TZ = 'Asia/Shanghai';

/** Mon-Fri 08:00-17:59, 40 contacts an hour (more on Mondays); nothing at night or at weekends. */
function businessMean(p: { hour: number; weekday: number }): number | null {
  if (p.weekday >= 5 || p.hour < 8 || p.hour >= 18) return null;
  return p.weekday === 0 ? 60 : 40;
}

describe('closed hours', () => {
  const start = at('2026-01-05T00:00', TZ); // a Monday
  const holiday = { year: 2026, month: 3, day: 4 }; // a Wednesday with no rows at all, three weeks before the end
  const history = makeHistory(start, 12, TZ, (p) =>
    p.year === holiday.year && p.month === holiday.month && p.day === holiday.day ? null : businessMean(p),
  );
  const horizon = hoursFrom(at('2026-03-30T00:00', TZ), 168);
  const f = forecastQueue(history, [], TZ, horizon);

  it('forecasts weekends and nights of a business-hours-only center as 0, intervals too', () => {
    horizon.forEach((t, i) => {
      if (businessMean(localParts(t, TZ)) === null) {
        expect([f.contacts[i], f.lo80[i], f.hi80[i]]).toEqual([0, 0, 0]);
      }
    });
  });

  it('forecasts weekday business hours on the calendar, not by row position', () => {
    horizon.forEach((t, i) => {
      const m = businessMean(localParts(t, TZ));
      if (m === null) return;
      expect(f.contacts[i]).toBeGreaterThan(m * 0.75);
      expect(f.contacts[i]).toBeLessThan(m * 1.25);
    });
  });

  it('does not read a missing holiday day as a closed weekday', () => {
    const wednesday = horizon.map((t, i) => [localParts(t, TZ), i] as const).filter(([p]) => p.weekday === 2 && p.hour === 10);
    expect(f.contacts[wednesday[0][1]]).toBeGreaterThan(30);
  });
});

describe('closed hours and gaps in recording (issue 11)', () => {
  const allDay = () => 30; // a 24/7 center
  const horizonFrom = (text: string) => hoursFrom(at(text, TZ), 168);

  it('does not read whole weeks with no rows (a gap in recording) as closed', () => {
    // 8 weeks recorded, 3 weeks lost, then one more week: the last four Mondays are 1 row and 3 gaps.
    const start = at('2026-01-05T00:00', TZ);
    const gapFrom = at('2026-03-02T00:00', TZ);
    const gapTo = at('2026-03-23T00:00', TZ);
    const history = makeHistory(start, 12, TZ, (_, t) => (t >= gapFrom && t < gapTo ? null : allDay()));
    const horizon = horizonFrom('2026-03-30T00:00');
    const f = forecastQueue(history, [], TZ, horizon);
    const isZero = [...f.contacts].filter((v) => v === 0).length;
    expect(isZero).toBe(0);
    const s = buildSeries(history, [], TZ);
    expect(horizon.every((t) => isOpen(s, localHour(t, TZ)))).toBe(true);
  });

  it('still closes hours whose recorded weeks show them closed, across a gap', () => {
    // Business hours only, with the same 3-week gap: nights and weekends stay closed.
    const start = at('2026-01-05T00:00', TZ);
    const gapFrom = at('2026-03-02T00:00', TZ);
    const gapTo = at('2026-03-23T00:00', TZ);
    const history = makeHistory(start, 12, TZ, (p, t) => (t >= gapFrom && t < gapTo ? null : businessMean(p)));
    const s = buildSeries(history, [], TZ);
    const horizon = horizonFrom('2026-03-30T00:00');
    horizon.forEach((t) => expect(isOpen(s, localHour(t, TZ))).toBe(businessMean(localParts(t, TZ)) !== null));
  });

  it('does not count the hours before the history began as closed', () => {
    // The history begins on a Thursday: Mondays to Wednesdays have one occurrence, Thursdays on two.
    const start = at('2026-03-19T00:00', TZ);
    const history = makeHistory(start, 1.5, TZ, allDay).filter((h) => h.t < at('2026-03-30T00:00', TZ));
    const s = buildSeries(history, [], TZ);
    horizonFrom('2026-03-30T00:00').forEach((t) => expect(isOpen(s, localHour(t, TZ))).toBe(true));
  });
});
