import type { PlanInputs } from '../../src/plan/chain.js';
import type { JobProgress } from '../../src/plan/jobs.js';

/** What the server asks a worker thread to do. */
export interface RunPlan {
  type: 'run';
  jobId: string;
  store: string;
  inputs: PlanInputs;
}

/** What a worker thread reports back. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'stage'; jobId: string; stage: string; progress?: JobProgress }
  | { type: 'done'; jobId: string; planId: string; result: PlanJobResult }
  | { type: 'failed'; jobId: string; error: { error: string; message: string }; detail?: string };

/** The `result` of a succeeded plan job. */
export interface PlanJobResult {
  plan_id: string;
  folder: string;
  week_start: string;
  status: string;
  /** False when the same inputs had been planned before and that folder was reused. */
  created: boolean;
  url: string;
}
