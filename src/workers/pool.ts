import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { type ErrorCode, ShiftcastError } from '../domain/errors.js';
import type { Task, TaskEnvelope, TaskMessage, TaskReply, TaskResults } from './tasks.js';

const WORKER = new URL('./worker.js', import.meta.url).href;

/** A Shiftcast error raised inside a worker thread, with its code and message. */
export class TaskError extends ShiftcastError {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TaskError';
  }
}

/** How a task is run: cancellation, and what it reports while it runs. */
export interface RunOptions {
  /** Aborting stops the task's thread; the task's promise settles only once the thread has stopped. */
  signal?: AbortSignal;
  onMessage?: (m: TaskMessage) => void;
}

/**
 * Worker threads for everything that must not block the caller or should use every core: roster
 * solves, scenario points, API jobs. A fixed number of threads (piscina replaces one that dies);
 * tasks beyond them wait in line. Idle threads never keep a finished process alive.
 */
export class TaskPool {
  private readonly pool: Piscina;
  private warmed = false;

  /**
   * @param threads the most tasks run at once
   * @param options `eager` starts every thread now (a server); otherwise threads start on demand
   *   and stay for the next task. `onError` hears errors no task owns.
   */
  constructor(
    readonly threads: number,
    options: { eager?: boolean; onError?: (e: Error) => void } = {},
  ) {
    this.pool = new Piscina({
      filename: WORKER,
      minThreads: options.eager ? threads : 0,
      // Piscina wants a positive maximum; a pool of 0 (a server that only queues) is never given a task.
      maxThreads: Math.max(1, threads),
      idleTimeout: Number.POSITIVE_INFINITY,
      // Between tasks a thread must run its event loop (not block in Atomics.wait), or the close of
      // a finished task's port never reaches us.
      atomics: 'disabled',
    });
    // An error no task owns (say, a thread that could not load the engine): unheard, it would end the process.
    this.pool.on('error', options.onError ?? ((e: Error) => process.stderr.write(`shiftcast: a worker thread failed: ${e.message}\n`)));
  }

  /**
   * Runs a task on a thread. With `signal` aborted, the thread is terminated (and replaced), and
   * the promise rejects only after that thread has really stopped, so a cancelled task can no
   * longer change anything once the caller hears of it.
   */
  async run<K extends Task['kind']>(task: Extract<Task, { kind: K }>, options: RunOptions = {}): Promise<TaskResults[K]> {
    const { port1, port2 } = new MessageChannel();
    // The worker's end closes when the task ends (after its last message) or its thread stops.
    const closed = new Promise<void>((resolve) => port1.once('close', resolve));
    // A listener also keeps the port, and so the process, alive until the task has let go of it.
    port1.on('message', (m: TaskMessage) => options.onMessage?.(m));
    const envelope: TaskEnvelope = { task, port: port2 };
    let reply: TaskReply<TaskResults[K]>;
    try {
      reply = (await this.pool.run(envelope, { signal: options.signal, transferList: [port2] })) as TaskReply<TaskResults[K]>;
    } catch (e) {
      // A task that never reached a thread (aborted in line, pool closed) still holds its port:
      // closing it ends the channel. Once handed to a thread the port is no longer ours, and this
      // does nothing: the channel ends when that thread stops.
      port2.close();
      await closed;
      throw e;
    }
    await closed;
    if (!reply.ok) throw new TaskError(reply.code, reply.message);
    return reply.value;
  }

  /** Loads the engine in every thread (one small task each, at once), so the first job does not pay for it. */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.threads }, () => this.run({ kind: 'warm' })));
    this.warmed = true;
  }

  /**
   * True when the threads have loaded the engine (warm) and all of them are up. Piscina replaces a
   * thread that dies, but not one that fails while starting: the pool then stays short, and says so.
   */
  ready(): boolean {
    return this.warmed && this.pool.threads.length === this.threads;
  }

  /** Stops every thread; tasks still running or waiting reject. */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}

let shared: TaskPool | null = null;

/** The process's pool for solves and scenario points: one thread per core, made on first use. */
export const sharedPool = (): TaskPool => (shared ??= new TaskPool(availableParallelism()));
