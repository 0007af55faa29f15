/**
 * `npm run bench:api`: throughput and latency of the REST API on a loopback server, measured
 * with autocannon. Three figures:
 *  - reading a plan: `GET /v1/plans/{id}` (summary with links) and `GET .../files/roster.json`;
 *  - creating a plan: `POST /v1/plans` (validation and queueing: the answer is the 202);
 *  - a plan job end to end: POST, then polling until it succeeded (sequential, small center).
 * Options: `--duration S` per autocannon run (default 5), `--connections N` (default 10),
 * `--plans N` end-to-end jobs (default 5). Runs with the rate limiter off and logs silenced.
 * Then the scale-out figures (bench/queue.ts: the embedded default against the PostgreSQL queue
 * with 1, 2 and 4 worker processes) on the PostgreSQL server of `SHIFTCAST_BENCH_DATABASE_URL`
 * (a superuser URL: a database is made and dropped), with `--batch N` plans at once (default 40)
 * and `--depth N` queued jobs (default 100); `--only http` or `--only queue` runs one part.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createLogger } from '../api/logger.js';
import { quantile } from '../src/forecast/robust.js';
import { startServer } from '../api/server.js';
import { openStore } from '../src/store/open.js';
import { smallConfig, syntheticHistory, tempStore } from '../test/api/synthetic.js';
import { queueBench } from './queue.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    plans: { type: 'string', default: '5' },
    batch: { type: 'string', default: '40' },
    depth: { type: 'string', default: '100' },
    only: { type: 'string' },
  },
});
const duration = Math.min(60, Number(values.duration));
const connections = Math.min(100, Number(values.connections));
const plans = Math.min(50, Number(values.plans));

if (values.only !== 'queue') await httpBench();
if (values.only !== 'http') {
  const database = process.env.SHIFTCAST_BENCH_DATABASE_URL;
  if (database) await queueBench(database, { batch: Math.min(100, Number(values.batch)), depth: Math.min(1000, Number(values.depth)) });
  else
    console.log(
      '\nscale-out figures skipped: set SHIFTCAST_BENCH_DATABASE_URL to a PostgreSQL superuser URL (a throw-away database is made on it)',
    );
}

/** The HTTP figures on one embedded server. */
async function httpBench(): Promise<void> {
  const store = tempStore();
  const key = (await openStore(store).keys.add('admin', 'bench')).key;
  const auth = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  // A queue deep enough that the POST benchmark measures acceptance, not 429s.
  const server = await startServer({
    store,
    port: 0,
    host: '127.0.0.1',
    workers: 2,
    maxQueued: 1_000_000,
    jobTimeoutSeconds: 300,
    logger: createLogger('silent'),
    rateLimit: false,
  });

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** POSTs a plan and polls until it ends; returns the job and the milliseconds it took. */
  async function planJob(body: string): Promise<{ job: { status: string; plan_id: string }; ms: number }> {
    const began = performance.now();
    const accepted = (await (await fetch(`${server.url}/v1/plans`, { method: 'POST', headers: auth, body })).json()) as { job_id: string };
    for (;;) {
      const job = (await (await fetch(`${server.url}/v1/jobs/${accepted.job_id}`, { headers: auth })).json()) as {
        status: string;
        plan_id: string;
      };
      if (!['queued', 'running'].includes(job.status)) return { job, ms: performance.now() - began };
      await sleep(20);
    }
  }

  async function load(title: string, url: string, opts: Partial<autocannon.Options> = {}): Promise<void> {
    const r = await autocannon({ url, connections, duration, headers: auth, ...opts });
    const bad = r.non2xx + r.errors;
    console.log(
      `${title.padEnd(44)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   (${r.requests.total} requests${bad ? `, ${bad} not 2xx` : ''})`,
    );
  }

  try {
    for (let i = 0; i < 100 && (await fetch(`${server.url}/v1/ready`)).status !== 200; i++) await sleep(100);
    console.log(`shiftcast API bench: ${server.url}, ${connections} connections, ${duration} s per run, node ${process.version}`);

    const runs = [];
    for (let i = 0; i < plans; i++)
      runs.push(await planJob(JSON.stringify({ config: smallConfig(), history: syntheticHistory(4, 1 + i / 10) })));
    if (runs.some((r) => r.job.status !== 'succeeded'))
      throw new Error(`a plan job did not succeed: ${JSON.stringify(runs.map((r) => r.job.status))}`);
    const ms = runs.map((r) => r.ms);
    console.log(
      `${'plan job end to end (POST .. succeeded)'.padEnd(44)} ${(1000 / (ms.reduce((a, b) => a + b, 0) / ms.length)).toFixed(2).padStart(7)} plans/s p50 ${quantile(ms, 0.5).toFixed(0)} ms   p99 ${quantile(ms, 0.99).toFixed(0)} ms   (${plans} sequential plans; p99 of so few is close to their maximum)`,
    );

    const planId = runs[0].job.plan_id;
    await load('GET /v1/plans/{id}', `${server.url}/v1/plans/${planId}`);
    await load('GET /v1/plans/{id}/files/roster.json', `${server.url}/v1/plans/${planId}/files/roster.json`);
    // Creating: a second server with no workers, so that what is measured is the API's acceptance
    // (validate four weeks of history, store the job, queue it) and not solves competing for the
    // CPU in the background. A store has one server (its serve lock), so it gets a store of its own.
    const intakeStore = tempStore();
    const intakeAuth = { ...auth, authorization: `Bearer ${(await openStore(intakeStore).keys.add('admin', 'bench')).key}` };
    const intake = await startServer({
      store: intakeStore,
      port: 0,
      host: '127.0.0.1',
      workers: 0,
      maxQueued: 1_000_000,
      jobTimeoutSeconds: 300,
      logger: createLogger('silent'),
      rateLimit: false,
    });
    try {
      await load('POST /v1/plans (202 accepted)', `${intake.url}/v1/plans`, {
        method: 'POST',
        headers: intakeAuth,
        body: JSON.stringify({ config: smallConfig(), history: syntheticHistory(4) }),
      });
    } finally {
      await intake.close();
      rmSync(intakeStore, { recursive: true, force: true });
    }
  } finally {
    await server.close();
    rmSync(store, { recursive: true, force: true });
  }
}
