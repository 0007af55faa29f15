import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planInputs } from '../../api/planInputs.js';
import { inputError } from '../support/inputError.js';
import {
  bearer,
  fakePlan,
  NAMED_AGENTS_CSV,
  namedConfig,
  postPlan,
  syntheticHistory,
  tempStore,
  waitForJob,
  withServer,
} from './support.js';

/** Named agents through the API (SPEC section 6): `POST /v1/plans` with `agents`, `previous`, `pins`. */
describe('POST /v1/plans with named agents', () => {
  it('plans a folder with schedule.csv, linked and served, and roster.json carries the schedule', async () => {
    await withServer({}, async ({ server, keys, store }) => {
      const r = await postPlan(server.url, keys.planner, {
        config: namedConfig(),
        history: syntheticHistory(2, 0.3),
        agents: NAMED_AGENTS_CSV,
      });
      expect(r.status).toBe(202);
      const job = await waitForJob(server.url, keys.planner, ((await r.json()) as { job_id: string }).job_id);
      expect(job.error).toBeNull();
      expect(job.status).toBe('succeeded');
      const planId = job.plan_id as string;
      const get = (path: string) => fetch(`${server.url}/v1/plans/${planId}${path}`, { headers: bearer(keys.finance) });
      const plan = (await (await get('')).json()) as any;
      expect(plan.links.files['schedule.csv']).toBe(`/v1/plans/${planId}/files/schedule.csv`);
      expect(plan.status, plan.explanation).not.toBe('infeasible');
      expect(plan.schedule.agents).toBe(6);
      const file = await get('/files/schedule.csv');
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toMatch(/text\/csv/);
      const text = await file.text();
      expect(text.split('\n')[0]).toBe('agent,pool,start,hours');
      expect(text.trim().split('\n').slice(1).length).toBeGreaterThan(0);
      const roster = (await (await get('/files/roster.json')).json()) as any;
      expect(roster.schedule).toEqual(plan.schedule);
      // The agents as planned (defaults filled in) beside their schedule: the console's leave and wishes.
      expect(plan.links.files['agents.csv']).toBe(`/v1/plans/${planId}/files/agents.csv`);
      const agents = (await (await get('/files/agents.csv')).text()).trim().split('\n');
      expect(agents[0]).toBe('id,pool,min_hours,max_hours,max_days,unavailable,prefers_off,night');
      expect(agents.length - 1).toBe(6);
      // The cost by day and pool adds up to the total.
      const byDay = plan.cost.by_day as { day: string; pool: string; cost: number }[];
      expect(new Set(byDay.map((d) => d.day)).size).toBe(7);
      expect(byDay.reduce((a, d) => a + d.cost, 0)).toBeCloseTo(plan.cost.total, 0);
      const folder = readdirSync(store).find((n) => n.endsWith(planId))!;
      expect(existsSync(join(store, folder, 'schedule.csv'))).toBe(true);
    });
  }, 300_000);

  it('answers 400 naming the field, line and column of a bad agents file (in the body or a workspace), and 404 for schedule.csv of a plan without one', async () => {
    await withServer({}, async ({ server, keys, store }) => {
      const agents = NAMED_AGENTS_CSV.replace('dee,inhouse,16,24,3', 'dee,inhouse,16,lots,3');
      const r = await postPlan(server.url, keys.planner, { config: namedConfig(), history: syntheticHistory(2, 0.3), agents });
      expect(r.status).toBe(400);
      const body = (await r.json()) as any;
      expect(body.error).toBe('invalid_input');
      expect(body.message).toMatch(/^agents line 5, column max_hours: /);
      expect(body.fields[0].path).toBe('agents');
      expect(readdirSync(store).filter((n) => !n.startsWith('.'))).toEqual([]);
      // A workspace's agents.csv is read like the body's, and named as the file.
      const workspace = join(store, '.team');
      mkdirSync(workspace);
      writeFileSync(join(workspace, 'config.json'), JSON.stringify(namedConfig()));
      writeFileSync(join(workspace, 'history.csv'), syntheticHistory(2, 0.3));
      writeFileSync(join(workspace, 'agents.csv'), agents);
      const fromWorkspace = await postPlan(server.url, keys.planner, { workspace: 'team' });
      expect(fromWorkspace.status).toBe(400);
      expect(((await fromWorkspace.json()) as any).message).toMatch(/^agents\.csv line 5, column max_hours: /);
      expect(readdirSync(store).filter((n) => !n.startsWith('.'))).toEqual([]);
      await fakePlan(store, 'aaaaaaaaaa');
      const get = (path: string) => fetch(`${server.url}/v1/plans/aaaaaaaaaa${path}`, { headers: bearer(keys.finance) });
      expect(((await (await get('')).json()) as any).links.files).not.toHaveProperty(['schedule.csv']);
      expect(((await (await get('')).json()) as any).links.files).not.toHaveProperty(['agents.csv']);
      const missing = await get('/files/schedule.csv');
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as any).message).toMatch(/has no schedule\.csv/);
    });
  });
});

describe('the plan intake of named agents', () => {
  const base = { config: namedConfig(), history: syntheticHistory(2, 0.3) };

  it('takes agents as JSON rows, lists as lists or ;-joined text, night as yes/no or a boolean', () => {
    const { schedule } = planInputs(
      {
        ...base,
        agents: [
          { id: 'a', pool: 'inhouse', unavailable: ['2026-12-01', '2026-12-03..2026-12-04'], prefers_off: ['sat'], night: false },
          { id: 'b', pool: 'inhouse', unavailable: '2026-12-02', prefers_off: 'sat;sun', night: 'yes', max_hours: 32 },
        ],
      },
      tempStore(),
    );
    expect(schedule?.agents).toMatchObject([
      {
        id: 'a',
        unavailable: [
          { from: '2026-12-01', to: '2026-12-01' },
          { from: '2026-12-03', to: '2026-12-04' },
        ],
        prefersOff: ['sat'],
        night: false,
      },
      { id: 'b', unavailable: [{ from: '2026-12-02', to: '2026-12-02' }], prefersOff: ['sat', 'sun'], night: true, maxHours: 32 },
    ]);
  });

  it('reads no rows as none: no shifts last week, no pins, no events', () => {
    const inputs = planInputs({ ...base, agents: NAMED_AGENTS_CSV, previous: [], pins: [], events: [] }, tempStore());
    expect(inputs.schedule).toMatchObject({ previous: [], pins: [] });
    expect(inputs.events).toEqual([]);
  });

  it("takes last week's rows; refuses pins outside the planned week and last week rows that are not before it, naming the row", () => {
    const pins = [{ agent: 'ana', pool: 'inhouse', start: '2026-12-08T09:00', hours: 8 }];
    expect(inputError(() => planInputs({ ...base, agents: NAMED_AGENTS_CSV, pins }, tempStore())).fields).toEqual([
      { path: 'pins.0.start', message: "ana's shift on 2026-12-08 is not in the planned week (2026-11-30 to 2026-12-06)" },
    ]);
    const lastWeek = [{ agent: 'bo', pool: 'inhouse', start: '2026-11-29T16:00', hours: 8 }];
    expect(planInputs({ ...base, agents: NAMED_AGENTS_CSV, previous: lastWeek }, tempStore()).schedule?.previous).toMatchObject([
      { agent: 'bo', date: '2026-11-29', hours: 8 },
    ]);
    const previous = 'agent,pool,start,hours\nbo,inhouse,2026-11-29T16:00,8\nbo,inhouse,2026-11-30T16:00,8\n';
    expect(inputError(() => planInputs({ ...base, agents: NAMED_AGENTS_CSV, previous }, tempStore())).message).toMatch(
      /^previous line 3, column start: bo's shift on 2026-11-30 is not before the planned week/,
    );
  });
});
