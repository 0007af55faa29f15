import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { TERMINAL, type JobRecord } from '../../src/store/jobRecord.js';
import type { PgStore } from '../../src/store/postgres/pgStore.js';
import { deliveryOptions, JOB_QUEUE, type JobMessage } from './boss.js';
import type { JobTask } from './jobTask.js';
import { type CancelOutcome, type JobQueue, type QueueChecks, QueueFullError } from './queue.js';

/** Settings of the queue as a server sees it. */
export interface SharedQueueOptions {
  store: PgStore;
  boss: PgBoss;
  /** Jobs that may wait, across every server; one more is refused (429). */
  maxQueued: number;
  /** Per-job time limit, seconds (the workers enforce it; the queue's expiry is set from it). */
  jobTimeoutSeconds: number;
  logger: Logger;
}

/** How long a cancel waits for the running job's worker to stop it (it checks at every heartbeat, each second). */
const CANCEL_WAIT_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The PostgreSQL queue as a stateless server uses it: a job is recorded in the store and its id
 * sent through pg-boss, where any `shiftcast worker` takes it. The server keeps nothing between
 * requests, so any number of them can stand behind a load balancer.
 */
export class SharedQueue implements JobQueue {
  constructor(private readonly o: SharedQueueOptions) {}

  get jobs() {
    return this.o.store.jobs;
  }

  async submit(task: JobTask): Promise<JobRecord> {
    const queued = (await this.jobs.counts()).queued;
    if (queued >= this.o.maxQueued) throw new QueueFullError(await this.retryAfter(queued));
    const job = await this.jobs.create(task.kind, task);
    try {
      const message: JobMessage = { id: job.id };
      const ref = await this.o.boss.send(JOB_QUEUE, message, deliveryOptions(this.o.jobTimeoutSeconds));
      if (ref === null) throw new Error('pg-boss did not queue the job');
      await this.jobs.setQueueRef(job.id, ref);
    } catch (e) {
      // Never a job that looks queued but is in no queue: it ends at once, and the request fails (500).
      await this.jobs.update(job.id, {
        status: 'failed',
        stage: 'done',
        finished: new Date().toISOString(),
        error: { error: 'internal', message: 'the job could not be queued' },
      });
      throw e;
    }
    this.o.logger.info({ job_id: job.id, queued: queued + 1 }, 'job queued');
    return job;
  }

  /**
   * A queued job ends `cancelled` at once. A running one is marked, and its worker (wherever it
   * runs) stops the solve at its next heartbeat: this waits for that, so `cancelled` is said only
   * of a job that really stopped.
   */
  async cancel(id: string): Promise<CancelOutcome> {
    const asked = await this.jobs.requestCancel(id);
    const job = (await this.jobs.get(id))!;
    if (asked === null) return { cancelled: false, job, reason: `job ${id} has already ended (${job.status})` };
    if (asked === 'cancelled') {
      const ref = await this.jobs.queueRef(id);
      // Its message would find the job cancelled and do nothing; dropping it only tidies the queue.
      if (ref) await this.o.boss.cancel(JOB_QUEUE, ref).catch(() => undefined);
      return { cancelled: true, job };
    }
    for (const deadline = Date.now() + CANCEL_WAIT_MS; Date.now() < deadline; ) {
      await sleep(100);
      const now = (await this.jobs.get(id))!;
      if (now.status === 'cancelled') return { cancelled: true, job: now };
      if (TERMINAL.includes(now.status))
        return { cancelled: false, job: now, reason: `job ${id} ended (${now.status}) before it could be stopped` };
    }
    return {
      cancelled: false,
      job: (await this.jobs.get(id))!,
      reason: `job ${id} was asked to stop, but its worker has not stopped it yet; it ends cancelled when it does`,
    };
  }

  /** The queue answers, and at least one worker process has been seen lately. */
  async checks(): Promise<QueueChecks> {
    const queue = await this.o.boss.getQueueSize(JOB_QUEUE).then(
      () => true,
      () => false,
    );
    const workers = await this.o.store.workers.live().then(
      (live) => live.processes > 0,
      () => false,
    );
    return { queue, workers };
  }

  close(): Promise<void> {
    return this.o.boss.stop({ graceful: false, wait: true });
  }

  /** Seconds until a place is likely free: the queue ahead, at the recent run time, over the live workers' slots. */
  private async retryAfter(queued: number): Promise<number> {
    const [{ slots }, seconds] = await Promise.all([this.o.store.workers.live(), this.o.store.workers.recentRunSeconds()]);
    return Math.max(1, Math.min(600, Math.ceil((seconds * queued) / Math.max(1, slots))));
  }
}
