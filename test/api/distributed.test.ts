import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_QUEUE, startBoss } from '../../api/jobs/boss.js';
import { shiftcast } from '../support/cli.js';
import { noPostgres, testDatabase } from '../support/postgres.js';
import { type ShiftcastProcess, startShiftcast } from './processes.js';
import { bearer, fetchPolitely, postPlan, smallConfig, syntheticHistory, waitForJob } from './support.js';

/**
 * SPEC section 5, "More than one machine", with real processes on a real PostgreSQL: two
 * stateless servers and two workers share one database; a worker is killed (SIGKILL) in the
 * middle of a solve; every job still ends exactly once, and every plan is whole on both servers.
 */
describe.skipIf(noPostgres)('two servers and two workers on one database', () => {
  let url: string;
  let key: string;
  let db: pg.Pool;
  const processes: ShiftcastProcess[] = [];

  beforeAll(async () => {
    url = await testDatabase();
    db = new pg.Pool({ connectionString: url, max: 2 });
    const made = await shiftcast(['keys', 'add', '--role', 'admin', '--database', url]);
    expect(made.code, made.stderr).toBe(0);
    key = made.stdout.trim().split('\n').at(-1)!;
  });

  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGKILL');
    await db?.end();
  });

  const startWorker = () => {
    const w = startShiftcast(['worker', '--database', url, '--concurrency', '2', '--stale-after', '4', '--grace', '5']);
    processes.push(w);
    return w;
  };
  const startServe = async () => {
    const s = startShiftcast(['serve', '--database', url, '--port', '0', '--queue', '1000']);
    processes.push(s);
    return { process: s, url: String((await s.line((l) => l.msg === 'listening')).url) };
  };

  it('runs twenty plans sent to both servers exactly once, through a worker killed mid-solve', async () => {
    const [a, b] = [startWorker(), startWorker()];
    const workerA = String((await a.line((l) => l.msg === 'worker ready')).worker);
    await b.line((l) => l.msg === 'worker ready');
    const servers = [await startServe(), await startServe()];
    for (const s of servers) expect((await fetch(`${s.url}/v1/ready`)).status).toBe(200);

    // Twenty distinct centers, alternately to each server.
    const bodies = Array.from({ length: 20 }, (_, i) => ({ config: smallConfig(), history: syntheticHistory(4, 1 + i / 20, i + 1) }));
    const ids: string[] = [];
    for (const [i, body] of bodies.entries()) {
      const r = await postPlan(servers[i % 2].url, key, body);
      expect(r.status).toBe(202);
      ids.push(((await r.json()) as { job_id: string }).job_id);
    }

    // Worker A is killed while it solves: the first moment the store shows a job running on it.
    let killed: string[] = [];
    for (const end = Date.now() + 60_000; killed.length === 0 && Date.now() < end; ) {
      const { rows } = await db.query<{ id: string }>(`SELECT id FROM shiftcast.jobs WHERE status = 'running' AND worker = $1`, [workerA]);
      if (rows.length > 0) {
        a.child.kill('SIGKILL');
        killed = rows.map((r) => r.id);
      } else await new Promise((r) => setTimeout(r, 20));
    }
    expect(killed.length, 'a job was running on worker A when it was killed').toBeGreaterThan(0);
    expect(await a.exited).toBe('SIGKILL');
    // A may have claimed a second job between that look and the kill: now that it is dead, what
    // the store still shows running on it is what it was running (the stale sweep takes 4 s).
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM shiftcast.jobs WHERE status = 'running' AND worker = $1`, [workerA]);
    killed = [...new Set([...killed, ...rows.map((r) => r.id)])];

    const ended = await Promise.all(ids.map((id, i) => waitForJob(servers[(i + 1) % 2].url, key, id, 180_000)));
    expect(ended.map((j) => j.status)).toEqual(ids.map(() => 'succeeded'));
    // The killed jobs ran again on B (a second start); the others once.
    for (const job of ended) expect(job.attempts).toBe(killed.includes(job.id) ? 2 : 1);

    // Exactly once: each job's end is logged once, by the one worker that owned it.
    const endLines = [...a.lines, ...b.lines].filter((l) => l.msg === 'job ended');
    for (const id of ids) expect(endLines.filter((l) => l.job_id === id).length, `ends of job ${id}`).toBe(1);
    for (const id of killed) expect(b.lines.some((l) => l.msg === 'job ended' && l.job_id === id)).toBe(true);

    // Twenty plans, each whole and readable from both servers.
    const planIds = ended.map((j) => String(j.plan_id));
    expect(new Set(planIds).size).toBe(20);
    for (const s of servers)
      for (const id of planIds) {
        const summary = await fetchPolitely(`${s.url}/v1/plans/${id}`, { headers: bearer(key) });
        expect(summary.status).toBe(200);
        const roster = await fetchPolitely(`${s.url}/v1/plans/${id}/files/roster.json`, { headers: bearer(key) });
        expect(roster.status).toBe(200);
        expect(Array.isArray(((await roster.json()) as { shifts: unknown[] }).shifts)).toBe(true);
      }
    const listed = (await (await fetchPolitely(`${servers[0].url}/v1/plans?limit=100`, { headers: bearer(key) })).json()) as {
      plans: { plan_id: string }[];
    };
    expect(listed.plans.map((p) => p.plan_id).sort()).toEqual([...planIds].sort());
  }, 300_000);

  it('gives one plan for the same inputs sent to both servers at once', async () => {
    const servers = [await startServe(), await startServe()];
    if (processes.filter((p) => p.child.exitCode === null && p.lines.some((l) => l.msg === 'worker ready')).length === 0) startWorker();
    const body = { config: smallConfig(), history: syntheticHistory(4, 3, 99) };
    const accepted = await Promise.all(servers.map((s) => postPlan(s.url, key, body)));
    const ids = await Promise.all(accepted.map(async (r) => ((await r.json()) as { job_id: string }).job_id));
    const jobs = await Promise.all(ids.map((id) => waitForJob(servers[0].url, key, id, 120_000)));
    expect(jobs.map((j) => j.status)).toEqual(['succeeded', 'succeeded']);
    expect(jobs[0].plan_id).toBe(jobs[1].plan_id);
    expect(jobs.map((j) => j.result.created).sort()).toEqual([false, true]);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM shiftcast.plans WHERE split_part(name, '_', 2) = $1`, [
      jobs[0].plan_id,
    ]);
    expect(rows[0].n).toBe(1);
  }, 180_000);

  it('stops every process cleanly on SIGTERM', async () => {
    const alive = processes.filter((p) => p.child.exitCode === null && p.child.signalCode === null);
    expect(alive.length).toBeGreaterThan(0);
    for (const p of alive) p.child.kill('SIGTERM');
    expect(await Promise.all(alive.map((p) => p.exited))).toEqual(alive.map(() => 0));
  }, 60_000);
});

describe.skipIf(noPostgres)('a job whose queue message a worker took and never claimed', () => {
  it('is sent again by a live worker once the message is held past --stale-after, and runs once', async () => {
    const url = await testDatabase();
    const made = await shiftcast(['keys', 'add', '--role', 'admin', '--database', url]);
    expect(made.code, made.stderr).toBe(0);
    const key = made.stdout.trim().split('\n').at(-1)!;
    const serve = startShiftcast(['serve', '--database', url, '--port', '0']);
    const boss = await startBoss(url, { supervise: false, logger: pino({ level: 'silent' }) });
    let worker: ShiftcastProcess | null = null;
    try {
      const base = String((await serve.line((l) => l.msg === 'listening')).url);
      const r = await postPlan(base, key, { config: smallConfig(), history: syntheticHistory(4, 1, 7) });
      expect(r.status).toBe(202);
      const id = ((await r.json()) as { job_id: string }).job_id;
      // A worker that dies between taking the message and claiming the job: a take, no claim.
      let taken: { data: { id: string } }[] = [];
      for (const end = Date.now() + 10_000; taken.length === 0 && Date.now() < end; ) {
        taken = await boss.fetch<{ id: string }>(JOB_QUEUE);
        if (taken.length === 0) await new Promise((done) => setTimeout(done, 50));
      }
      expect(taken.map((m) => m.data.id)).toEqual([id]);
      worker = startShiftcast(['worker', '--database', url, '--concurrency', '1', '--stale-after', '3']);
      const ended = await waitForJob(base, key, id, 60_000);
      expect(ended.status).toBe('succeeded');
      expect(ended.attempts).toBe(1);
      expect(worker.lines.some((l) => l.job_id === id && /whose message a silent worker took/.test(String(l.msg)))).toBe(true);
    } finally {
      await boss.stop({ graceful: false, wait: true });
      for (const p of [serve, worker]) p?.child.kill('SIGKILL');
    }
  }, 120_000);
});
