import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../api/logger.js';
import { runWorkerProcess, type WorkerProcess } from '../../api/workerProcess.js';
import type { RunningServer } from '../../api/server.js';
import { planInputs } from '../../api/planInputs.js';
import { openStore } from '../../src/store/open.js';
import { noPostgres, testDatabase } from '../support/postgres.js';
import { bearer, heavyConfig, postPlan, serve, syntheticHistory, tinyConfig, waitForJob } from './support.js';

/** The PostgreSQL queue in this process: servers and workers as `serve` and `worker` build them. */
describe.skipIf(noPostgres)('the PostgreSQL job queue', () => {
  const running: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const r of running.splice(0).reverse()) await r.close();
  });

  const setup = async () => {
    const url = await testDatabase();
    const key = (await openStore(url).keys.add('admin', 'test')).key;
    return { url, key };
  };
  const server = async (url: string, o: { maxQueued?: number } = {}): Promise<RunningServer> => {
    const s = await serve(url, { maxQueued: o.maxQueued ?? 50 });
    running.push(s);
    return s;
  };
  const worker = async (url: string, o: { jobTimeout?: number; grace?: number; staleAfter?: number } = {}): Promise<WorkerProcess> => {
    const w = await runWorkerProcess({
      database: url,
      concurrency: 1,
      jobTimeout: o.jobTimeout ?? 300,
      staleAfter: o.staleAfter ?? 30,
      metricsPort: 0,
      metricsHost: '127.0.0.1',
      logger: createLogger('silent'),
    });
    running.push({ close: () => w.close(o.grace ?? 5) });
    return w;
  };
  const tiny = (scale = 1) => ({ config: tinyConfig(), history: syntheticHistory(3, scale) });
  const heavy = (seconds: number) => ({ config: heavyConfig(seconds), history: syntheticHistory(8, 20) });
  const jobId = async (r: Response) => ((await r.json()) as { job_id: string }).job_id;

  it('is not ready without a worker, refuses jobs past the queue limit with Retry-After, and runs them once a worker comes', async () => {
    const { url, key } = await setup();
    const s = await server(url, { maxQueued: 2 });
    const notReady = await fetch(`${s.url}/v1/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ checks: { store: true, queue: true, workers: false } });
    const first = await postPlan(s.url, key, tiny(1));
    const second = await postPlan(s.url, key, tiny(2));
    expect([first.status, second.status]).toEqual([202, 202]);
    const third = await postPlan(s.url, key, tiny(3));
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    await worker(url);
    expect((await fetch(`${s.url}/v1/ready`)).status).toBe(200);
    for (const r of [first, second]) expect((await waitForJob(s.url, key, await jobId(r), 120_000)).status).toBe('succeeded');
  }, 180_000);

  it('runs a queued job that no queue message carries (its server died before sending it)', async () => {
    const { url, key } = await setup();
    const s = await server(url);
    const store = openStore(url);
    const job = await store.jobs.create('plan', { kind: 'plan', inputs: planInputs(tiny(), null) });
    await store.jobs.update(job.id, { created: new Date(Date.now() - 120_000).toISOString() });
    await worker(url, { staleAfter: 3 });
    expect(await waitForJob(s.url, key, job.id, 60_000)).toMatchObject({ status: 'succeeded', attempts: 1 });
    await store.close();
  }, 120_000);

  it('refuses a workspace request (a database has no workspace folders), storing no job', async () => {
    const { url, key } = await setup();
    const s = await server(url);
    const r = await postPlan(s.url, key, { workspace: 'sample-center' });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ error: 'invalid_input', fields: [{ path: 'workspace' }] });
    expect(await openStore(url).jobs.all()).toEqual([]);
  });

  it('cancels a running solve from another server: the worker stops it and no plan is stored', async () => {
    const { url, key } = await setup();
    const [s1, s2] = [await server(url), await server(url)];
    await worker(url);
    const id = await jobId(await postPlan(s1.url, key, heavy(60)));
    expect((await waitForJob(s1.url, key, id, 60_000, (st) => st !== 'queued')).status).toBe('running');
    const r = await fetch(`${s2.url}/v1/jobs/${id}`, { method: 'DELETE', headers: bearer(key) });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ status: 'cancelled', stage: 'done' });
    expect((await openStore(url).plans.scan()).plans).toEqual([]);
    // The worker goes on with the next job.
    expect((await waitForJob(s1.url, key, await jobId(await postPlan(s1.url, key, tiny())), 120_000)).status).toBe('succeeded');
  }, 180_000);

  it('fails a job over its time limit, with the reason', async () => {
    const { url, key } = await setup();
    const s = await server(url);
    await worker(url, { jobTimeout: 1 });
    const job = await waitForJob(s.url, key, await jobId(await postPlan(s.url, key, heavy(60))), 120_000);
    expect(job.status).toBe('failed');
    expect(job.error).toEqual({ error: 'timeout', message: 'the job ran over its time limit of 1 s' });
  }, 180_000);

  it('hands a running job back when its worker stops, and another worker runs it', async () => {
    const { url, key } = await setup();
    const s = await server(url);
    const first = await worker(url);
    const id = await jobId(await postPlan(s.url, key, heavy(4)));
    expect((await waitForJob(s.url, key, id, 60_000, (st) => st !== 'queued')).status).toBe('running');
    running.pop();
    await first.close(0);
    expect((await openStore(url).jobs.get(id))?.status).toBe('queued');
    await worker(url);
    const job = await waitForJob(s.url, key, id, 120_000);
    expect(job).toMatchObject({ status: 'succeeded', attempts: 2 });
  }, 180_000);

  it('exposes Prometheus metrics: jobs by state and HTTP latency on the server, queue wait, run seconds and gap on the worker', async () => {
    const { url, key } = await setup();
    const s = await server(url);
    const w = await worker(url);
    expect((await waitForJob(s.url, key, await jobId(await postPlan(s.url, key, tiny())), 120_000)).status).toBe('succeeded');
    const served = await (await fetch(`${s.url}/metrics`)).text();
    expect(served).toMatch(/^shiftcast_jobs\{state="succeeded"\} 1$/m);
    expect(served).toMatch(/^shiftcast_http_request_duration_seconds_count\{method="POST",route="\/v1\/plans",status="202"\} 1$/m);
    const worked = await (await fetch(w.metricsUrl!)).text();
    expect(worked).toMatch(/^shiftcast_job_queue_wait_seconds_count\{kind="plan"\} 1$/m);
    expect(worked).toMatch(/^shiftcast_job_run_seconds_count\{kind="plan",status="succeeded"\} 1$/m);
    expect(worked).toMatch(/^shiftcast_solver_gap_count 1$/m);
  }, 180_000);
});
