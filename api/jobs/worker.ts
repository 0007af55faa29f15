import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { JobRecord } from '../../src/store/jobRecord.js';
import type { PgStore } from '../../src/store/postgres/pgStore.js';
import { TaskPool } from '../../src/workers/pool.js';
import type { TaskMessage } from '../../src/workers/tasks.js';
import { type JobMetrics, secondsBetween } from '../metrics.js';
import { deliveryOptions, heldSince, JOB_QUEUE, type JobMessage } from './boss.js';
import { isUserFailure, jobFailure, runJobTask } from './execute.js';
import type { JobTask } from './jobTask.js';
import { KEEP_JOBS_DAYS } from './queue.js';

/** Settings of `shiftcast worker`. */
export interface WorkerOptions {
  store: PgStore;
  boss: PgBoss;
  /** Jobs run at once, each on a worker thread. */
  concurrency: number;
  /** Per-job time limit, seconds. */
  jobTimeoutSeconds: number;
  /** A running job whose worker has not been heard of for this long is taken over. */
  staleAfterSeconds: number;
  /** Starts a job gets; a job whose worker died this often ends failed. */
  maxAttempts: number;
  logger: Logger;
  metrics?: JobMetrics;
}

/** A worker process at work. */
export interface RunningWorker {
  /** `host:pid:random`, as the store records who runs a job. */
  id: string;
  /**
   * Stops taking jobs, lets running ones finish for up to `graceSeconds`, then stops the rest and
   * hands them back to the queue (another worker runs them again from the start).
   */
  close(graceSeconds: number): Promise<void>;
}

/** How often a worker says it is alive and looks for cancel requests of its jobs. */
const HEARTBEAT_MS = 1000;
/** A queued job without a queue message this old was lost by its server, not still being sent. */
const UNSENT_AFTER_SECONDS = 60;
/** How often the queue is polled when it was empty (pg-boss's least is 0.5 s). */
const POLL_SECONDS = 0.5;

/** Why a running job's thread was stopped. */
type StopReason = 'cancel' | 'timeout' | 'shutdown';

interface Running {
  stop: AbortController;
  why: StopReason | null;
  /** Settles once the job's handler has finished with the store. */
  done: Promise<void>;
}

/** Thrown out of a pg-boss handler so the job is delivered again (with backoff) to some worker. */
class HandBack extends Error {}

/**
 * A `shiftcast worker`: takes job ids from pg-boss and runs each job on a worker thread. The
 * store's job record, not the message, decides who runs a job: a worker first claims the record
 * (queued -> running, one winner), so a message delivered twice runs the job once, and every
 * end is written only by the job's current owner. Each second the worker marks its jobs alive
 * and picks up cancel requests; every worker also takes over the jobs of workers that went silent.
 */
export async function startWorker(o: WorkerOptions): Promise<RunningWorker> {
  const { jobs } = o.store;
  const me = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const log = o.logger.child({ worker: me });
  const pool = new TaskPool(o.concurrency, {
    eager: true,
    onError: (e) => log.error({ err: e }, 'a worker thread failed outside any job'),
  });
  await pool.warm();
  const running = new Map<string, Running>();
  let stopping = false;

  const handle = async ([message]: PgBoss.Job<JobMessage>[]): Promise<void> => {
    const id = message.data.id;
    if (stopping) throw new HandBack('the worker is stopping');
    const job = await jobs.claim(id, me);
    // Ended, cancelled, or already run by another worker: this message has nothing left to do.
    if (!job) return;
    o.metrics?.started(job.kind, secondsBetween(job.created, new Date(job.started!)));
    log.info({ job_id: id, attempt: job.attempts }, 'job started');
    let settle = () => {};
    const run: Running = { stop: new AbortController(), why: null, done: new Promise<void>((r) => (settle = r)) };
    running.set(id, run);
    try {
      await runClaimed(job, run);
    } finally {
      running.delete(id);
      settle();
    }
  };

  /** Runs a claimed job to its end, or hands it back (throws HandBack) when it must run again. */
  const runClaimed = async (job: JobRecord, run: Running): Promise<void> => {
    const { id } = job;
    const stopFor = (why: StopReason) => {
      run.why ??= why;
      run.stop.abort();
    };
    const timer = setTimeout(() => stopFor('timeout'), o.jobTimeoutSeconds * 1000);
    let reported = Promise.resolve();
    const onMessage = (m: TaskMessage) => {
      const progress = m.progress ? { incumbent: m.progress.incumbent, bound: m.progress.bound, gap: m.progress.gap } : undefined;
      reported = reported
        .then(() => (run.stop.signal.aborted ? undefined : jobs.updateOwned(id, me, { stage: m.stage, ...(progress ? { progress } : {}) })))
        .then(
          () => {},
          (e) => log.error({ job_id: id, err: e }, 'a job store call failed'),
        );
    };
    let end: { status: 'succeeded' | 'failed' | 'cancelled'; change: Partial<JobRecord>; gap: number | null };
    try {
      const task = await jobs.inputs<JobTask>(id);
      const outcome = await runJobTask(pool, task, o.store.address, { signal: run.stop.signal, onMessage });
      end = { status: 'succeeded', change: outcome.change, gap: outcome.gap };
    } catch (e) {
      await reported;
      if (run.why === 'cancel') end = { status: 'cancelled', change: {}, gap: null };
      else if (run.why === 'timeout')
        end = {
          status: 'failed',
          change: { error: { error: 'timeout', message: `the job ran over its time limit of ${o.jobTimeoutSeconds} s` } },
          gap: null,
        };
      else if (run.why === 'shutdown' || (!isUserFailure(e) && job.attempts < o.maxAttempts)) {
        // Not the job's fault (this worker is stopping, or lost its thread or the database): it runs again.
        await jobs.updateOwned(id, me, { status: 'queued', stage: 'queued' });
        log.warn({ job_id: id, reason: run.why ?? (e as Error).message }, 'job handed back to the queue');
        throw new HandBack(`job ${id} handed back`);
      } else end = { status: 'failed', change: jobFailure(id, e as Error, log), gap: null };
    } finally {
      clearTimeout(timer);
    }
    await reported;
    const finished = new Date();
    const ended = await jobs.updateOwned(id, me, { ...end.change, status: end.status, stage: 'done', finished: finished.toISOString() });
    const seconds = secondsBetween(job.started, finished);
    // Null: the job was taken over (this worker was silent too long) or cancelled meanwhile; its plan, if written, is whole and the same.
    if (!ended) return void log.warn({ job_id: id }, 'job ended here, but it was no longer this worker’s; its end is not recorded');
    o.metrics?.ended(job.kind, end.status, seconds, end.gap);
    log.info({ job_id: id, status: end.status, duration_ms: Math.round(seconds * 1000), plan_id: ended.plan_id }, 'job ended');
  };

  /** Says this worker is alive, keeps its jobs' heartbeats, and stops the jobs whose cancel was asked. */
  const beat = async () => {
    await o.store.workers.seen({ id: me, host: hostname(), pid: process.pid, concurrency: o.concurrency });
    for (const id of await jobs.heartbeat(me, [...running.keys()])) {
      const run = running.get(id);
      if (run) {
        run.why ??= 'cancel';
        run.stop.abort();
      }
    }
  };

  /** Gives a job a new queue message (the old one, if any, is dropped: it would find the job taken and do nothing). */
  const resend = async (id: string) => {
    const old = await jobs.queueRef(id);
    if (old) await o.boss.cancel(JOB_QUEUE, old).catch(() => undefined);
    const ref = await o.boss.send(JOB_QUEUE, { id } satisfies JobMessage, deliveryOptions(o.jobTimeoutSeconds));
    if (ref) await jobs.setQueueRef(id, ref);
  };

  /**
   * Takes over the jobs of workers that went silent (back to the queue with a new message), sends
   * the queued jobs that no message carries (a server died between recording and sending), and
   * again those whose message a worker took and never claimed (it died in between).
   */
  const reap = async () => {
    const { requeued, failed } = await jobs.requeueStale(o.staleAfterSeconds, o.maxAttempts);
    for (const job of requeued) {
      await resend(job.id);
      log.warn({ job_id: job.id, attempts: job.attempts }, 'took over a job whose worker went silent; queued again');
    }
    for (const job of failed)
      log.error({ job_id: job.id, attempts: job.attempts }, 'a job whose worker went silent failed: no attempts left');
    for (const id of await jobs.unsent(UNSENT_AFTER_SECONDS)) {
      await resend(id);
      log.warn({ job_id: id }, 'sent a queued job that no queue message carried');
    }
    const queued = await jobs.queuedRefs();
    const held = await heldSince(
      o.boss,
      queued.map((q) => q.ref),
      o.staleAfterSeconds,
    );
    for (const { id } of queued.filter((q) => held.has(q.ref))) {
      await resend(id);
      log.warn({ job_id: id }, 'sent again a queued job whose message a silent worker took before claiming it');
    }
  };

  /** Forgets the records of jobs that ended long ago, as the embedded server does at its start. */
  const sweep = async () => {
    const swept = await jobs.removeEndedBefore(new Date(Date.now() - KEEP_JOBS_DAYS * 86_400_000).toISOString());
    if (swept > 0) log.info({ jobs: swept }, 'removed the records of old ended jobs');
  };

  const timers = [
    every(HEARTBEAT_MS, beat, log, 'heartbeat'),
    every(3_600_000, sweep, log, 'removing old job records'),
    every(Math.max(1000, (o.staleAfterSeconds * 1000) / 3), reap, log, 'taking over silent workers’ jobs'),
  ];
  await beat();
  await sweep();
  // pg-boss waits out the polling interval after a job shorter than it: each loop asks to fetch
  // again at once after a job, so a queue of short jobs drains without a pause between them.
  const loops: string[] = [];
  for (let i = 0; i < o.concurrency; i++)
    loops.push(
      await o.boss.work<JobMessage>(JOB_QUEUE, { batchSize: 1, pollingIntervalSeconds: POLL_SECONDS }, async (messages) => {
        try {
          await handle(messages);
        } finally {
          if (loops[i] !== undefined && !stopping) o.boss.notifyWorker(loops[i]);
        }
      }),
    );
  log.info({ concurrency: o.concurrency }, 'worker started');

  return {
    id: me,
    close: async (graceSeconds: number) => {
      stopping = true;
      await o.boss.offWork(JOB_QUEUE);
      const all = () => Promise.all([...running.values()].map((r) => r.done));
      await Promise.race([all(), new Promise((r) => setTimeout(r, graceSeconds * 1000).unref())]);
      for (const run of running.values()) {
        run.why ??= 'shutdown';
        run.stop.abort();
      }
      await all();
      for (const t of timers) clearInterval(t);
      await o.store.workers.left(me);
      await pool.close();
      log.info('worker stopped');
    },
  };
}

/** Runs `task` every `ms`, one run at a time; a failed run is logged and the next one tries again. */
function every(ms: number, task: () => Promise<void>, log: Logger, what: string): NodeJS.Timeout {
  let busy = false;
  return setInterval(() => {
    if (busy) return;
    busy = true;
    task()
      .catch((e) => log.error({ err: e }, `${what} failed`))
      .finally(() => (busy = false));
  }, ms);
}
