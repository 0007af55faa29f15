import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/domain/config.js';
import { formatTimestamp, HOUR_MS } from '../../src/domain/time.js';
import type { History } from '../../src/domain/types.js';
import { makePlan } from '../../src/plan/makePlan.js';
import { openStore } from '../../src/store/open.js';
import { tempStore, tinyConfig } from '../api/synthetic.js';
import { at, makeHistory } from '../forecast/synthetic.js';
import { answerDay } from '../../src/intraday/answerDay.js';
import { readPlanFolder, type PlanDay } from '../../src/intraday/load.js';
import { parseActuals } from '../../src/io/actualsFile.js';
import { inputErrorAsync } from '../support/inputError.js';
import { dayPlan, folderHashes, HOLIDAY_CSV, mondayActuals } from './dayPlan.js';

describe("a plan folder read as the day's input", () => {
  let folder: string;
  let day: PlanDay;
  beforeAll(async () => {
    ({ folder } = await dayPlan({ events: HOLIDAY_CSV }));
    day = await readPlanFolder(folder);
  });
  const hourAt = (text: string) => day.hours.find((h) => formatTimestamp(h.t, 'UTC') === text)!;

  it('keeps the events of its week in events.csv, and reads the holiday target from it', () => {
    expect(folderHashes(folder)['events.csv']).toBeDefined();
    expect(hourAt('2026-12-02T10:00').target.answer_within_seconds).toBe(30);
    expect(hourAt('2026-12-01T10:00').target.answer_within_seconds).toBe(15);
  });

  it('has every hour of the week with its forecast, demand and night flag', () => {
    expect(day.hours).toHaveLength(168);
    expect(formatTimestamp(day.hours[0].t, 'UTC')).toBe('2026-11-30T00:00');
    const h = hourAt('2026-11-30T10:00');
    expect(h.lo80).toBeLessThan(h.contacts);
    expect(h.hi80).toBeGreaterThan(h.contacts);
    // tinyConfig: the bot takes half, 240 s handle time, one contact at a time.
    expect(h).toMatchObject({ handledShare: 0.5, ahtSeconds: 240, concurrency: 1, night: false });
    expect(hourAt('2026-11-30T03:00').night).toBe(true);
  });

  it("carries the roster's shifts, the config's settings and the intraday defaults", () => {
    expect(day.shifts.length).toBeGreaterThan(0);
    expect(day.shifts.every((s) => s.pool === 'inhouse' && s.hours === 8 && day.hours.some((h) => h.t === s.start))).toBe(true);
    expect(day.standby).toEqual([]);
    expect(day).toMatchObject({
      timeZone: 'UTC',
      withOffset: false,
      currency: 'CNY',
      shrinkage: 0.3,
      maxAsaSeconds: 60,
      overtime: { premium: 0.5, maxHours: 2 },
    });
    expect(day.pools.map((p) => p.id)).toEqual(['inhouse']);
  });

  it('reads a plan without events.csv with no holiday targets', async () => {
    const { folder: plain } = await dayPlan();
    expect(folderHashes(plain)['events.csv']).toBeUndefined();
    const target = (await readPlanFolder(plain)).hours.find((h) => formatTimestamp(h.t, 'UTC') === '2026-12-02T10:00')!.target;
    expect(target.answer_within_seconds).toBe(15);
  });

  it("pools a multi-queue plan's hours with its total interval, and reads its demand as the plan's requirements did", async () => {
    const store = tempStore();
    const start = at('2026-11-30T00:00', 'UTC') - 28 * 24 * HOUR_MS;
    const history: History = {
      queues: [
        { queue: 'orders', hours: makeHistory(start, 4, 'UTC', () => 40) },
        { queue: 'refund', hours: makeHistory(start, 4, 'UTC', () => 20) },
      ],
      withOffset: false,
    };
    const config = configSchema.parse({
      ...tinyConfig(),
      demand: { bot_deflection: 0.5, queues: { refund: { bot_deflection: 0.75, aht_seconds: 360, concurrency: 2 } } },
    });
    const { folder: multi } = await makePlan({ config, history, events: [] }, openStore(store));
    const queues = await readPlanFolder(multi);
    const written = readFileSync(join(multi, 'requirements.csv'), 'utf8').trim().split('\n');
    const [, contacts, handled, aht] = written[11].split(',').map(Number);
    const h = queues.hours[10];
    expect(h.contacts).toBeCloseTo(contacts, 2);
    expect(h.lo80).toBeLessThan(h.contacts);
    expect(h.handledShare * h.contacts).toBeCloseTo(handled, 2);
    expect(h.ahtSeconds).toBeCloseTo(aht, 1);
    // Orders one at a time, refunds two at once: the mix lies between.
    expect(h.concurrency).toBeGreaterThan(1);
    expect(h.concurrency).toBeLessThan(2);
  });

  it("reads a roster's on-call shifts, which the day's answer calls in on a busy day", async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'shiftcast-standby-')), basename(folder));
    cpSync(folder, copy, { recursive: true });
    const config = JSON.parse(readFileSync(join(copy, 'config.json'), 'utf8'));
    config.pools.push({ id: 'oncall', kind: 'standby', cost_per_hour: 60, retainer_per_hour: 8, shift_lengths: [8] });
    writeFileSync(join(copy, 'config.json'), JSON.stringify(config));
    const roster = JSON.parse(readFileSync(join(copy, 'roster.json'), 'utf8'));
    roster.standby = [{ pool: 'oncall', start: '2026-11-30T12:00', hours: 8, agents: 3 }];
    writeFileSync(join(copy, 'roster.json'), JSON.stringify(roster));
    const standbyDay = await readPlanFolder(copy);
    expect(standbyDay.standby).toEqual([{ pool: 'oncall', start: at('2026-11-30T12:00', 'UTC'), hours: 8, agents: 3 }]);
    const actuals = parseActuals(mondayActuals(copy, 12, 1.8), 'UTC');
    const started = performance.now();
    const answer = answerDay(standbyDay, actuals, { from: { file: 'command line', field: '--now' } });
    expect(performance.now() - started).toBeLessThan(1000);
    const calls = answer.actions.filter((a) => a.kind === 'activate_standby');
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) {
      expect(c.pool).toBe('oncall');
      expect(c.start >= '2026-11-30T12:00' && c.start < '2026-11-30T20:00').toBe(true);
    }
  });

  it('names --plan for a folder that does not exist or is not a plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiftcast-notplan-'));
    const missing = await inputErrorAsync(() => readPlanFolder(join(dir, 'nope')));
    expect(missing.location).toEqual({ file: 'command line', field: '--plan' });
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'config.json'), '{}');
    const notPlan = await inputErrorAsync(() => readPlanFolder(join(dir, 'data')));
    expect(notPlan.location).toEqual({ file: 'command line', field: '--plan' });
    expect(notPlan.message).toMatch(/not a plan folder: it has no forecast\.csv/);
  });
});
