import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PointFigures, PointTask } from './point.js';

const BOOTSTRAP = new URL('./worker.js', import.meta.url);

/** How to run the points: threads (default: one per core), cancellation, progress. */
export interface PoolOptions {
  threads?: number;
  signal?: AbortSignal;
  /** Called after each point with the points done so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Solves the points on worker threads, each thread with its own HiGHS instance, so a grid uses
 * every core and never blocks the caller's event loop. Results come back in the tasks' order;
 * the first failure (or an abort) stops every worker.
 */
export function solveInWorkers(tasks: readonly PointTask[], options: PoolOptions = {}): Promise<PointFigures[]> {
  const threads = Math.max(1, Math.min(tasks.length, options.threads ?? availableParallelism()));
  const results = new Array<PointFigures>(tasks.length);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const stop = (error?: Error) => {
      for (const w of workers) void w.terminate();
      options.signal?.removeEventListener('abort', abort);
      if (error) reject(error);
      else resolve(results);
    };
    const abort = () => stop(new Error('the scenario grid was cancelled'));
    if (options.signal?.aborted) return abort();
    options.signal?.addEventListener('abort', abort);
    const feed = (w: Worker) => {
      if (next < tasks.length) w.postMessage({ index: next, task: tasks[next++] });
    };
    for (let i = 0; i < threads; i++) {
      const w = new Worker(BOOTSTRAP);
      workers.push(w);
      w.on('message', (m: { index: number; figures?: PointFigures; error?: string }) => {
        if (m.error !== undefined) return stop(new Error(`scenario point ${m.index + 1} failed: ${m.error}`));
        results[m.index] = m.figures!;
        done += 1; // not inside the optional call below: its arguments are skipped without a callback
        options.onProgress?.(done, tasks.length);
        if (done === tasks.length) stop();
        else feed(w);
      });
      w.on('error', (e) => stop(e));
      feed(w);
    }
  });
}
