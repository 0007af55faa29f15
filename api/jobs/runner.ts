import type { Logger } from 'pino';
import { TERMINAL, type JobRecord } from '../../src/store/jobRecord.js';
import type { JobStore, Store } from '../../src/store/store.js';
import { TaskPool } from '../../src/workers/pool.js';
import type { TaskMessage } from '../../src/workers/tasks.js';
import { type JobMetrics, secondsBetween } from '../metrics.js';
import { jobFailure, runJobTask } from './execute.js';
import type { JobTask } from './jobTask.js';
import { type CancelOutcome, type JobQueue, type QueueChecks, QueueFullError } from './queue.js';

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
  metrics?: JobMetrics;
}

/**
 * A job on a worker thread: stopping it aborts its task; `ended` settles once its thread let go.
 * `reported` chains its stage writes, so none lands after the job's end is written.
 */
interface Running {
  stop: AbortController;
  ended: Promise<void>;
  reported: Promise<void>;
}

/**
 * The embedded queue (the folder store's): runs plan jobs on worker threads inside `serve`, with
 * a bounded FIFO queue in front of the worker pool, a time limit per job, cancellation, and
 * recovery of the jobs a previous process left behind. Job state lives in the store's jobs;
 * this class only keeps the queue order and timers.
 */
export class JobRunner implements JobQueue {
  readonly jobs: JobStore;
  private readonly queue: string[] = [];
  private readonly pool: TaskPool;
  private readonly running = new Map<string, Running>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closing = false;
  /** The dispatch pass running now: one at a time, so two passes never start more jobs than workers across a store call. */
  private dispatching: Promise<void> = Promise.resolve();
  /** Running mean of job durations, seconds, for Retry-After. */
  private meanSeconds = 10;

  constructor(private readonly o: RunnerOptions) {
    this.jobs = o.store.jobs;
    this.pool = new TaskPool(o.workers, {
      eager: true,
      onError: (e) => o.logger.error({ err: e }, 'a worker thread failed outside any job'),
    });
  }

  /** Recovers the store's unfinished jobs, then loads the engine in the worker threads. */
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
    void this.dispatch();
    this.pool.warm().catch((e: Error) => this.o.logger.error({ err: e }, 'the worker threads cannot load the engine'));
  }

  /** Queues a job; throws QueueFullError (storing nothing) when the queue is full. */
  async submit(task: JobTask): Promise<JobRecord> {
    if (this.queue.length >= this.o.maxQueued) throw new QueueFullError(this.retryAfter());
    const job = await this.jobs.create(task.kind, task);
    this.queue.push(job.id);
    this.o.logger.info({ job_id: job.id, queued: this.queue.length }, 'job queued');
    void this.dispatch();
    return job;
  }

  /**
   * Cancels a queued or running job. It says `cancelled` only when the job has really stopped:
   * taken off this server's queue, or its worker thread stopped before the job ended. A job
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
    const run = this.running.get(id);
    if (!run || run.stop.signal.aborted)
      return {
        cancelled: false,
        job,
        reason: `job ${id} is ${job.status} but neither queued nor running in this server; it was not cancelled`,
      };
    run.stop.abort();
    await run.ended;
    // The job may have ended in the instant before its thread stopped: then it was not cancelled.
    const after = (await this.jobs.get(id))!;
    if (TERMINAL.includes(after.status))
      return { cancelled: false, job: after, reason: `job ${id} ended (${after.status}) before it could be stopped` };
    const cancelled = await this.finish(id, 'cancelled', {});
    void this.dispatch();
    return { cancelled: true, job: cancelled };
  }

  /** The worker threads: up, with the engine loaded. */
  async checks(): Promise<QueueChecks> {
    return { workers: this.pool.ready() };
  }

  /** Stops the workers; running jobs go back to the queue and run at the next start. */
  async close(): Promise<void> {
    this.closing = true;
    const running = [...this.running.keys()];
    for (const t of this.timers.values()) clearTimeout(t);
    await this.pool.close();
    await Promise.all([...this.running.values()].map((r) => r.ended));
    for (const id of running)
      if (!TERMINAL.includes((await this.jobs.get(id))?.status ?? 'failed'))
        await this.jobs.update(id, { status: 'queued', stage: 'queued' });
  }

  /** Starts queued jobs while a worker thread is free; a failed store call is logged, never an unhandled rejection. */
  private dispatch(): Promise<void> {
    this.dispatching = this.dispatching.then(() => this.dispatchPass()).catch((e) => this.storeFailed(e));
    return this.dispatching;
  }

  private async dispatchPass(): Promise<void> {
    while (!this.closing && this.running.size < this.o.workers) {
      const next = await this.nextTask();
      if (!next) return;
      const { id, task } = next;
      const job = await this.jobs.update(id, {
        status: 'running',
        stage: 'starting',
        started: new Date().toISOString(),
        attempts: ((await this.jobs.get(id))?.attempts ?? 0) + 1,
      });
      this.timers.set(
        id,
        setTimeout(() => void this.timeOut(id).catch((e) => this.storeFailed(e)), this.o.jobTimeoutSeconds * 1000),
      );
      this.o.metrics?.started(job.kind, secondsBetween(job.created, new Date(job.started!)));
      this.o.logger.info({ job_id: id, attempt: job.attempts }, 'job started');
      const run: Running = { stop: new AbortController(), ended: Promise.resolve(), reported: Promise.resolve() };
      this.running.set(id, run);
      run.ended = this.execute(id, task, run).catch((e) => this.storeFailed(e));
    }
  }

  /**
   * Runs a job's task on the pool and records how it ended. A task that finished is recorded even
   * if a cancel came in meanwhile (its plan is written: the cancel then says it came too late); one
   * stopped by a cancel, a time limit or close() is left to them.
   */
  private async execute(id: string, task: JobTask, run: Running): Promise<void> {
    const { signal } = run.stop;
    const onMessage = (m: TaskMessage) => this.onStage(id, m, run);
    let ending: (() => Promise<unknown>) | null;
    try {
      const { change, gap } = await runJobTask(this.pool, task, this.o.store.address, { signal, onMessage });
      ending = () => this.finish(id, 'succeeded', change, gap);
    } catch (e) {
      ending = signal.aborted || this.closing ? null : () => this.finish(id, 'failed', jobFailure(id, e as Error, this.o.logger));
    }
    this.running.delete(id);
    await run.reported;
    if (ending === null || TERMINAL.includes((await this.jobs.get(id))?.status ?? 'failed')) return;
    await ending();
    void this.dispatch();
  }

  /** What a running job reports: its stage and the solver's incumbent and bound. */
  private onStage(id: string, m: TaskMessage, run: Running): void {
    const progress = m.progress ? { incumbent: m.progress.incumbent, bound: m.progress.bound, gap: m.progress.gap } : undefined;
    run.reported = run.reported
      // A late message from a job already cancelled or timed out is ignored.
      .then(() => (run.stop.signal.aborted ? undefined : this.jobs.update(id, { stage: m.stage, ...(progress ? { progress } : {}) })))
      .then(
        () => {},
        (e) => this.storeFailed(e),
      );
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

  private async timeOut(id: string): Promise<void> {
    const run = this.running.get(id);
    if (!run || run.stop.signal.aborted) return;
    await this.finish(id, 'failed', {
      error: { error: 'timeout', message: `the job ran over its time limit of ${this.o.jobTimeoutSeconds} s` },
    });
    run.stop.abort();
    // The next job starts once this one's thread has stopped.
    void run.ended.then(() => this.dispatch());
  }

  private async finish(
    id: string,
    status: 'succeeded' | 'failed' | 'cancelled',
    change: Partial<JobRecord>,
    gap: number | null = null,
  ): Promise<JobRecord> {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const before = (await this.jobs.get(id))!;
    const finished = new Date();
    const job = await this.jobs.update(id, { ...change, status, stage: 'done', finished: finished.toISOString() });
    const seconds = secondsBetween(before.started, finished);
    if (status === 'succeeded') this.meanSeconds = 0.8 * this.meanSeconds + 0.2 * seconds;
    if (before.started !== null) this.o.metrics?.ended(job.kind, status, seconds, gap);
    this.o.logger.info({ job_id: id, status, duration_ms: Math.round(seconds * 1000), plan_id: job.plan_id }, 'job ended');
    return job;
  }

  /** A store call outside any request failed: logged, never an unhandled rejection that ends the server. */
  private storeFailed(e: unknown): void {
    this.o.logger.error({ err: e }, 'a job store call failed');
  }

  private retryAfter(): number {
    return Math.max(1, Math.min(600, Math.ceil((this.meanSeconds * this.queue.length) / this.o.workers)));
  }
}
