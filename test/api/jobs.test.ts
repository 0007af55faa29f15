import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server.js';
import {
  bearer,
  withServer,
  heavyConfig,
  makeKeys,
  postPlan,
  serve,
  smallConfig,
  syntheticHistory,
  tempStore,
  tinyConfig,
  verifyPlanThroughApi,
  waitForJob,
  waitReady,
  wholePlanFolders,
} from './support.js';

const body = (scale = 1, weeks = 4) => ({ config: smallConfig(), history: syntheticHistory(weeks, scale) });
const tiny = (scale = 1) => ({ config: tinyConfig(), history: syntheticHistory(3, scale) });
/** A job that is still solving seconds after it starts. */
const heavy = (timeLimitSeconds: number) => ({ config: heavyConfig(timeLimitSeconds), history: syntheticHistory(8, 20) });

describe('plan jobs end to end', async () => {
  const store = tempStore();
  const keys = await makeKeys(store);
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(store, { workers: 1 });
    await waitReady(server.url);
  });
  afterAll(() => server.close());

  it('plans a small synthetic center: 202 with a job URL, then a verified roster through the API', async () => {
    const r = await postPlan(server.url, keys.planner, body());
    expect(r.status).toBe(202);
    const accepted = (await r.json()) as any;
    expect(r.headers.get('location')).toBe(accepted.status_url);
    expect(accepted.status_url).toBe(`/v1/jobs/${accepted.job_id}`);
    const job = await waitForJob(server.url, keys.finance, accepted.job_id);
    expect(job.error).toBeNull();
    expect(job).toMatchObject({ kind: 'plan', status: 'succeeded', stage: 'done', attempts: 1 });
    expect(job.plan_id).toMatch(/^[0-9a-f]{10}$/);
    expect(job.result).toMatchObject({ plan_id: job.plan_id, created: true, url: `/v1/plans/${job.plan_id}` });
    const listed = ((await (await fetch(`${server.url}/v1/plans`, { headers: bearer(keys.finance) })).json()) as any).plans;
    expect(listed.map((p: { plan_id: string }) => p.plan_id)).toContain(job.plan_id);
    const summary = (await (await fetch(`${server.url}/v1/plans/${job.plan_id}`, { headers: bearer(keys.finance) })).json()) as any;
    expect(summary.week_start).toMatch(/^2026-11-30/);
    await verifyPlanThroughApi(server.url, keys.finance, job.plan_id);
    expect(wholePlanFolders(store)).toHaveLength(1);
  });

  it('runs a scenario grid on a plan as a job whose result is the scenarios JSON', async () => {
    const planned = await waitForJob(
      server.url,
      keys.planner,
      ((await (await postPlan(server.url, keys.planner, body())).json()) as any).job_id,
    );
    const r = await fetch(`${server.url}/v1/plans/${planned.plan_id}/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(keys.finance) },
      body: JSON.stringify({ vary: { max_outsourced_share: [0.2, 0.45, null] } }),
    });
    expect(r.status).toBe(202);
    const job = await waitForJob(server.url, keys.finance, ((await r.json()) as any).job_id);
    expect(job).toMatchObject({ kind: 'scenarios', status: 'succeeded', plan_id: planned.plan_id });
    expect(job.result.points.map((p: any) => p.set)).toEqual([
      { max_outsourced_share: 0.2 },
      { max_outsourced_share: 0.45 },
      { max_outsourced_share: null },
    ]);
    const [tight, loose, none] = job.result.points;
    // A looser cap on the cheaper vendor, or none (null), can only lower the cost.
    expect(loose.cost.total).toBeLessThanOrEqual(tight.cost.total + 1e-6);
    expect(none.cost.total).toBeLessThanOrEqual(loose.cost.total + 1e-6);
    expect(job.result).toHaveProperty('marginal_cost_per_service_level_point');
    // A queue the plan's demand lacks is a 400 naming the field, before any job exists.
    const unknown = await fetch(`${server.url}/v1/plans/${planned.plan_id}/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(keys.finance) },
      body: JSON.stringify({ vary: { 'demand.queues.refunds.bot_deflection': [0.85, 0.9] } }),
    });
    expect(unknown.status).toBe(400);
    const answer = (await unknown.json()) as any;
    expect(answer.fields).toEqual([
      { path: 'vary.demand.queues.refunds.bot_deflection', message: expect.stringMatching(/no queue "refunds"/) },
    ]);
  });

  it('gives history sent as JSON rows the same plan as the same history sent as CSV', async () => {
    const csv = await waitForJob(
      server.url,
      keys.planner,
      ((await (await postPlan(server.url, keys.planner, body())).json()) as any).job_id,
    );
    const rows = syntheticHistory(4)
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [timestamp, contacts] = line.split(',');
        return { timestamp, contacts: Number(contacts) };
      });
    const json = await waitForJob(
      server.url,
      keys.planner,
      ((await (await postPlan(server.url, keys.planner, { config: smallConfig(), history: rows })).json()) as any).job_id,
    );
    expect(json.status).toBe('succeeded');
    expect(json.plan_id).toBe(csv.plan_id);
    expect(json.result.created).toBe(false);
  });

  it('plans from a server-side workspace, the same plan as the same files sent in the body', async () => {
    const folder = join(store, '.center-a');
    mkdirSync(folder);
    writeFileSync(join(folder, 'history.csv'), syntheticHistory(4));
    writeFileSync(join(folder, 'config.json'), JSON.stringify(smallConfig()));
    const fromBody = await waitForJob(
      server.url,
      keys.planner,
      ((await (await postPlan(server.url, keys.planner, body())).json()) as any).job_id,
    );
    const fromWorkspace = await waitForJob(
      server.url,
      keys.planner,
      ((await (await postPlan(server.url, keys.planner, { workspace: 'center-a' })).json()) as any).job_id,
    );
    expect(fromWorkspace.status).toBe('succeeded');
    expect(fromWorkspace.plan_id).toBe(fromBody.plan_id);
  });

  it('reports a plan-time input problem as a failed job with invalid_input', async () => {
    // History that ends long before the planned week: valid rows, but too old to plan from.
    const r = await postPlan(server.url, keys.planner, { ...body(), week: '2027-06-07' });
    const job = await waitForJob(server.url, keys.planner, ((await r.json()) as any).job_id);
    expect(job.status).toBe('failed');
    expect(job.error.error).toBe('invalid_input');
    expect(job.error.message).not.toMatch(/\/work|\.ts:\d+/);
  });
});

describe('the job queue', () => {
  it('answers 429 busy with Retry-After when full, storing nothing for the refused job', async () => {
    await withServer({ workers: 1, maxQueued: 2 }, async ({ server, keys, store }) => {
      // The first (long) job goes straight to the worker; two wait; the fourth finds the queue full.
      const statuses: number[] = [];
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await postPlan(server.url, keys.planner, i === 0 ? heavy(4) : tiny(1 + i / 10));
        statuses.push(r.status);
        const answer = (await r.json()) as any;
        if (r.status === 202) ids.push(answer.job_id);
        else {
          expect(answer.error).toBe('busy');
          expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        }
      }
      expect(statuses).toEqual([202, 202, 202, 429]);
      expect(readdirSync(`${store}/.jobs`).filter((f) => /^[0-9a-f]{16}\.json$/.test(f))).toHaveLength(3);
      for (const id of ids.slice(1)) {
        const r = await fetch(`${server.url}/v1/jobs/${id}`, { method: 'DELETE', headers: bearer(keys.planner) });
        expect(r.status).toBe(200);
        expect(((await r.json()) as any).status).toBe('cancelled');
      }
      const first = await waitForJob(server.url, keys.planner, ids[0]);
      expect(first.status).toBe('succeeded');
      // Cancelling a job that has ended is a conflict, not a silent success.
      const again = await fetch(`${server.url}/v1/jobs/${ids[0]}`, { method: 'DELETE', headers: bearer(keys.admin) });
      expect(again.status).toBe(409);
      expect(wholePlanFolders(store)).toHaveLength(1);
    });
  });
});

describe('cancellation and time limits', () => {
  it("shows the solver's incumbent and bound in a running job's progress", async () => {
    await withServer({ workers: 1 }, async ({ server, keys }) => {
      const id = ((await (await postPlan(server.url, keys.planner, heavy(60))).json()) as any).job_id;
      let job: Record<string, any>;
      const end = Date.now() + 90_000;
      do {
        job = (await (await fetch(`${server.url}/v1/jobs/${id}`, { headers: bearer(keys.finance) })).json()) as Record<string, any>;
        if (job.progress.bound !== null || ['succeeded', 'failed', 'cancelled'].includes(job.status)) break;
        await new Promise((r) => setTimeout(r, 200));
      } while (Date.now() < end);
      expect(job.status).toBe('running');
      expect(job.stage).toBe('roster');
      expect(job.progress.bound).toBeGreaterThan(0);
      await fetch(`${server.url}/v1/jobs/${id}`, { method: 'DELETE', headers: bearer(keys.planner) });
    });
  });

  it('cancels a running job: the worker is stopped and replaced, and no plan folder appears', async () => {
    await withServer({ workers: 1 }, async ({ server, keys, store }) => {
      const id = ((await (await postPlan(server.url, keys.planner, heavy(60))).json()) as any).job_id;
      const running = await waitForJob(server.url, keys.planner, id, 30_000, (s) => s !== 'queued');
      expect(running.status).toBe('running');
      const r = await fetch(`${server.url}/v1/jobs/${id}`, { method: 'DELETE', headers: bearer(keys.planner) });
      expect(r.status).toBe(200);
      expect((await r.json()) as any).toMatchObject({ status: 'cancelled', stage: 'done' });
      await waitReady(server.url);
      expect((await waitForJob(server.url, keys.planner, id)).status).toBe('cancelled');
      expect(wholePlanFolders(store)).toEqual([]);
      // The replaced worker takes the next job.
      const next = await waitForJob(
        server.url,
        keys.planner,
        ((await (await postPlan(server.url, keys.planner, tiny())).json()) as any).job_id,
      );
      expect(next.status).toBe('succeeded');
    });
  });

  it('fails a job that runs over the per-job time limit, with the reason', async () => {
    await withServer({ workers: 1, jobTimeoutSeconds: 1 }, async ({ server, keys, store }) => {
      const job = await waitForJob(
        server.url,
        keys.planner,
        ((await (await postPlan(server.url, keys.planner, heavy(60))).json()) as any).job_id,
      );
      expect(job.status).toBe('failed');
      expect(job.error).toEqual({ error: 'timeout', message: 'the job ran over its time limit of 1 s' });
      expect(wholePlanFolders(store)).toEqual([]);
      await waitReady(server.url);
    });
  });
});

describe('20 plan jobs at once', () => {
  it('finishes all of them, each roster verified', async () => {
    await withServer({ workers: 2, maxQueued: 25 }, async ({ server, keys, store }) => {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          postPlan(server.url, keys.planner, { config: tinyConfig(), history: syntheticHistory(3, 1 + i / 20, i + 1) }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(new Array(20).fill(202));
      const ids = await Promise.all(answers.map(async (a) => ((await a.json()) as any).job_id as string));
      const jobs = await Promise.all(ids.map((id) => waitForJob(server.url, keys.finance, id, 600_000)));
      expect(jobs.map((j) => j.status)).toEqual(new Array(20).fill('succeeded'));
      expect(new Set(jobs.map((j) => j.plan_id)).size).toBe(20);
      for (const j of jobs) await verifyPlanThroughApi(server.url, keys.finance, j.plan_id);
      expect(wholePlanFolders(store)).toHaveLength(20);
    });
  }, 600_000);
});
