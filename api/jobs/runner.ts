import type { Logger } from 'pino';
import { ShiftcastError } from '../../src/domain/errors.js';
import { TERMINAL, type JobRecord } from '../../src/store/jobRecord.js';
import type { JobStore, Store } from '../../src/store/store.js';
import type { JobTask, WorkerMessage } from './messages.js';
import { WorkerPool, type Slot } from './pool.js';

/** Settings of the job runner. */
export interface RunnerOptions {
  store: Store;
  /** Worker threads, i.e. plans solved at once. */
  workers: number;
  /** Jobs that may wait for a worker; one more is refused (429). */
  maxQueued: number;
  /** Per-job time limit, seconds (from start to end of the solve). */
  jobTimeoutSeconds: number;
  /** Starts a job gets before a restart gives up on it. */
  maxAttempts: number;
  /** Days an ended job's record is kept (swept at start). */
  keepJobsDays: number;
  logger: Logger;
}

/** What a cancel achieved: a job is `cancelled` only when it really stopped. */
export type CancelOutcome = { cancelled: true; job: JobRecord } | { cancelled: false; job: JobRecord; reason: string };

/** Thrown by submit when the queue is full. */
export class QueueFullError extends ShiftcastError {
  readonly code = 'busy';
  constructor(override readonly retryAfterSeconds: number) {
    super('the job queue is full; try again later');
  }
}

/**
 * Runs plan jobs on worker threads: a bounded FIFO queue in front of a worker pool, a time
 * limit per job, cancellation, and recovery of the jobs a previous process left behind.
 * Job state lives in the store's jobs; this class only keeps the queue order and timers.
 */
export class JobRunner {
  readonly jobs: JobStore;
  private readonly queue: string[] = [];
  private readonly pool: WorkerPool;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Running mean of job durations, seconds, for Retry-After. */
  private meanSeconds = 10;
  /** The dispatch pass running now (see dispatch). */
  private dispatching: Promise<void> = Promise.resolve();

  constructor(private readonly o: RunnerOptions) {
    this.jobs = o.store.jobs;
    this.pool = new WorkerPool(
      o.workers,
      {
        message: (s, m) => void this.onMessage(s, m).catch((e) => this.failed(e)),
        changed: (s, exited) => void this.onChanged(s, exited).catch((e) => this.failed(e)),
      },
      o.logger,
    );
  }

  /** Recovers the store's unfinished jobs, then starts the workers. */
  async start(): Promise<void> {
    for (const name of await this.o.store.plans.removeAbandoned())
      this.o.logger.warn({ folder: name }, 'removed a half-written plan left by a crash');
    const swept = await this.jobs.removeEndedBefore(new Date(Date.now() - this.o.keepJobsDays * 86_400_000).toISOString());
    if (swept > 0) this.o.logger.info({ jobs: swept }, 'removed the records of old ended jobs');
    for (const job of await this.jobs.all()) {
      if (job.status === 'queued') this.queue.push(job.id);
      if (job.status !== 'running') continue;
      // A plan is idempotent and written atomically, so running it again is safe.
      if (job.attempts < this.o.maxAttempts) {
        await this.jobs.update(job.id, { status: 'queued', stage: 'queued' });
        this.queue.push(job.id);
        this.o.logger.warn({ job_id: job.id }, 'job was running when the server stopped; queued again');
      } else {
        await this.finish(job.id, 'failed', {
          error: { error: 'interrupted', message: `the server stopped while this job ran, ${job.attempts} times; it is not started again` },
        });
      }
    }
    this.pool.start();
  }

  /** Queues a job; throws QueueFullError (storing nothing) when the queue is full. */
  async submit(task: JobTask): Promise<JobRecord> {
    if (this.queue.length >= this.o.maxQueued) throw new QueueFullError(this.retryAfter());
    const job = await this.jobs.create(task.kind, task);
    this.queue.push(job.id);
    this.o.logger.info({ job_id: job.id, queued: this.queue.length }, 'job queued');
    await this.dispatch();
    return job;
  }

  /**
   * Cancels a queued or running job. It says `cancelled` only when the job has really stopped:
   * taken off this server's queue, or its worker thread terminated before the job ended. A job
   * that ended first, or that this server does not hold, is not cancelled, and the reason says why.
   */
  async cancel(id: string): Promise<CancelOutcome> {
    const job = (await this.jobs.get(id))!;
    if (TERMINAL.includes(job.status)) return { cancelled: false, job, reason: `job ${id} has already ended (${job.status})` };
    const at = this.queue.indexOf(id);
    if (at >= 0) {
      this.queue.splice(at, 1);
      return { cancelled: true, job: await this.finish(id, 'cancelled', {}) };
    }
    const slot = this.pool.slots.find((s) => s.jobId === id && !s.stopping);
    if (!slot)
      return {
        cancelled: false,
        job,
        reason: `job ${id} is ${job.status} but neither queued nor running in this server; it was not cancelled`,
      };
    await this.pool.stop(slot);
    // The job may have ended in the instant before its thread stopped: then it was not cancelled.
    const after = (await this.jobs.get(id))!;
    if (TERMINAL.includes(after.status))
      return { cancelled: false, job: after, reason: `job ${id} ended (${after.status}) before it could be stopped` };
    return { cancelled: true, job: await this.finish(id, 'cancelled', {}) };
  }

  /** True when every worker thread is up. */
  ready(): boolean {
    return this.pool.healthy();
  }

  /** Stops the workers; running jobs go back to the queue and run at the next start. */
  async close(): Promise<void> {
    const running = this.pool.slots.map((s) => s.jobId).filter((id): id is string => id !== null);
    await this.pool.close();
    for (const t of this.timers.values()) clearTimeout(t);
    for (const id of running) await this.jobs.update(id, { status: 'queued', stage: 'queued' });
  }

  /** Hands queued jobs to idle workers; one pass at a time, so two passes never pick the same idle slot across a store call. */
  private dispatch(): Promise<void> {
    this.dispatching = this.dispatching.then(() => this.dispatchPass()).catch((e) => this.failed(e));
    return this.dispatching;
  }

  private async dispatchPass(): Promise<void> {
    for (const slot of this.pool.slots) {
      if (!slot.online || slot.jobId !== null) continue;
      const next = await this.nextTask();
      if (!next) return;
      const { id, task } = next;
      // The slot may have gone down while the store answered: the job waits for the next pass.
      if (!slot.online || slot.jobId !== null) {
        this.queue.unshift(id);
        continue;
      }
      const job = await this.jobs.update(id, {
        status: 'running',
        stage: 'starting',
        started: new Date().toISOString(),
        attempts: ((await this.jobs.get(id))?.attempts ?? 0) + 1,
      });
      this.timers.set(
        id,
        setTimeout(() => void this.timeOut(id, slot).catch((e) => this.failed(e)), this.o.jobTimeoutSeconds * 1000),
      );
      this.o.logger.info({ job_id: id, worker: slot.index, attempt: job.attempts }, 'job started');
      this.pool.run(slot, { type: 'run', jobId: id, store: this.o.store.location, task });
    }
  }

  /** The next queued job whose inputs can be read; one whose inputs the store lost fails with the reason, never stays queued. */
  private async nextTask(): Promise<{ id: string; task: JobTask } | null> {
    for (let id = this.queue.shift(); id !== undefined; id = this.queue.shift()) {
      try {
        return { id, task: await this.jobs.inputs<JobTask>(id) };
      } catch (e) {
        this.o.logger.error({ job_id: id, err: e }, 'the inputs of a queued job cannot be read');
        await this.finish(id, 'failed', {
          error: { error: 'internal', message: 'the inputs of this job are missing from the store; submit it again' },
        });
      }
    }
    return null;
  }

  private async timeOut(id: string, slot: Slot): Promise<void> {
    if (slot.jobId !== id || slot.stopping) return;
    await this.finish(id, 'failed', {
      error: { error: 'timeout', message: `the job ran over its time limit of ${this.o.jobTimeoutSeconds} s` },
    });
    await this.pool.stop(slot);
  }

  private async onMessage(slot: Slot, m: Exclude<WorkerMessage, { type: 'ready' }>): Promise<void> {
    // A late message from a job already cancelled or timed out is ignored.
    if (slot.jobId !== m.jobId || TERMINAL.includes((await this.jobs.get(m.jobId))?.status ?? 'failed')) return;
    if (m.type === 'stage') {
      await this.jobs.update(m.jobId, { stage: m.stage, ...(m.progress ? { progress: m.progress } : {}) });
      return;
    }
    slot.jobId = null;
    if (m.type === 'done') await this.finish(m.jobId, 'succeeded', { plan_id: m.planId, result: m.result });
    else {
      if (m.detail) this.o.logger.error({ job_id: m.jobId, detail: m.detail }, 'plan job failed');
      await this.finish(m.jobId, 'failed', { error: m.error });
    }
    await this.dispatch();
  }

  private async onChanged(slot: Slot, exited: { jobId: string | null; code: number } | null): Promise<void> {
    if (exited?.jobId) {
      await this.finish(exited.jobId, 'failed', { error: { error: 'internal', message: 'the plan worker stopped unexpectedly' } });
      this.o.logger.error({ job_id: exited.jobId, worker: slot.index, code: exited.code }, 'plan worker exited during a job');
    }
    await this.dispatch();
  }

  private async finish(id: string, status: 'succeeded' | 'failed' | 'cancelled', change: Partial<JobRecord>): Promise<JobRecord> {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const before = (await this.jobs.get(id))!;
    const finished = new Date();
    const job = await this.jobs.update(id, { ...change, status, stage: 'done', finished: finished.toISOString() });
    const seconds = before.started ? (finished.getTime() - Date.parse(before.started)) / 1000 : 0;
    if (status === 'succeeded') this.meanSeconds = 0.8 * this.meanSeconds + 0.2 * seconds;
    this.o.logger.info({ job_id: id, status, duration_ms: Math.round(seconds * 1000), plan_id: job.plan_id }, 'job ended');
    return job;
  }

  /** A store call of a worker event failed: logged, never an unhandled rejection that ends the server. */
  private failed(e: unknown): void {
    this.o.logger.error({ err: e }, 'a job store call failed');
  }

  private retryAfter(): number {
    return Math.max(1, Math.min(600, Math.ceil((this.meanSeconds * this.queue.length) / this.o.workers)));
  }
}
