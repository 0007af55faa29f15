import type { Logger } from 'pino';
import type { JobRecord } from '../../src/store/jobRecord.js';
import { TaskError, type RunOptions, type TaskPool } from '../../src/workers/pool.js';
import type { PlanTaskResult } from '../../src/workers/tasks.js';
import type { JobTask, PlanJobResult } from './jobTask.js';

/** How a job that ran to its end is recorded, and the solver's final gap (for the metrics). */
export interface JobOutcome {
  change: Pick<JobRecord, 'plan_id' | 'result'>;
  gap: number | null;
}

/**
 * Runs one job's task on a worker thread of `pool` against the store at `storeAddress` (the
 * thread opens it itself). The same for the workers inside `serve` and for `shiftcast worker`.
 */
export async function runJobTask(pool: TaskPool, task: JobTask, storeAddress: string, options: RunOptions): Promise<JobOutcome> {
  if (task.kind === 'plan') {
    const plan = await pool.run({ kind: 'plan', inputs: task.inputs, store: storeAddress }, options);
    return { change: { plan_id: plan.planId, result: planJobResult(plan) }, gap: plan.gap };
  }
  const { planId, folder, vary } = task;
  const result = await pool.run({ kind: 'scenarios', store: storeAddress, folder, vary }, options);
  return { change: { plan_id: planId, result }, gap: null };
}

/**
 * What a failed job records: a Shiftcast error (bad input found while planning) is the user's and
 * says so; anything else is ours, with a generic message (the detail goes to the log).
 */
export function jobFailure(id: string, e: Error, logger: Logger): Pick<JobRecord, 'error'> {
  if (e instanceof TaskError) return { error: { error: e.code, message: e.message } };
  logger.error({ job_id: id, detail: e.stack ?? String(e) }, 'plan job failed');
  const crashed = /worker exited/i.test(e.message);
  return {
    error: { error: 'internal', message: crashed ? 'the plan worker stopped unexpectedly' : 'the plan failed on an internal error' },
  };
}

/** Whether a failure is the user's (bad input: running it again gives the same answer). */
export const isUserFailure = (e: unknown) => e instanceof TaskError;

/** A plan task's answer as the job's `result` (SPEC section 4). */
const planJobResult = (plan: PlanTaskResult): PlanJobResult => ({
  plan_id: plan.planId,
  folder: plan.folder,
  week_start: plan.weekStart,
  status: plan.status,
  created: plan.created,
  url: `/v1/plans/${plan.planId}`,
});
