import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { RunJob, WorkerMessage } from './messages.js';

const BOOTSTRAP = new URL('./planWorker.js', import.meta.url);

/** One worker thread and the job it runs, if any. */
export interface Slot {
  index: number;
  worker: Worker | null;
  /** True once the worker has loaded the engine and said so. */
  online: boolean;
  jobId: string | null;
  /** True while stop() terminates the worker: its exit is then no crash of the job. */
  stopping: boolean;
}

export interface PoolEvents {
  /** A worker sent a message about a job. */
  message(slot: Slot, m: Exclude<WorkerMessage, { type: 'ready' }>): void;
  /** A worker came online or exited: the runner may dispatch or fail the slot's job. */
  changed(slot: Slot, exited: { jobId: string | null; code: number } | null): void;
}

/**
 * A fixed number of plan worker threads. A worker that exits (crash, cancel, time limit) is
 * replaced after a delay that grows while workers keep failing to start.
 */
export class WorkerPool {
  readonly slots: Slot[];
  private closing = false;
  private failures = 0;

  constructor(
    size: number,
    private readonly events: PoolEvents,
    private readonly logger: Logger,
  ) {
    this.slots = Array.from({ length: size }, (_, index) => ({ index, worker: null, online: false, jobId: null, stopping: false }));
  }

  /** Starts the workers; each reports ready once it has loaded the engine. */
  start(): void {
    for (const slot of this.slots) this.spawn(slot);
  }

  /** True when every worker is online (readiness). */
  healthy(): boolean {
    return this.slots.every((s) => s.online);
  }

  /** Hands a job to an idle online worker. */
  run(slot: Slot, m: RunJob): void {
    slot.jobId = m.jobId;
    slot.worker!.postMessage(m);
  }

  /**
   * Stops a slot's worker (cancel, time limit) and resolves once the thread has really stopped;
   * it is then replaced. Until then a message the job sent just before (say, done) still arrives.
   */
  async stop(slot: Slot): Promise<void> {
    // Offline at once: terminate() is asynchronous and nothing may be handed to a dying worker.
    Object.assign(slot, { online: false, stopping: true });
    await slot.worker?.terminate();
  }

  /** Stops every worker for good (no replacements). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
  }

  private spawn(slot: Slot): void {
    const worker = new Worker(BOOTSTRAP);
    slot.worker = worker;
    let started = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'ready') {
        started = true;
        slot.online = true;
        this.failures = 0;
        this.events.changed(slot, null);
      } else this.events.message(slot, m);
    });
    worker.on('error', (e) => this.logger.error({ worker: slot.index, err: e }, 'plan worker error'));
    worker.on('exit', (code) => {
      const jobId = slot.stopping ? null : slot.jobId;
      // A worker that exits before saying ready could not load the engine: back off.
      const failedToStart = !started;
      Object.assign(slot, { worker: null, online: false, jobId: null, stopping: false });
      if (this.closing) return;
      this.events.changed(slot, { jobId, code });
      if (failedToStart) this.failures++;
      const delay = Math.min(30_000, this.failures === 0 ? 0 : 500 * 2 ** this.failures);
      setTimeout(() => !this.closing && this.spawn(slot), delay).unref();
    });
  }
}
