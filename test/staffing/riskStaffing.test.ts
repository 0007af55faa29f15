import { describe, expect, it } from 'vitest';
import { configSchema, type PlanConfig } from '../../src/domain/config.js';
import { parseTimestamp } from '../../src/domain/time.js';
import type { ForecastPoint } from '../../src/domain/types.js';
import { rosterRisk } from '../../src/staffing/rosterRisk.js';
import { requirementsFor } from '../../src/staffing/requirements.js';

const TZ = 'UTC';
const config = (service: object = {}): PlanConfig => configSchema.parse({ timezone: TZ, service });
// Two days of a wide, right-skewed forecast: 1,000 contacts an hour at the point forecast.
const points: ForecastPoint[] = Array.from({ length: 48 }, (_, i) => ({
  t: parseTimestamp('2026-11-30T00:00', TZ)!.t + i * 3_600_000,
  contacts: 1000,
  lo80: 850,
  hi80: 1250,
}));
const staffedAsNeeded = (c: PlanConfig) => {
  const rows = requirementsFor(points, c, []);
  return {
    rows,
    risk: rosterRisk(
      rows,
      rows.map((r) => ({ staffed: r.staffNeeded })),
      points,
      c,
      [],
    ),
  };
};

describe('service.max_miss_probability', () => {
  it('defaults to null: staffing at the point forecast', () => {
    expect(config().service.max_miss_probability).toBeNull();
  });

  it('rejects values outside (0, 0.5] naming the field', () => {
    for (const bad of [0, 0.6, -0.1, '0.1']) {
      const parsed = configSchema.safeParse({ timezone: TZ, service: { max_miss_probability: bad } });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0].path.join('.')).toBe('service.max_miss_probability');
    }
  });

  it('raises each hour to its (1 - p) quantile, more for a smaller p, and keeps the forecast contacts', () => {
    const point = requirementsFor(points, config(), [])[0];
    const p20 = requirementsFor(points, config({ max_miss_probability: 0.2 }), [])[0];
    const p05 = requirementsFor(points, config({ max_miss_probability: 0.05 }), [])[0];
    expect(p20.agentsNeeded).toBeGreaterThan(point.agentsNeeded);
    expect(p05.agentsNeeded).toBeGreaterThan(p20.agentsNeeded);
    expect(p20.contacts).toBe(1000);
    expect(requirementsFor(points, config({ max_miss_probability: 0.5 }), [])[0].agentsNeeded).toBe(point.agentsNeeded);
  });

  it('staffed as required, every hour states a miss probability of at most p', () => {
    for (const p of [0.05, 0.2, 0.3]) {
      const { risk } = staffedAsNeeded(config({ max_miss_probability: p }));
      expect(Math.max(...risk.hours)).toBeLessThanOrEqual(p + 1e-9);
      expect(Math.max(...risk.hours)).toBeGreaterThan(p / 3);
    }
  });
});

describe('rosterRisk', () => {
  it('at the point forecast misses about half the hours and, the days correlated, the week often', () => {
    const { risk } = staffedAsNeeded(config());
    expect(risk.hours).toHaveLength(48);
    expect(risk.expectedMissedHours).toBeGreaterThan(48 * 0.3);
    expect(risk.expectedMissedHours).toBeLessThanOrEqual(48 * 0.5);
    expect(risk.weekMissProbability).toBeGreaterThan(0.1);
  });

  it('falls as staffing rises, and is the same on every run (seeded)', () => {
    const { risk } = staffedAsNeeded(config());
    const { risk: safer } = staffedAsNeeded(config({ max_miss_probability: 0.1 }));
    expect(safer.expectedMissedHours).toBeLessThan(risk.expectedMissedHours / 2);
    expect(safer.weekMissProbability).toBeLessThan(risk.weekMissProbability);
    expect(staffedAsNeeded(config()).risk).toEqual(risk);
  });

  it('counts an hour nobody staffs as a sure miss', () => {
    const c = config();
    const rows = requirementsFor(points, c, []);
    const risk = rosterRisk(
      rows,
      rows.map(() => ({ staffed: 0 })),
      points,
      c,
      [],
    );
    expect(Math.min(...risk.hours)).toBeGreaterThan(0.999);
    expect(risk.weekMissProbability).toBe(1);
  });
});

describe('service risk with tiers', () => {
  const tiered = configSchema.parse({
    timezone: TZ,
    demand: { queues: { escalation: { bot_deflection: 0, aht_seconds: 480, tier: 'senior' } } },
    service: { tiers: { senior: { answer_within_seconds: 60 } }, max_miss_probability: 0.2 },
    pools: [
      { id: 'day', kind: 'in_house', cost_per_hour: 50, shift_lengths: [8] },
      { id: 'senior', kind: 'in_house', cost_per_hour: 70, shift_lengths: [8], tiers: ['senior', 'general'] },
    ],
  });
  const two = points.flatMap((p) => [
    { ...p, queue: 'order' },
    { ...p, queue: 'escalation', contacts: 40, lo80: 30, hi80: 55 },
  ]);

  it('staffs each tier so that the hour, missing when any tier misses, misses with at most p', () => {
    const rows = requirementsFor(two, tiered, []);
    expect(rows[0].tiers!.map((d) => d.tier)).toEqual(['general', 'senior']);
    const staffing = rows.map((r) => ({ staffed: r.staffNeeded, tiers: r.tiers!.map((d) => ({ tier: d.tier, staffed: d.staffNeeded })) }));
    const risk = rosterRisk(rows, staffing, two, tiered, []);
    expect(Math.max(...risk.hours)).toBeLessThanOrEqual(0.2 + 1e-9);
    expect(Math.max(...risk.hours)).toBeGreaterThan(0.05);
  });
});
