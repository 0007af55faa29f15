import { parentPort } from 'node:worker_threads';
import { InputError } from '../../src/domain/errors.js';
import { makePlan } from '../../src/plan/makePlan.js';
import type { Progress } from '../../src/roster/solve/highs.js';
import { storedPlanBase } from '../../src/scenarios/base.js';
import { runScenarios } from '../../src/scenarios/run.js';
import { openStore } from '../../src/store/open.js';
import type { JobTask, RunJob, WorkerMessage } from './messages.js';

/**
 * A job worker thread: runs one plan (or scenario grid) at a time off the server's event loop. The engine is
 * imported up front, so a worker that cannot load it never reports ready (the server's
 * readiness then says so) instead of failing each job.
 */
const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);

port.on('message', async (m: RunJob) => {
  try {
    post(await (m.task.kind === 'plan' ? runPlanJob(m, m.task) : runScenarioJob(m, m.task)));
  } catch (e) {
    // Input problems found while planning (say, history too old) are the user's to fix;
    // anything else is ours: the body gets a generic message, the log gets the detail.
    if (e instanceof InputError) post({ type: 'failed', jobId: m.jobId, error: { error: 'invalid_input', message: e.message } });
    else
      post({
        type: 'failed',
        jobId: m.jobId,
        error: { error: 'internal', message: 'the plan failed on an internal error' },
        detail: (e as Error).stack ?? String(e),
      });
  }
});

async function runPlanJob(m: RunJob, task: Extract<JobTask, { kind: 'plan' }>): Promise<WorkerMessage> {
  post({ type: 'stage', jobId: m.jobId, stage: 'planning' });
  // The solver's incumbent and bound, passed on as the job's progress (at most one a second).
  let last = 0;
  const onProgress = (p: Progress) => {
    if (p.seconds - last < 1) return;
    last = p.seconds;
    post({ type: 'stage', jobId: m.jobId, stage: 'roster', progress: { incumbent: p.incumbent, bound: p.bound, gap: p.gap } });
  };
  const result = await makePlan(task.inputs, openStore(m.store), { onProgress });
  const { summary } = result;
  const folder = result.name;
  return {
    type: 'done',
    jobId: m.jobId,
    planId: summary.plan_id,
    result: {
      plan_id: summary.plan_id,
      folder,
      week_start: summary.week_start,
      status: summary.status,
      created: result.created,
      url: `/v1/plans/${summary.plan_id}`,
    },
  };
}

async function runScenarioJob(m: RunJob, task: Extract<JobTask, { kind: 'scenarios' }>): Promise<WorkerMessage> {
  post({ type: 'stage', jobId: m.jobId, stage: 'scenarios' });
  const base = await storedPlanBase(openStore(m.store), task.folder);
  // One thread per job: the server's worker pool already runs jobs side by side.
  const result = await runScenarios(base, task.vary, { threads: 1 });
  return { type: 'done', jobId: m.jobId, planId: task.planId, result };
}

post({ type: 'ready' });
