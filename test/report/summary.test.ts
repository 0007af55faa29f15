import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/io/config.js';
import { reportPage } from '../../src/report/page.js';
import { buildSummary } from '../../src/report/summary.js';
import { summaryText } from '../../src/report/text.js';
import type { Roster } from '../../src/roster/types.js';

const config = parseConfig({ week_start: '2026-11-30' });

/** A two-hour "week": 10 in-house agents on 8 hours and 4 vendor agents on 4 hours, 96 paid agent-hours. */
function roster(status: Roster['status']): Roster {
  return {
    status,
    week_start: '2026-11-30T00:00',
    shifts: [
      { pool: 'inhouse', start: '2026-11-30T08:00', hours: 8, agents: 10 },
      { pool: 'vendor', start: '2026-11-30T12:00', hours: 4, agents: 4 },
    ],
    tours: [],
    hourly: [
      { timestamp: '2026-11-30T08:00', staff_needed: 10, staffed: 10, shortfall: 0 },
      { timestamp: '2026-11-30T12:00', staff_needed: 13, staffed: 13.6, shortfall: 0 },
    ],
    cost: { total: 5008, by_pool: { inhouse: 4400, vendor: 608 }, shortfall_penalty: 0 },
    kpis: { outsourced_share: 1 / 6, night_coverage: 1, coverage: 1, budget_used: null },
    solver: { name: 'highs', seconds: 0.1, objective: 5008, bound: 5008, gap: 0 },
    shadow_prices: [],
    explanation: 'All hours covered.',
  };
}

function summary(status: Roster['status']) {
  const hour = (t: number, handledContacts: number) => ({
    t,
    contacts: 4 * handledContacts,
    handledContacts,
    ahtSeconds: 240,
    agentsNeeded: 7,
    staffNeeded: 10,
  });
  return buildSummary({
    planId: 'p1',
    weekStart: '2026-11-30',
    created: '2026-11-24T00:00:00Z',
    config,
    requirements: [hour(0, 1000), hour(3_600_000, 1400)],
    roster: roster(status),
    delivered: { hours: [], week: { serviceLevel: 0.9, asaSeconds: 10 } },
    fullCoverageCost: null,
    files: [],
  });
}

describe('contacts_per_agent_day in summary.json', () => {
  it('is the handled contacts over paid agent-hours / 8, and the text summary and report.html show it', async () => {
    // 2400 handled contacts / (96 paid agent-hours / 8) = 2400 / 12 = 200.
    const s = summary('optimal');
    expect(s.kpis.contacts_per_agent_day).toBe(200);
    expect(summaryText(s, 'plans/p1', 15)).toContain('  Per agent   200 handled contacts per paid 8-hour agent-day\n');
    const page = await reportPage(s, roster('optimal'), { contacts: [], costs: [] });
    expect(page).toContain('<th>Contacts per agent-day</th><td>200</td>');
  });

  it('is null, and not printed, for an infeasible plan', () => {
    const s = summary('infeasible');
    expect(s.kpis.contacts_per_agent_day).toBeNull();
    expect(summaryText(s, 'plans/p1', 15)).not.toContain('Per agent');
  });
});

describe('tiers in summary.json', () => {
  const tiered = parseConfig({
    week_start: '2026-11-30',
    service: { tiers: { senior: { answer_within_seconds: 60 } } },
    pools: [
      { id: 'inhouse', kind: 'in_house', cost_per_hour: 55 },
      { id: 'senior', kind: 'in_house', cost_per_hour: 70, tiers: ['senior', 'general'] },
    ],
  });
  const split = (general: number, senior: number, needGeneral: number, needSenior: number) => [
    { tier: 'general', staff_needed: needGeneral, staffed: general, shortfall: Math.max(0, needGeneral - general) },
    { tier: 'senior', staff_needed: needSenior, staffed: senior, shortfall: Math.max(0, needSenior - senior) },
  ];
  const r: Roster = {
    ...roster('optimal'),
    hourly: [
      { timestamp: '2026-11-30T08:00', staff_needed: 10, staffed: 10, shortfall: 0, tiers: split(8, 2, 8, 2) },
      { timestamp: '2026-11-30T12:00', staff_needed: 13, staffed: 13.6, shortfall: 0.5, tiers: split(11.1, 2.5, 10, 3) },
    ],
  };
  const s = buildSummary({
    planId: 'p1',
    weekStart: '2026-11-30',
    created: '2026-11-24T00:00:00Z',
    config: tiered,
    requirements: [],
    roster: r,
    delivered: {
      hours: [],
      week: { serviceLevel: 0.85, asaSeconds: 9 },
      tiers: [
        { tier: 'general', handledContacts: 2000, serviceLevel: 0.86, asaSeconds: 7 },
        { tier: 'senior', handledContacts: 40.4, serviceLevel: 0.8123456, asaSeconds: 44.44 },
      ],
    },
    fullCoverageCost: null,
    files: [],
  });

  it("gives each tier's week at its own threshold, with its staff-hours needed and short", () => {
    expect(s.tiers).toEqual([
      {
        tier: 'general',
        answer_within_seconds: 15,
        handled_contacts: 2000,
        staff_hours_needed: 18,
        shortfall_staff_hours: 0,
        service_level: 0.86,
        asa_seconds: 7,
      },
      {
        tier: 'senior',
        answer_within_seconds: 60,
        handled_contacts: 40,
        staff_hours_needed: 5,
        shortfall_staff_hours: 0.5,
        service_level: 0.8123,
        asa_seconds: 44.4,
      },
    ]);
  });

  it("says each tier in the text summary, and the overall service at each tier's threshold", () => {
    const text = summaryText(s, 'plans/p1', 15);
    expect(text).toContain("  Service     85.0% answered within each tier's threshold, ASA 9 s\n");
    expect(text).toContain('  Tiers       general 86.0% within 15 s, ASA 7 s | senior 81.2% within 60 s, ASA 44.4 s\n');
  });
});
