/**
 * The scale-out part of `npm run bench:api`: the embedded default (`serve` on a folder store with
 * its two worker threads) against the PostgreSQL queue with 1, 2 and 4 `shiftcast worker`
 * processes, all real processes on this machine. Two figures per set-up:
 *  - throughput: `--batch` distinct small plans sent at once, plans per minute from the first
 *    job's creation to the last job's end;
 *  - queue latency at `--depth` queued jobs: the POST (202) latency while they are queued, and
 *    the dispatch delay, from a job slot freeing (the job before it ended) to the next job's start.
 * And the memory of a process that runs jobs (a worker; the embedded server): resident set once
 * ready, and its peak over the throughput batch (Linux /proc).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createLogger } from '../api/logger.js';
import { quantile } from '../src/forecast/robust.js';
import { startServer } from '../api/server.js';
import { openStore } from '../src/store/open.js';
import { type ShiftcastProcess, startShiftcast } from '../test/api/processes.js';
import { smallConfig, syntheticHistory, tinyConfig } from '../test/api/synthetic.js';
import { shiftcast } from '../test/support/cli.js';

interface Job {
  id: string;
  status: string;
  created: string;
  started: string | null;
  finished: string | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface SetUp {
  name: string;
  /** Worker processes on a database; 0: the embedded server with its two threads on a folder. */
  workers: number;
}

const SET_UPS: SetUp[] = [
  { name: 'embedded (serve --workers 2, folder store)', workers: 0 },
  ...[1, 2, 4].map((n) => ({ name: `PostgreSQL, ${n} worker process${n > 1 ? 'es' : ''}`, workers: n })),
];

/** Job slots of a set-up: the embedded server's two threads, else one per worker process. */
const slots = (setUp: SetUp) => (setUp.workers === 0 ? 2 : setUp.workers);

/**
 * Runs the scale-out figures. Every measurement gets an empty store of its own (a folder, or a
 * database made, migrated and dropped on the server `adminUrl`), so every set-up plans the same
 * inputs from scratch.
 */
export async function queueBench(adminUrl: string, o: { batch: number; depth: number }): Promise<void> {
  console.log(`\nscale-out: ${o.batch} small plans at once; queue latency at ${o.depth} queued tiny plans (set-ups with 2 job slots)`);
  console.log(
    `${'set-up'.padEnd(46)} ${'plans/min'.padStart(9)}  ${'job s p50'.padStart(9)}  ${'RSS ready/peak MB'.padStart(17)}  ${'POST p50/p99 at depth'.padStart(22)}  ${'dispatch p50/p95'.padStart(17)}`,
  );
  const rows: { name: string; perMinute: number; dispatchP50?: number }[] = [];
  for (const setUp of SET_UPS) {
    const { perMinute, runSeconds, readyMb, peakMb } = await inFreshStore(adminUrl, setUp, (store) => throughput(setUp, store, o.batch));
    const memoryText = `${readyMb.toFixed(0)} / ${peakMb.toFixed(0)}`;
    let depthText = '';
    let dispatchText = '';
    let dispatchP50: number | undefined;
    if (slots(setUp) === 2) {
      const d = await inFreshStore(adminUrl, setUp, (store) => depthLatency(setUp, store, o.depth));
      depthText = `${d.postP50.toFixed(0)} / ${d.postP99.toFixed(0)} ms`;
      dispatchText = `${d.dispatchP50.toFixed(0)} / ${d.dispatchP95.toFixed(0)} ms`;
      dispatchP50 = d.dispatchP50;
    }
    rows.push({ name: setUp.name, perMinute, dispatchP50 });
    console.log(
      `${setUp.name.padEnd(46)} ${perMinute.toFixed(1).padStart(9)}  ${runSeconds.toFixed(2).padStart(9)}  ${memoryText.padStart(17)}  ${depthText.padStart(22)}  ${dispatchText.padStart(17)}`,
    );
  }
  const embedded = rows[0];
  const pg2 = rows.find((r) => r.name.includes(', 2 worker'))!;
  console.log(
    `ratio PostgreSQL (2 workers) / embedded (2 threads): throughput ${(pg2.perMinute / embedded.perMinute).toFixed(2)}` +
      (pg2.dispatchP50 !== undefined && embedded.dispatchP50 !== undefined
        ? `, dispatch delay p50 ${pg2.dispatchP50.toFixed(0)} vs ${embedded.dispatchP50.toFixed(0)} ms`
        : ''),
  );
}

/** Runs `measure` on an empty store for the set-up (a temp folder, or a fresh migrated database), removed after. */
async function inFreshStore<T>(adminUrl: string, setUp: SetUp, measure: (store: string) => Promise<T>): Promise<T> {
  if (setUp.workers === 0) {
    const folder = mkdtempSync(join(tmpdir(), 'shiftcast-bench-queue-'));
    try {
      return await measure(folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  const database = `shiftcast_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
    const url = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
    const migrated = await shiftcast(['migrate', '--database', url]);
    if (migrated.code !== 0) throw new Error(`shiftcast migrate failed: ${migrated.stderr}`);
    return await measure(url);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  }
}

/** A server and (for a database) worker processes for one set-up; the key to use them. */
async function start(
  setUp: SetUp,
  store: string,
): Promise<{ url: string; key: string; stop: () => Promise<void>; runners: ShiftcastProcess[] }> {
  const database = setUp.workers > 0;
  const storeArgs = database ? ['--database', store] : ['--store', store];
  const made = await shiftcast(['keys', 'add', '--role', 'admin', ...storeArgs]);
  const key = made.stdout.trim().split('\n').at(-1)!;
  const env = { SHIFTCAST_LOG_LEVEL: 'info' };
  const serve = startShiftcast(['serve', ...storeArgs, '--port', '0', '--queue', '100000', ...(database ? [] : ['--workers', '2'])], env);
  const url = String((await serve.line((l) => l.msg === 'listening', 120_000)).url);
  const workers = database
    ? Array.from({ length: setUp.workers }, () => startShiftcast(['worker', '--database', store, '--concurrency', '1'], env))
    : [];
  for (const w of workers) await w.line((l) => l.msg === 'worker ready', 120_000);
  for (let i = 0; i < 600 && (await fetch(`${url}/v1/ready`)).status !== 200; i++) await sleep(100);
  const all = [serve, ...workers];
  return {
    url,
    key,
    runners: database ? workers : [serve],
    stop: async () => {
      for (const p of all) p.child.kill('SIGTERM');
      await Promise.all(all.map((p) => p.exited));
    },
  };
}

async function post(url: string, key: string, body: unknown): Promise<{ id: string; ms: number }> {
  const began = performance.now();
  const r = await fetch(`${url}/v1/plans`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (r.status !== 202) throw new Error(`POST /v1/plans answered ${r.status}: ${await r.text()}`);
  return { id: ((await r.json()) as { job_id: string }).job_id, ms: performance.now() - began };
}

/**
 * Polls the store's job counts (not the API, whose rate limit a hundred jobs polled would trip,
 * and one cheap query, so the polling takes little from the set-up measured) until every job of
 * the store, which has only this measurement's, has ended; all must have succeeded.
 */
async function ended(location: string, ids: string[]): Promise<Job[]> {
  const store = openStore(location);
  try {
    for (let counts = await store.jobs.counts(); counts.queued + counts.running > 0; counts = await store.jobs.counts()) await sleep(250);
    const jobs = (await Promise.all(ids.map((id) => store.jobs.get(id)))) as Job[];
    const failed = jobs.filter((j) => j.status !== 'succeeded');
    if (failed.length > 0) throw new Error(`${failed.length} jobs did not succeed: ${JSON.stringify(failed[0])}`);
    return jobs;
  } finally {
    await store.close();
  }
}

/** A process's resident set now and at its peak, MB (Linux: /proc/PID/status). */
function memory(p: ShiftcastProcess): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${p.child.pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Plans per minute: `batch` distinct small plans sent at once, first creation to last end; the job runners' memory. */
async function throughput(
  setUp: SetUp,
  store: string,
  batch: number,
): Promise<{ perMinute: number; runSeconds: number; readyMb: number; peakMb: number }> {
  const s = await start(setUp, store);
  try {
    const readyMb = Math.max(...s.runners.map((p) => memory(p).rss));
    const bodies = Array.from({ length: batch }, (_, i) => ({
      config: smallConfig(),
      history: syntheticHistory(4, 1 + i / batch, i + 1),
    }));
    const ids = (await Promise.all(bodies.map((b) => post(s.url, s.key, b)))).map((p) => p.id);
    const jobs = await ended(store, ids);
    const first = Math.min(...jobs.map((j) => Date.parse(j.created)));
    const last = Math.max(...jobs.map((j) => Date.parse(j.finished!)));
    const peakMb = Math.max(...s.runners.map((p) => memory(p).peak));
    const runSeconds = quantile(
      jobs.map((j) => (Date.parse(j.finished!) - Date.parse(j.started!)) / 1000),
      0.5,
    );
    return { perMinute: (batch / (last - first)) * 60_000, runSeconds, readyMb, peakMb };
  } finally {
    await s.stop();
  }
}

/**
 * Queue latency with `depth` tiny plans queued: first they are sent to a server with no job slots
 * (so the queue really reaches that depth; the POST latency is measured as it fills), then the
 * set-up's own processes drain it (the embedded server takes over the store's queued jobs at
 * start). The dispatch delay of a job is its start less the latest end, before it, of another
 * job: the slot it took.
 */
async function depthLatency(setUp: SetUp, store: string, depth: number) {
  const intake = await startServer({
    store,
    port: 0,
    host: '127.0.0.1',
    workers: 0,
    maxQueued: 100_000,
    jobTimeoutSeconds: 900,
    logger: createLogger('silent'),
    rateLimit: false,
  });
  const keys = openStore(store);
  const key = (await keys.keys.add('admin', 'bench depth')).key;
  await keys.close();
  const posts: { id: string; ms: number }[] = [];
  try {
    for (let i = 0; i < depth; i++)
      posts.push(await post(intake.url, key, { config: tinyConfig(), history: syntheticHistory(3, 1 + i / depth, 5000 + i) }));
  } finally {
    await intake.close();
  }
  const s = await start(setUp, store);
  try {
    const jobs = await ended(
      store,
      posts.map((p) => p.id),
    );
    const ends = jobs.map((j) => Date.parse(j.finished!));
    const dispatch = jobs
      .map((j) => Date.parse(j.started!))
      .map((start) => start - Math.max(...ends.filter((e) => e <= start), Number.NEGATIVE_INFINITY))
      .filter(Number.isFinite);
    const ms = posts.map((p) => p.ms);
    return {
      postP50: quantile(ms, 0.5),
      postP99: quantile(ms, 0.99),
      dispatchP50: quantile(dispatch, 0.5),
      dispatchP95: quantile(dispatch, 0.95),
    };
  } finally {
    await s.stop();
  }
}
