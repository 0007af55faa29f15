import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../api/openapi.js';
import { planSummarySchema } from '../../api/schemas.js';
import { configSchema } from '../../src/domain/config.js';
import { HOUR_MS } from '../../src/domain/time.js';
import type { History } from '../../src/domain/types.js';
import { makePlan } from '../../src/plan/makePlan.js';
import { summaryText } from '../../src/report/text.js';
import { openStore } from '../../src/store/open.js';
import { at, makeHistory } from '../forecast/synthetic.js';

const TZ = 'UTC';
const WEEK = '2026-11-30';
const config = (service: object = {}) =>
  configSchema.parse({
    timezone: TZ,
    budget: null,
    service,
    solver: { time_limit_seconds: 10, mip_rel_gap: 0.02 },
    pools: [{ id: 'inhouse', kind: 'in_house', cost_per_hour: 55, shift_lengths: [8] }],
  });
const start = at(`${WEEK}T00:00`, TZ) - 28 * 24 * HOUR_MS;
const history: History = {
  queues: [{ queue: '', hours: makeHistory(start, 4, TZ, (_, t) => 200 + 150 * Math.sin((2 * Math.PI * t) / (24 * HOUR_MS))) }],
  withOffset: false,
  file: 'calls.csv',
};

describe('service_risk in summary.json', () => {
  it('states every hour, the expected missed hours and the week, in the text summary, report.html and the API schema', async () => {
    const store = mkdtempSync(join(tmpdir(), 'shiftcast-risk-'));
    const { summary, folder } = await makePlan({ config: config(), history, events: [], week: WEEK }, openStore(store));
    const risk = summary.service_risk!;
    expect(risk.max_miss_probability).toBeNull();
    expect(risk.hours).toHaveLength(168);
    expect(risk.hours[0].timestamp).toBe('2026-11-30T00:00');
    const sum = risk.hours.reduce((a, h) => a + h.miss_probability, 0);
    expect(risk.expected_missed_hours).toBeCloseTo(sum, 0);
    // Staffed to the point forecast, integer agents aside, an hour misses with up to about one half.
    expect(risk.expected_missed_hours).toBeGreaterThan(10);
    expect(risk.week_miss_probability).toBeGreaterThanOrEqual(0);
    expect(summaryText(summary, store, 20)).toMatch(/ {2}Risk {8}[\d.]+% chance the week misses its service level; [\d.]+ hours expected/);
    expect(readFileSync(join(folder, 'report.html'), 'utf8')).toContain('<h2>Riskiest hours</h2>');
    expect(planSummarySchema.parse(JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'))).service_risk).toEqual(risk);
    const doc = openApiDocument() as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    expect(Object.keys(doc.components.schemas.PlanSummary.properties)).toContain('service_risk');
  });

  it('with max_miss_probability, staffs more and states each hour at most that risk', async () => {
    const store = mkdtempSync(join(tmpdir(), 'shiftcast-risk-'));
    const plain = await makePlan({ config: config(), history, events: [], week: WEEK }, openStore(store));
    const safe = await makePlan({ config: config({ max_miss_probability: 0.1 }), history, events: [], week: WEEK }, openStore(store));
    const risk = safe.summary.service_risk!;
    expect(risk.max_miss_probability).toBe(0.1);
    expect(safe.summary.kpis.peak_staff_needed).toBeGreaterThan(plain.summary.kpis.peak_staff_needed);
    expect(risk.expected_missed_hours).toBeLessThan(plain.summary.service_risk!.expected_missed_hours);
    // Every hour the roster staffs to its need is no riskier than the level it was staffed to.
    const hourly = JSON.parse(readFileSync(join(safe.folder, 'roster.json'), 'utf8')).hourly as { shortfall: number }[];
    const covered = risk.hours.filter((_, i) => hourly[i].shortfall <= 1e-9);
    expect(covered.length).toBeGreaterThan(100);
    expect(Math.max(...covered.map((h) => h.miss_probability))).toBeLessThanOrEqual(0.1);
  });
});
