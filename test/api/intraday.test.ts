import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server.js';
import { dayLogPath } from '../../src/store/folder/dayLog.js';
import { dayPlan, folderHashes, HOLIDAY_CSV, mondayActuals } from '../intraday/dayPlan.js';
import { bearer, fakePlan, makeKeys, serve, tempStore } from './support.js';

describe('POST /v1/plans/{plan_id}/intraday', async () => {
  const store = tempStore();
  const keys = await makeKeys(store);
  let server: RunningServer;
  let plan: Awaited<ReturnType<typeof dayPlan>>;
  let withEvents: Awaited<ReturnType<typeof dayPlan>>;
  let before: Record<string, string>;
  const post = (body: unknown, key: string | null = keys.planner, id = plan.name) =>
    fetch(`${server.url}/v1/plans/${id}/intraday`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? bearer(key) : {}) },
      body: JSON.stringify(body),
    });
  const logLines = () => (existsSync(dayLogPath(plan.folder)) ? readFileSync(dayLogPath(plan.folder), 'utf8').trim().split('\n') : []);
  const rows = (hours: number) =>
    mondayActuals(plan.folder, hours)
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => ({ timestamp: line.split(',')[0], contacts: Number(line.split(',')[1]) }));

  beforeAll(async () => {
    plan = await dayPlan({ store });
    withEvents = await dayPlan({ store, events: HOLIDAY_CSV });
    before = folderHashes(plan.folder);
    server = await serve(store);
  });
  afterAll(() => server.close());

  it('answers planners and admins at once, from CSV text or rows, and logs each answer with the key', async () => {
    const started = performance.now();
    const r = await post({ actuals: mondayActuals(plan.folder, 10) });
    expect(r.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
    const answer = (await r.json()) as any;
    expect(answer.now).toBe('2026-11-30T10:00');
    expect(answer.reforecast).toHaveLength(158);
    expect(answer.projected).toHaveLength(158);
    // Monday runs 30% above plan: the day needs corrections.
    expect(answer.actions.length).toBeGreaterThan(0);
    expect(answer.alerts).toEqual(expect.any(Array));

    const byAdmin = await post({ actuals: rows(8), now: '2026-11-30T09:00' }, keys.admin);
    expect(byAdmin.status).toBe(200);
    expect(((await byAdmin.json()) as any).now).toBe('2026-11-30T09:00');

    const log = logLines().map((l) => JSON.parse(l));
    expect(log.map((e) => [e.by.via, e.by.key_name, e.by.role, e.now])).toEqual([
      ['api', expect.any(String), 'planner', '2026-11-30T10:00'],
      ['api', 'test admin', 'admin', '2026-11-30T09:00'],
    ]);
    expect(log[0].actions).toEqual(answer.actions);
    expect(folderHashes(plan.folder)).toEqual(before);
  });

  it('keeps the log out of the plan list', async () => {
    const r = await fetch(`${server.url}/v1/plans`, { headers: bearer(keys.finance) });
    const names = ((await r.json()) as any).plans.map((p: { plan_id: string }) => p.plan_id);
    expect(names.sort()).toEqual([plan.name, withEvents.name].map((n) => n.slice(-10)).sort());
  });

  it('lets only planners and admins ask: 401 without a valid key, 403 for finance', async () => {
    const lines = logLines().length;
    const body = { actuals: rows(4) };
    expect((await post(body, null)).status).toBe(401);
    expect((await post(body, 'not-a-key')).status).toBe(401);
    const forbidden = await post(body, keys.finance);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as any).error).toBe('forbidden');
    expect(logLines()).toHaveLength(lines);
  });

  it('answers 400 naming plan_id for a plan that does not exist (the day takes the plan as an input), and writes no log', async () => {
    const lines = logLines().length;
    // ('..' never reaches the route: the URL resolves to /v1/intraday, a 404 like any unknown path.)
    for (const id of ['2026-11-30_0000000000', 'ffffffffff', 'nope']) {
      const r = await post({ actuals: rows(4) }, keys.planner, id);
      expect(r.status, id).toBe(400);
      const body = (await r.json()) as any;
      expect(body.error).toBe('invalid_input');
      expect(body.fields).toEqual([{ path: 'plan_id', message: expect.stringContaining('no plan') }]);
    }
    expect(logLines()).toHaveLength(lines);
  });

  const negativeCsv = () => `${mondayActuals(plan.folder, 3)}2026-11-30T03:00,-2\n`;
  const bad: [string, () => unknown, string, RegExp][] = [
    ['no actuals', () => ({}), 'actuals', /./],
    ['an unknown field', () => ({ actuals: rows(3), later: true }), 'later', /unknown field/],
    [
      'a negative count in a row',
      () => ({ actuals: [...rows(3), { timestamp: '2026-11-30T03:00', contacts: -2 }] }),
      'actuals.3.contacts',
      /./,
    ],
    ['a negative count in CSV text', () => ({ actuals: negativeCsv() }), 'actuals', /actuals line 5, column contacts/],
    ['a duplicated hour', () => ({ actuals: [...rows(3), rows(3)[1]] }), 'actuals.3.timestamp', /duplicated timestamp/],
    [
      'an hour outside the week',
      () => ({ actuals: [{ timestamp: '2026-11-20T10:00', contacts: 3 }, ...rows(3)] }),
      'actuals',
      /outside the plan's week/,
    ],
    ['actuals after now', () => ({ actuals: rows(6), now: '2026-11-30T03:00' }), 'actuals', /does not end by now/],
    ['a now that is no timestamp', () => ({ actuals: rows(3), now: 'noon' }), 'now', /not an ISO 8601 timestamp/],
    ['a now outside the week', () => ({ actuals: rows(3), now: '2027-01-01T00:00' }), 'now', /not within the plan's week/],
  ];
  it.each(bad)('answers 400 for %s, naming the field, and logs nothing', async (_what, body, path, message) => {
    const lines = logLines().length;
    const r = await post(body());
    expect(r.status).toBe(400);
    const answer = (await r.json()) as any;
    expect(answer.error).toBe('invalid_input');
    expect(answer.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(answer.message).toMatch(message);
    expect(answer.message).not.toContain(store);
    expect(logLines()).toHaveLength(lines);
    expect(folderHashes(plan.folder)).toEqual(before);
  });

  it('answers 500 corrupt_plan for a stored plan whose files cannot be read', async () => {
    await fakePlan(store, 'cccccccccc', '2026-11-23');
    const r = await post({ actuals: rows(3) }, keys.planner, 'cccccccccc');
    expect(r.status).toBe(500);
    const answer = (await r.json()) as any;
    expect(answer.error).toBe('corrupt_plan');
    expect(answer.message).toMatch(/plan 2026-11-23_cccccccccc is damaged \(forecast\.csv: the file has no rows\)/);
    expect(answer.message).not.toContain(store);
  });

  it("serves a plan's events.csv, and 404 for a plan whose week had no events", async () => {
    const get = (id: string) => fetch(`${server.url}/v1/plans/${id}/files/events.csv`, { headers: bearer(keys.finance) });
    const found = await get(withEvents.name);
    expect(found.status).toBe(200);
    expect(await found.text()).toBe('start,end,kind,name,intensity\n2026-12-02T00:00,2026-12-03T00:00,holiday,founders_day,1\n');
    const summary = (await (await fetch(`${server.url}/v1/plans/${withEvents.name}`, { headers: bearer(keys.finance) })).json()) as any;
    expect(Object.keys(summary.links.files)).toContain('events.csv');
    const missing = await get(plan.name);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).message).toMatch(/no events touched its week/);
  });
});
