import { isMainThread } from 'node:worker_threads';
import { sharedPool } from '../../workers/pool.js';
import type { LinearProgram } from '../model/lpFormat.js';
import { runHighs, type BaseOutcome, type LpVariant, type Progress, type RunOutcome } from './highsRun.js';
import type { LinearRow } from '../model/lpFormat.js';

export type { LpVariant, Progress } from './highsRun.js';

/** What a solver run established: a usable solution only with status `optimal` or `feasible`. */
export interface SolverOutcome extends Omit<RunOutcome, 'values' | 'base'> {
  /** Variable values by name (empty unless a solution exists). */
  values: Map<string, number>;
  /** With `duals`, `variants` or `cuts`: the LP as given, before the cuts. */
  base?: BaseLp;
}

/** The LP as given (before `cuts`): its optimum, values and row duals by name, and its variants' optima. */
export interface BaseLp extends Omit<BaseOutcome, 'values' | 'duals'> {
  values: Map<string, number>;
  duals: Map<string, number>;
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
  /** Solve on the calling thread instead of the worker pool (blocks the event loop). */
  inThread?: boolean;
  /** LP only: also answer the row duals. */
  duals?: boolean;
  /** LP only: variants of the LP re-solved warm on the same model, each undone after (highsRun.ts). */
  variants?: LpVariant[];
  /** LP only: rows added after the duals and variants, re-solved warm; the outcome is then the tightened LP's. */
  cuts?: LinearRow[];
}

/**
 * Solves a linear program with HiGHS (WebAssembly, single-threaded). From the main thread it runs
 * on the worker pool, so a long solve never blocks the event loop; inside a worker, or with
 * `inThread`, it runs right here (same answer).
 */
export async function solveWithHighs(lp: LinearProgram, options: SolveOptions): Promise<SolverOutcome> {
  const { start, onProgress, inThread, ...rest } = options;
  const run = { ...rest, start: start ? [...start] : undefined };
  const outcome =
    inThread || !isMainThread
      ? await runHighs(lp, run, onProgress)
      : await sharedPool().run({ kind: 'solve', lp, options: run }, { onMessage: (m) => m.progress && onProgress?.(m.progress) });
  const { base, ...solved } = outcome;
  return {
    ...solved,
    values: new Map(outcome.values),
    ...(base && { base: { ...base, values: new Map(base.values), duals: new Map(base.duals) } }),
  };
}
