import { describe, expect, it } from 'vitest';
import { forecastQueue } from '../../src/forecast/index.js';
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
      if (m !== null) expect(f.contacts[i]).toBeGreaterThan(m * 0.75), expect(f.contacts[i]).toBeLessThan(m * 1.25);
    });
  });

  it('does not read a missing holiday day as a closed weekday', () => {
    const wednesday = horizon.map((t, i) => [localParts(t, TZ), i] as const).filter(([p]) => p.weekday === 2 && p.hour === 10);
    expect(f.contacts[wednesday[0][1]]).toBeGreaterThan(30);
  });
});
