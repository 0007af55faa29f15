import { describe, expect, it } from 'vitest';
import { configSchema, configTiers, queueDemand, type PlanConfig } from '../../src/domain/config.js';
import { parseTimestamp } from '../../src/domain/time.js';
import type { ForecastPoint } from '../../src/domain/types.js';
import { agentsNeeded } from '../../src/staffing/agentsNeeded.js';
import { demandByHour, emptyHour } from '../../src/staffing/demand.js';
import { demandBySlot, requirementsFor } from '../../src/staffing/requirements.js';
import { serviceTargetAt } from '../../src/staffing/serviceTargets.js';

const TZ = 'Asia/Shanghai';
const T = parseTimestamp('2026-11-30T10:00', TZ)!.t;
const config = (over: object = {}): PlanConfig => configSchema.parse({ timezone: TZ, ...over });
const point = (queue: string | undefined, contacts: number, ahtSeconds?: number): ForecastPoint => ({
  t: T,
  contacts,
  lo80: contacts,
  hi80: contacts,
  ...(queue !== undefined && { queue }),
  ...(ahtSeconds !== undefined && { ahtSeconds }),
});

// The seed operation's intents: humans take 11% of refunds, 18% of negative-emotion alerts, 24% of new-rule questions.
const INTENTS = {
  demand: {
    bot_deflection: 0.78,
    queues: {
      refund: { bot_deflection: 0.89, aht_seconds: 300 },
      negative: { bot_deflection: 0.82, aht_seconds: 420 },
      new_rule: { bot_deflection: 0.76 },
    },
  },
};

describe('queueDemand', () => {
  it('fills a queue from the demand defaults, and names the general tier unless the queue says otherwise', () => {
    const c = config(INTENTS);
    expect(queueDemand(c, 'refund')).toEqual({
      botDeflection: 0.89,
      ahtSeconds: 300,
      concurrency: 1,
      ahtRisePerPoint: 0,
      baselineDeflection: 0.89,
      tier: 'general',
    });
    expect(queueDemand(c, 'orders').botDeflection).toBe(0.78);
    expect(queueDemand(c, undefined).ahtSeconds).toBe(240);
  });
});

describe('demandByHour', () => {
  it('takes each queue less what the bot resolves of that queue', () => {
    const [hour] = demandByHour(
      [point('refund', 1000), point('negative', 1000), point('new_rule', 1000), point('orders', 1000)],
      config(INTENTS),
    );
    expect(hour.contacts).toBe(4000);
    expect(hour.handledContacts).toBeCloseTo(110 + 180 + 240 + 220, 9);
  });

  it('weights handle time by the contacts that reach agents, the forecast AHT before the queue default', () => {
    const [hour] = demandByHour([point('refund', 1000), point('negative', 1000, 600)], config(INTENTS));
    // 110 refunds at 300 s and 180 negative at the forecast's 600 s.
    expect(hour.ahtSeconds).toBeCloseTo((110 * 300 + 180 * 600) / 290, 9);
  });

  it('raises the handle time by aht_rise_per_point for each point the bot resolves above the baseline', () => {
    const rising = (deflection: number) =>
      config({
        demand: { queues: { chat: { bot_deflection: deflection, baseline_deflection: 0.78, aht_rise_per_point: 0.02, aht_seconds: 200 } } },
      });
    expect(demandByHour([point('chat', 100)], rising(0.78))[0].ahtSeconds).toBe(200);
    expect(demandByHour([point('chat', 100)], rising(0.83))[0].ahtSeconds).toBeCloseTo(200 * 1.02 ** 5, 9);
    expect(demandByHour([point('chat', 100)], rising(0.73))[0].ahtSeconds).toBeCloseTo(200 / 1.02 ** 5, 9);
  });

  it("never applies the demand's baseline to a queue with a deflection of its own", () => {
    const c = config({
      demand: { bot_deflection: 0.83, baseline_deflection: 0.78, aht_rise_per_point: 0.02, queues: { escalation: { bot_deflection: 0 } } },
    });
    expect(queueDemand(c, 'chat')).toMatchObject({ botDeflection: 0.83, baselineDeflection: 0.78 });
    expect(queueDemand(c, 'escalation')).toMatchObject({ botDeflection: 0, baselineDeflection: 0 });
    expect(demandByHour([point('escalation', 10)], c)[0].ahtSeconds).toBe(240);
  });

  it('gives a mixed hour the concurrency that reproduces its mean service time', () => {
    const c = config({ demand: { bot_deflection: 0, aht_seconds: 300, queues: { chat: { concurrency: 3 }, voice: { concurrency: 1 } } } });
    const [hour] = demandByHour([point('chat', 100), point('voice', 100)], c);
    // Service times 100 s and 300 s, half each: 200 s; the AHT is 300 s.
    expect(hour.ahtSeconds).toBe(300);
    expect(hour.ahtSeconds / hour.concurrency).toBeCloseTo(200, 9);
  });

  it('splits the hour by tier when a queue goes to a tier of its own', () => {
    const c = config({
      demand: { bot_deflection: 0.8, queues: { complaints: { bot_deflection: 0.5, aht_seconds: 600, tier: 'senior' } } },
      pools: [
        { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, tiers: ['general', 'senior'] },
        { id: 'vendor', kind: 'outsourced', cost_per_hour: 38 },
      ],
    });
    expect(configTiers(c)).toEqual(['general', 'senior']);
    const [hour] = demandByHour([point('orders', 1000), point('complaints', 100)], c);
    expect(hour.tiers).toEqual([
      { tier: 'general', handledContacts: expect.closeTo(200, 9), ahtSeconds: 240, concurrency: 1 },
      { tier: 'senior', handledContacts: expect.closeTo(50, 9), ahtSeconds: 600, concurrency: 1 },
    ]);
    expect(hour.handledContacts).toBeCloseTo(250, 9);
    expect(emptyHour(T, c).tiers?.map((d) => d.handledContacts)).toEqual([0, 0]);
  });

  it('leaves a config without queues exactly as one pooled group', () => {
    const [hour] = demandByHour([point(undefined, 1000, 250)], config());
    expect(hour).toEqual({ t: T, contacts: 1000, handledContacts: 1000 * (1 - 0.78), ahtSeconds: 250, concurrency: 1 });
  });
});

describe('requirementsFor with tiers', () => {
  const tiered = config({
    demand: { bot_deflection: 0.8, queues: { complaints: { bot_deflection: 0.5, aht_seconds: 600, tier: 'senior' } } },
    service: { tiers: { senior: { answer_within_seconds: 60 } } },
    pools: [
      { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, tiers: ['general', 'senior'] },
      { id: 'vendor', kind: 'outsourced', cost_per_hour: 38 },
    ],
  });

  it("staffs each tier as its own Erlang group with the tier's own target, and the hour needs their sum", () => {
    const [r] = requirementsFor([point('orders', 1000), point('complaints', 100)], tiered, []);
    const general = agentsNeeded(200, 240, serviceTargetAt(T, tiered, []));
    const senior = agentsNeeded(50, 600, { ...serviceTargetAt(T, tiered, []), answer_within_seconds: 60 });
    expect(serviceTargetAt(T, tiered, [], 'senior').answer_within_seconds).toBe(60);
    expect(r.tiers!.map((d) => [d.tier, d.agentsNeeded])).toEqual([
      ['general', general],
      ['senior', senior],
    ]);
    expect(r.agentsNeeded).toBe(general + senior);
    expect(r.staffNeeded).toBeCloseTo((general + senior) / 0.7, 9);
  });

  it('needs more agents kept apart than pooled: the price of a tier', () => {
    const [apart] = requirementsFor([point('orders', 1000), point('complaints', 100)], tiered, []);
    const pooled = config({ demand: { bot_deflection: 0.8, queues: { complaints: { bot_deflection: 0.5, aht_seconds: 600 } } } });
    const [together] = requirementsFor([point('orders', 1000), point('complaints', 100)], pooled, []);
    expect(together.tiers).toBeUndefined();
    expect(apart.agentsNeeded).toBeGreaterThan(together.agentsNeeded);
  });

  it('gives the slots of a week with no forecast hour no contacts in any tier', () => {
    const [slot] = demandBySlot([T + 3_600_000], [point('orders', 1000)], tiered);
    expect(slot.handledContacts).toBe(0);
    expect(slot.tiers!.every((d) => d.handledContacts === 0)).toBe(true);
  });
});

describe('the tier rules of the configuration', () => {
  it('refuses a queue sent to a tier no pool staffs, naming the field', () => {
    const r = configSchema.safeParse({ demand: { queues: { complaints: { tier: 'senior' } } } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0].path).toEqual(['demand', 'queues', 'complaints', 'tier']);
    expect(r.error!.issues[0].message).toMatch(/no pool staffs tier "senior"/);
  });

  it('refuses more than 8 tiers, counting the general one', () => {
    const tiers = ['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8'];
    const r = configSchema.safeParse({ pools: [{ id: 'a', kind: 'in_house', cost_per_hour: 50, tiers }] });
    expect(r.error!.issues[0]).toMatchObject({ path: ['pools'], message: 'at most 8 tiers (the config names 9)' });
    expect(configSchema.safeParse({ pools: [{ id: 'a', kind: 'in_house', cost_per_hour: 50, tiers: tiers.slice(1) }] }).success).toBe(true);
  });

  it('refuses a tier target no pool staffs, and a pool that lists a tier twice', () => {
    expect(configSchema.safeParse({ service: { tiers: { senior: { answer_within_seconds: 60 } } } }).success).toBe(false);
    const twice = configSchema.safeParse({ pools: [{ id: 'a', kind: 'in_house', cost_per_hour: 50, tiers: ['senior', 'senior'] }] });
    expect(twice.error!.issues[0].path).toEqual(['pools', 0, 'tiers']);
  });
});
