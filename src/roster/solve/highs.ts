import { Worker } from 'node:worker_threads';
import type { LinearProgram } from '../model/lpFormat.js';
import { runHighs, type Progress, type RunOutcome } from './highsRun.js';
import type { WorkerRequest } from './highsWorker.js';

export type { Progress } from './highsRun.js';

/** What a solver run established: a usable solution only with status `optimal` or `feasible`. */
export interface SolverOutcome extends Omit<RunOutcome, 'values'> {
  /** Variable values by name (empty unless a solution exists). */
  values: Map<string, number>;
}

/** Solve options; `relax` drops integrality (the LP relaxation). */
export interface SolveOptions {
  timeLimitSeconds: number;
  mipRelGap: number;
  relax?: boolean;
  /** A starting integer solution by variable name (HiGHS checks it; an infeasible one is ignored). */
  start?: Map<string, number>;
  /** Stop after this many simplex iterations: a deterministic budget of work (see highsRun.ts). */
  iterationLimit?: number;
  /** Called about once a second with the incumbent and the bound. */
  onProgress?: (progress: Progress) => void;
  /** Solve on the calling thread instead of the solver worker (blocks the event loop). */
  inThread?: boolean;
}

/**
 * Solves a linear program with HiGHS (WebAssembly, single-threaded) in a worker thread, so a long
 * solve never blocks the event loop of the API; `inThread` runs it here instead (same answer).
 */
export async function solveWithHighs(lp: LinearProgram, options: SolveOptions): Promise<SolverOutcome> {
  const { start, onProgress, inThread, ...rest } = options;
  const run = { ...rest, start: start ? [...start] : undefined };
  const outcome = inThread ? await runHighs(lp, run, onProgress) : await inWorker({ lp, options: run, progress: !!onProgress }, onProgress);
  return { ...outcome, values: new Map(outcome.values) };
}

interface Pending {
  resolve: (o: RunOutcome) => void;
  reject: (e: Error) => void;
  onProgress?: (p: Progress) => void;
}

// One long-lived worker serves every solve of the process (loading tsx and HiGHS costs ~0.5 s).
// It is unref'd while idle so that it never keeps a finished process alive.
let worker: Worker | null = null;
const pending = new Map<number, Pending>();
let nextId = 0;

function inWorker(req: Omit<WorkerRequest, 'id'>, onProgress?: (p: Progress) => void): Promise<RunOutcome> {
  const w = (worker ??= startWorker());
  const id = nextId++;
  w.ref();
  w.postMessage({ ...req, id });
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject, onProgress }));
}

function startWorker(): Worker {
  const w = new Worker(new URL('./highsWorkerBoot.js', import.meta.url));
  w.on('message', (msg: { id: number; progress?: Progress; outcome?: RunOutcome; error?: string }) => {
    const job = pending.get(msg.id);
    if (!job) return;
    if (msg.progress) return job.onProgress?.(msg.progress);
    pending.delete(msg.id);
    if (pending.size === 0) w.unref();
    if (msg.outcome) job.resolve(msg.outcome);
    else job.reject(new Error(`HiGHS failed: ${msg.error}`));
  });
  // A crashed worker fails its jobs; the next solve starts a fresh one.
  const fail = (e: Error) => {
    if (worker === w) worker = null;
    for (const job of pending.values()) job.reject(e);
    pending.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the solver worker exited (code ${code})`)));
  return w;
}
