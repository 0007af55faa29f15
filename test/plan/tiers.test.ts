import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, poolTiers } from '../../src/domain/config.js';
import { HOUR_MS } from '../../src/domain/time.js';
import type { History } from '../../src/domain/types.js';
import { runPlan } from '../../src/plan/chain.js';
import { makePlan } from '../../src/plan/makePlan.js';
import { openStore } from '../../src/store/open.js';
import { shiftcast } from '../support/cli.js';
import { verifyRoster } from '../../src/roster/verify.js';
import { deliveredByHour } from '../../src/staffing/delivered.js';
import { staffedBySlot } from '../../src/staffing/onDuty.js';
import { at, makeHistory } from '../forecast/synthetic.js';

const TZ = 'UTC';
const WEEK = '2026-11-30';

/** Four weeks of chats and of escalated bad-review tickets before WEEK. */
function history(): History {
  const start = at('2026-11-30T00:00', TZ) - 28 * 24 * HOUR_MS;
  const daily = (t: number) => (new Date(t).getUTCHours() >= 8 ? 1 : 0.3);
  return {
    queues: [
      { queue: 'chat', hours: makeHistory(start, 4, TZ, (_, t) => 900 * daily(t)) },
      { queue: 'escalation', hours: makeHistory(start, 4, TZ, (_, t) => 30 * daily(t)) },
    ],
    withOffset: false,
  };
}

// Chats go to anyone; escalations only to seniors, who also take chats when they can.
const config = configSchema.parse({
  timezone: TZ,
  demand: {
    bot_deflection: 0.78,
    aht_seconds: 240,
    concurrency: 2,
    queues: { escalation: { bot_deflection: 0, aht_seconds: 480, concurrency: 1, tier: 'senior' } },
  },
  service: { max_occupancy: null, tiers: { senior: { answer_within_seconds: 60 } } },
  min_coverage: 1,
  night: { min_coverage: 1 },
  max_outsourced_share: 0.45,
  solver: { time_limit_seconds: 20, mip_rel_gap: 0.01 },
  pools: [
    { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, shift_lengths: [8] },
    { id: 'vendor', kind: 'outsourced', cost_per_hour: 38, productivity: 0.9, shift_lengths: [8] },
    { id: 'senior', kind: 'in_house', cost_per_hour: 70, shift_lengths: [8], tiers: ['senior', 'general'] },
  ],
});

describe('a tiered plan', () => {
  it('is staffed tier by tier, rostered in one optimisation, and meets each tier target in a skill-routed simulation', async () => {
    const outcome = await runPlan({ config, history: history(), events: [], week: WEEK });
    const { roster, problem, requirements } = outcome;
    expect(roster.status, roster.explanation).not.toBe('infeasible');
    expect(verifyRoster(problem, roster)).toEqual([]);
    // Every tier floor is its whole need (min_coverage 1): escalations are staffed by seniors alone.
    const seniorHours = roster.hourly.map((h) => h.tiers!.find((t) => t.tier === 'senior')!);
    expect(seniorHours.every((t) => t.staffed + 1e-6 >= t.staff_needed)).toBe(true);
    expect(roster.cost.by_pool.senior).toBeGreaterThan(0);

    // The simulator routes each tier's contacts to the pools that serve it, from the roster's shifts.
    const slotOf = new Map(problem.slots.map((s, i) => [s.label, i]));
    const pools = config.pools.map((p) => ({
      tiers: poolTiers(p),
      staffed: staffedBySlot(
        roster.shifts
          .filter((s) => s.pool === p.id)
          .map((s) => ({ startSlot: slotOf.get(s.start)!, hours: s.hours, agents: s.agents, productivity: p.productivity })),
        problem.slots.length,
      ),
    }));
    const delivered = deliveredByHour(
      requirements,
      roster.hourly.map((h) => h.staffed),
      config,
      [],
      {
        staffedByTier: roster.hourly.map((h) => h.tiers),
        pools,
        simulation: { handleTime: { kind: 'exponential' }, replications: 8, seed: 3 },
      },
    );
    const simulated = delivered.simulatedTiers!;
    expect(simulated.names).toEqual(['general', 'senior']);
    for (const [k, tier] of simulated.names.entries()) {
      const sl = simulated.tiers[k].total.serviceLevel!;
      // Each tier was staffed for 80% within its own threshold (15 s chats, 60 s escalations).
      expect(sl.hi, tier).toBeGreaterThan(0.8);
      expect(delivered.tiers![k].serviceLevel!, tier).toBeGreaterThan(0.78);
    }
    // Seniors take chats in their spare time: the simulated chat service is no worse than the model's.
    expect(simulated.tiers[0].total.serviceLevel!.hi).toBeGreaterThanOrEqual(delivered.tiers![0].serviceLevel! - 0.01);
  });
});

describe('shiftcast simulate on a tiered plan', () => {
  it("reports each tier's simulated week beside the model, routing contacts by skill", async () => {
    const store = mkdtempSync(join(tmpdir(), 'shiftcast-tiers-'));
    const { folder } = await makePlan({ config, history: history(), events: [], week: WEEK }, openStore(store));
    const file = (name: string) => join(folder, name);
    const r = await shiftcast([
      'simulate',
      '--roster',
      file('roster.json'),
      '--forecast',
      file('forecast.csv'),
      '--config',
      file('config.json'),
      '--replications',
      '4',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.tiers.map((t: { tier: string }) => t.tier)).toEqual(['general', 'senior']);
    for (const t of report.tiers) {
      expect(t.offered).toBeGreaterThan(0);
      expect(t.service_level.mean).toBeGreaterThan(0.7);
      expect(t.model.service_level).toBeGreaterThan(0.7);
    }
    const text = await shiftcast([
      'simulate',
      '--roster',
      file('roster.json'),
      '--forecast',
      file('forecast.csv'),
      '--config',
      file('config.json'),
      '--replications',
      '4',
    ]);
    expect(text.stdout).toMatch(/^week by tier \(4 replications, skill-based routing/);
    expect(text.stdout).toMatch(/\n {2}senior: offered \d+, service level \d+\.\d \[\d+\.\d, \d+\.\d\] % \(model \d+\.\d\)/);
  });
});
