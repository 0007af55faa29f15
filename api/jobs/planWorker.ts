import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { InputError } from '../../src/domain/errors.js';
import { makePlan } from '../../src/plan/makePlan.js';
import type { RunPlan, WorkerMessage } from './messages.js';

/**
 * A plan worker thread: runs one plan at a time off the server's event loop. The engine is
 * imported up front, so a worker that cannot load it never reports ready (the server's
 * readiness then says so) instead of failing each job.
 */
const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);

port.on('message', async (m: RunPlan) => {
  try {
    post({ type: 'stage', jobId: m.jobId, stage: 'planning' });
    const result = await makePlan(m.inputs, m.store);
    const { summary } = result;
    const folder = basename(result.folder);
    post({
      type: 'done',
      jobId: m.jobId,
      planId: summary.plan_id,
      result: { plan_id: summary.plan_id, folder, week_start: summary.week_start, status: summary.status, created: result.created, url: `/v1/plans/${summary.plan_id}` },
    });
  } catch (e) {
    // Input problems found while planning (say, history too old) are the user's to fix;
    // anything else is ours: the body gets a generic message, the log gets the detail.
    if (e instanceof InputError) post({ type: 'failed', jobId: m.jobId, error: { error: 'invalid_input', message: e.message } });
    else post({ type: 'failed', jobId: m.jobId, error: { error: 'internal', message: 'the plan failed on an internal error' }, detail: (e as Error).stack ?? String(e) });
  }
});

post({ type: 'ready' });
