import type { ErrorCode } from '../../src/domain/errors.js';
import type { PlanInputs } from '../../src/plan/chain.js';
import type { JobProgress } from '../../src/store/jobRecord.js';
import type { ScenarioResult } from '../../src/scenarios/types.js';
import type { Vary } from '../../src/scenarios/vary.js';

/** What a job does, as stored with it: plan a week, or run a scenario grid on a plan folder. */
export type JobTask = { kind: 'plan'; inputs: PlanInputs } | { kind: 'scenarios'; planId: string; folder: string; vary: Vary[] };

/** What the server asks a worker thread to do. */
export interface RunJob {
  type: 'run';
  jobId: string;
  store: string;
  task: JobTask;
}

/** What a worker thread reports back. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'stage'; jobId: string; stage: string; progress?: JobProgress }
  | { type: 'done'; jobId: string; planId: string; result: PlanJobResult | ScenarioResult }
  | { type: 'failed'; jobId: string; error: { error: ErrorCode; message: string }; detail?: string };

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
