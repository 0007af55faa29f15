import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/domain/config.js';
import { HOUR_MS } from '../../src/domain/time.js';
import type { History } from '../../src/domain/types.js';
import { runPlan } from '../../src/plan/chain.js';
import { makePlan } from '../../src/plan/makePlan.js';
import { planBase } from '../../src/scenarios/base.js';
import { runScenarios } from '../../src/scenarios/run.js';
import { parseVary } from '../../src/scenarios/vary.js';
import { requirementsFor } from '../../src/staffing/requirements.js';
import { openStore } from '../../src/store/open.js';
import { inputErrorAsync } from '../support/inputError.js';
import { at, makeHistory } from '../forecast/synthetic.js';

const TZ = 'UTC';
const WEEK = '2026-11-30';
const dir = mkdtempSync(join(tmpdir(), 'shiftcast-queues-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Four weeks of two intents, refunds and orders, before WEEK. */
function history(): History {
  const start = at('2026-11-30T00:00', TZ) - 28 * 24 * HOUR_MS;
  return {
    queues: [
      { queue: 'orders', hours: makeHistory(start, 4, TZ, () => 400) },
      { queue: 'refund', hours: makeHistory(start, 4, TZ, () => 200) },
    ],
    withOffset: false,
    file: 'history.csv',
  };
}

const config = (demand: object) =>
  configSchema.parse({
    timezone: TZ,
    demand,
    solver: { time_limit_seconds: 10, mip_rel_gap: 0.02 },
    pools: [{ id: 'inhouse', kind: 'in_house', cost_per_hour: 55, shift_lengths: [8] }],
  });

// Humans take 11% of refunds and 22% of orders.
const BY_INTENT = { bot_deflection: 0.78, queues: { refund: { bot_deflection: 0.89, aht_seconds: 360 } } };

describe('a plan with demand by queue', () => {
  it('deflects and times each queue by its own figures', async () => {
    const outcome = await runPlan({ config: config(BY_INTENT), history: history(), events: [], week: WEEK });
    const r = outcome.requirements[10];
    const orders = outcome.byQueue.find((p) => p.t === r.t && p.queue === 'orders')!.contacts;
    const refund = outcome.byQueue.find((p) => p.t === r.t && p.queue === 'refund')!.contacts;
    expect(r.contacts).toBeCloseTo(orders + refund, 9);
    expect(r.handledContacts).toBeCloseTo(orders * 0.22 + refund * 0.11, 9);
    expect(r.ahtSeconds).toBeCloseTo((orders * 0.22 * 240 + refund * 0.11 * 360) / (orders * 0.22 + refund * 0.11), 9);
  });

  it("writes each queue's forecast beside the total, so scenarios recompute the plan's needs exactly", async () => {
    const plan = await makePlan({ config: config(BY_INTENT), history: history(), events: [], week: WEEK }, openStore(dir));
    const header = readFileSync(join(plan.folder, 'forecast.csv'), 'utf8').split('\n')[0];
    expect(header).toBe('timestamp,contacts,lo80,hi80,contacts.orders,contacts.refund');
    const base = planBase(plan.folder);
    expect(new Set(base.demand!.map((p) => p.queue))).toEqual(new Set(['orders', 'refund']));
    const again = requirementsFor(base.demand!, base.config, []);
    again.forEach((r, i) => expect(r.staffNeeded).toBeCloseTo(base.needs[i].staffNeeded, 3));
  });

  it('prices the bot resolving more of one queue in a scenario, and refuses a queue the demand lacks', async () => {
    const plan = await makePlan({ config: config(BY_INTENT), history: history(), events: [], week: WEEK }, openStore(dir));
    const base = planBase(plan.folder);
    const { points } = await runScenarios(base, [parseVary('demand.queues.orders.bot_deflection=0.78,0.83')], { threads: 1 });
    expect(points.map((p) => p.status)).toEqual(['optimal', 'optimal']);
    expect(points[1].cost.total!).toBeLessThan(points[0].cost.total!);
    const e = await inputErrorAsync(() => runScenarios(base, [parseVary('demand.queues.refunds.bot_deflection=0.9')], { threads: 1 }));
    expect(e.message).toMatch(/no queue "refunds".*orders, refund/);
  });

  it('refuses a demand.queues entry the history has no queue for, naming the field', async () => {
    const e = await inputErrorAsync(() =>
      runPlan({ config: config({ queues: { refunds: { bot_deflection: 0.9 } } }), history: history(), events: [], week: WEEK }),
    );
    expect(e.location).toMatchObject({ file: 'config.json', field: 'demand.queues.refunds' });
    expect(e.message).toMatch(/no queue "refunds" in the history \(its queues: orders, refund\)/);
  });
});
