import { describe, expect, it } from 'vitest';
import { configSchema, type PlanConfig } from '../../src/domain/config.js';
import { InputError } from '../../src/domain/errors.js';
import { parseTimestamp } from '../../src/domain/time.js';
import type { CalendarEvent, ForecastPoint } from '../../src/domain/types.js';
import { agentsNeeded } from '../../src/staffing/agentsNeeded.js';
import { demandBySlot, requirementsFor } from '../../src/staffing/requirements.js';
import { serviceTargetAt } from '../../src/staffing/serviceTargets.js';

const TZ = 'Asia/Shanghai';
const at = (text: string) => parseTimestamp(text, TZ)!.t;
const config = (over: object = {}): PlanConfig => configSchema.parse({ timezone: TZ, ...over });
const point = (text: string, contacts: number, extra: Partial<ForecastPoint> = {}): ForecastPoint => ({
  t: at(text),
  contacts,
  lo80: contacts,
  hi80: contacts,
  ...extra,
});
const holiday = (from: string, to: string): CalendarEvent => ({
  start: at(from),
  end: at(to),
  kind: 'holiday',
  name: 'national-day',
  intensity: 1,
});

// Monday 2026-11-30; 1,000 contacts of which the bot resolves 78% leave 220 for agents.
const MONDAY_10 = '2026-11-30T10:00';

describe('requirementsFor', () => {
  it('sends contacts x (1 - bot_deflection) to agents and divides agents by (1 - shrinkage), unrounded', () => {
    const [r] = requirementsFor([point(MONDAY_10, 1000)], config(), []);
    expect(r.handledContacts).toBeCloseTo(220, 9);
    expect(r.ahtSeconds).toBe(240);
    expect(r.agentsNeeded).toBe(agentsNeeded(220, 240, serviceTargetAt(r.t, config(), [])));
    expect(r.staffNeeded).toBeCloseTo(r.agentsNeeded / 0.7, 12);
    expect(Number.isInteger(r.staffNeeded)).toBe(false);
  });

  it('adds up shrinkage given as named parts', () => {
    const parts = requirementsFor([point(MONDAY_10, 1000)], config({ shrinkage: { breaks: 0.1, training: 0.06, absence: 0.14 } }), []);
    const whole = requirementsFor([point(MONDAY_10, 1000)], config({ shrinkage: 0.3 }), []);
    expect(parts[0].staffNeeded).toBeCloseTo(whole[0].staffNeeded, 12);
  });

  it('divides the load by chat concurrency', () => {
    const chat = requirementsFor([point(MONDAY_10, 5000)], config({ demand: { concurrency: 3 } }), [])[0];
    const voice = requirementsFor([point(MONDAY_10, 5000)], config(), [])[0];
    expect(chat.agentsNeeded).toBe(agentsNeeded(1100, 240 / 3, serviceTargetAt(chat.t, config(), [])));
    expect(chat.agentsNeeded).toBeLessThan(voice.agentsNeeded / 2);
    expect(chat.ahtSeconds).toBe(240);
  });

  it('needs zero agents and zero staff for zero contacts', () => {
    expect(requirementsFor([point(MONDAY_10, 0)], config(), [])[0]).toMatchObject({ handledContacts: 0, agentsNeeded: 0, staffNeeded: 0 });
  });

  it('uses the forecast handle time of the hour when there is one', () => {
    const [r] = requirementsFor([point(MONDAY_10, 1000, { ahtSeconds: 400 })], config(), []);
    expect(r.ahtSeconds).toBe(400);
    expect(r.agentsNeeded).toBe(agentsNeeded(220, 400, serviceTargetAt(r.t, config(), [])));
  });

  it('uses the holiday target in hours inside a holiday event, and only there', () => {
    // No occupancy cap here: it would bind in both hours and hide the difference.
    const c = config({ service: { max_occupancy: null, holiday: { answer_within_seconds: 120, service_level: 0.6 } } });
    const events = [holiday('2026-11-30T00:00', '2026-12-01T00:00')];
    const [inside, outside] = requirementsFor([point(MONDAY_10, 3000), point('2026-12-01T10:00', 3000)], c, events);
    expect(serviceTargetAt(inside.t, c, events)).toMatchObject({ answer_within_seconds: 120, service_level: 0.6 });
    expect(inside.agentsNeeded).toBe(
      agentsNeeded(660, 240, { ...serviceTargetAt(outside.t, c, []), answer_within_seconds: 120, service_level: 0.6 }),
    );
    expect(inside.agentsNeeded).toBeLessThan(outside.agentsNeeded);
  });

  it('uses Erlang A when the target sets a patience', () => {
    const c = config({ service: { max_occupancy: null, patience_seconds: 90 } });
    const [r] = requirementsFor([point(MONDAY_10, 1000)], c, []);
    expect(r.agentsNeeded).toBe(agentsNeeded(220, 240, serviceTargetAt(r.t, c, [])));
    expect(r.agentsNeeded).not.toBe(
      requirementsFor([point(MONDAY_10, 1000)], config({ service: { max_occupancy: null } }), [])[0].agentsNeeded,
    );
  });

  it('covers every hour of a week, first and last included', () => {
    const week = Array.from({ length: 168 }, (_, h) => ({
      t: at('2026-11-30T00:00') + h * 3_600_000,
      contacts: 500 + 400 * Math.sin(h / 4),
      lo80: 0,
      hi80: 0,
    }));
    const rows = requirementsFor(week, config(), []);
    expect(rows.map((r) => r.t)).toEqual(week.map((p) => p.t));
    expect(rows.every((r) => r.agentsNeeded > 0)).toBe(true);
  });
});

describe('serviceTargetAt with service periods', () => {
  // A default of 20 s, apart from the workday period's 15 s.
  const c = config({
    service: {
      answer_within_seconds: 20,
      periods: [
        { days: ['workday'], start_hour: 9, end_hour: 18, answer_within_seconds: 15 },
        { start_hour: 22, end_hour: 6, service_level: 0.7 },
        { days: ['holiday'], start_hour: 20, end_hour: 24, answer_within_seconds: 60 },
      ],
    },
  });
  const events = [holiday('2026-12-02T00:00', '2026-12-03T00:00')]; // a Wednesday

  it('applies a workday period on workday hours inside its range', () => {
    expect(serviceTargetAt(at(MONDAY_10), c, []).answer_within_seconds).toBe(15);
  });

  it('leaves weekend hours and hours outside the range on the defaults', () => {
    expect(serviceTargetAt(at('2026-12-05T10:00'), c, []).answer_within_seconds).toBe(20); // Saturday
    expect(serviceTargetAt(at('2026-11-30T18:00'), c, []).answer_within_seconds).toBe(20); // end hour excluded
  });

  it('wraps an hour range past midnight', () => {
    expect(serviceTargetAt(at('2026-11-30T23:00'), c, []).service_level).toBe(0.7);
    expect(serviceTargetAt(at('2026-12-01T05:00'), c, []).service_level).toBe(0.7);
    expect(serviceTargetAt(at('2026-12-01T06:00'), c, []).service_level).toBe(0.8);
  });

  it('treats a holiday weekday as a holiday, not a workday, and lets holiday periods refine it', () => {
    expect(serviceTargetAt(at('2026-12-02T10:00'), c, events).answer_within_seconds).toBe(30); // service.holiday default
    expect(serviceTargetAt(at('2026-12-02T21:00'), c, events).answer_within_seconds).toBe(60);
  });

  it('rejects a period with a start hour and no end hour', () => {
    expect(configSchema.safeParse({ service: { periods: [{ start_hour: 9, answer_within_seconds: 15 }] } }).success).toBe(false);
    expect(configSchema.safeParse({ service: { periods: [{ days: ['someday'] }] } }).success).toBe(false);
  });
});

describe('requirementsFor on a count no center staffs (issue 11)', () => {
  it('refuses it as bad input naming the file it came from, the hour and the count', () => {
    const points = [point(MONDAY_10, 100), point('2026-11-30T11:00', 1e9)];
    const started = performance.now();
    expect(() => requirementsFor(points, config(), [], 'forecast.csv')).toThrow(InputError);
    expect(() => requirementsFor(points, config(), [], 'forecast.csv')).toThrow(
      /^forecast\.csv: a forecast of 1,000,000,000 contacts at 2026-11-30T11:00 would need more than 100,000 agents/,
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('demandBySlot', () => {
  it("gives each hour of the week the forecast's handled contacts and AHT, and no contacts where the forecast has no point", () => {
    const slots = [at(MONDAY_10), at('2026-11-30T11:00'), at('2026-11-30T12:00')];
    const points = [point('2026-11-30T12:00', 500, { ahtSeconds: 300 }), point(MONDAY_10, 1000), point('2026-12-07T10:00', 9)];
    const hours = demandBySlot(slots, points, config());
    expect(hours.map((h) => h.t)).toEqual(slots);
    expect(hours.map((h) => +h.handledContacts.toFixed(9))).toEqual([220, 0, 110]);
    expect(hours.map((h) => h.ahtSeconds)).toEqual([240, 240, 300]);
  });
});
