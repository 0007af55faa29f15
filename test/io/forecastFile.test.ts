import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/domain/time.js';
import type { ForecastPoint } from '../../src/domain/types.js';
import { formatWeekForecast, parseForecast } from '../../src/io/forecastFile.js';
import { formatRequirements, parseStaffNeeds } from '../../src/io/requirementsFile.js';
import { inputError } from '../support/inputError.js';

const TZ = 'Asia/Shanghai';
const T = parseTimestamp('2026-11-30T10:00', TZ)!.t;
const point = (contacts: number, extra: Partial<ForecastPoint> = {}): ForecastPoint => ({
  t: T,
  contacts,
  lo80: contacts - 5,
  hi80: contacts + 5,
  ...extra,
});

describe("a plan folder's forecast.csv", () => {
  const pooled = [point(130, { ahtSeconds: 250 })];
  const byQueue = [point(100, { queue: 'chat', ahtSeconds: 240 }), point(30, { queue: 'escalation', ahtSeconds: 480 })];

  it('keeps the SPEC columns for the total and adds each queue, read back one point per queue', () => {
    const text = formatWeekForecast(pooled, byQueue, TZ, false);
    expect(text).toBe(
      'timestamp,contacts,lo80,hi80,aht_seconds,contacts.chat,aht_seconds.chat,contacts.escalation,aht_seconds.escalation\n' +
        '2026-11-30T10:00,130,125,135,250,100,240,30,480\n',
    );
    // Each queue gets its share of the hour's interval, by contacts (100/130 and 30/130 of 125-135).
    const points = parseForecast(text, 'forecast.csv', TZ).points;
    expect(points.map(({ lo80, hi80, ...p }) => p)).toEqual([
      { t: T, contacts: 100, queue: 'chat', ahtSeconds: 240 },
      { t: T, contacts: 30, queue: 'escalation', ahtSeconds: 480 },
    ]);
    expect(points[0].lo80).toBeCloseTo((125 * 100) / 130, 9);
    expect(points[0].hi80).toBeCloseTo((135 * 100) / 130, 9);
    expect(points[0].hi80 + points[1].hi80).toBeCloseTo(135, 9);
    expect(points[0].lo80 + points[1].lo80).toBeCloseTo(125, 9);
    // The pooled hours keep the total's interval, which the queue columns do not carry.
    expect(parseForecast(text, 'forecast.csv', TZ).pooled).toEqual([{ t: T, contacts: 130, lo80: 125, hi80: 135, ahtSeconds: 250 }]);
  });

  it('pools a forecast with a queue column hour by hour', () => {
    const text = 'timestamp,contacts,lo80,hi80,queue\n2026-11-30T10:00,100,90,110,chat\n2026-11-30T10:00,30,25,35,voice\n';
    expect(parseForecast(text, 'forecast.csv', TZ).pooled).toEqual([{ t: T, contacts: 130, lo80: 115, hi80: 145 }]);
  });

  it('writes one queue plainly unless the config names queues', () => {
    const one = [point(130, { queue: 'chat' })];
    expect(formatWeekForecast([point(130)], one, TZ, false).split('\n')[0]).toBe('timestamp,contacts,lo80,hi80');
    expect(formatWeekForecast([point(130)], one, TZ, false, true).split('\n')[0]).toBe('timestamp,contacts,lo80,hi80,contacts.chat');
  });
});

describe("requirements.csv's tier columns", () => {
  const tiers = [
    { tier: 'general', handledContacts: 200, ahtSeconds: 240, concurrency: 1, agentsNeeded: 16, staffNeeded: 16 / 0.7 },
    { tier: 'senior', handledContacts: 20, ahtSeconds: 480, concurrency: 1, agentsNeeded: 5, staffNeeded: 5 / 0.7 },
  ];
  const row = { t: T, contacts: 1000, handledContacts: 220, ahtSeconds: 262, agentsNeeded: 21, staffNeeded: 21 / 0.7, tiers };

  it("follow the SPEC's columns and are read back as each tier's staff needed", () => {
    const text = formatRequirements([row], TZ, false);
    expect(text.split('\n')[0]).toBe(
      'timestamp,contacts,handled_contacts,aht_seconds,agents_needed,staff_needed,' +
        'handled_contacts.general,aht_seconds.general,agents_needed.general,staff_needed.general,' +
        'handled_contacts.senior,aht_seconds.senior,agents_needed.senior,staff_needed.senior',
    );
    const [need] = parseStaffNeeds(text, 'requirements.csv', TZ).needs;
    expect(need.tiers).toEqual([
      { tier: 'general', staffNeeded: 22.8571 },
      { tier: 'senior', staffNeeded: 7.1429 },
    ]);
  });

  it('must add up to the total, naming the line', () => {
    const text = 'timestamp,staff_needed,staff_needed.general,staff_needed.senior\n2026-11-30T10:00,30,20,5\n';
    const e = inputError(() => parseStaffNeeds(text, 'requirements.csv', TZ));
    expect(e.location).toEqual({ file: 'requirements.csv', line: 2, field: 'staff_needed' });
    expect(e.message).toMatch(/not the sum of the tiers' staff_needed columns \(25\)/);
  });
});
