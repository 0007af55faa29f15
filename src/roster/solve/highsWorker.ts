import { parentPort } from 'node:worker_threads';
import type { LinearProgram } from '../model/lpFormat.js';
import { runHighs, type RunOptions } from './highsRun.js';

/** A solve request from highs.ts. */
export interface WorkerRequest {
  id: number;
  lp: LinearProgram;
  options: RunOptions;
  progress: boolean;
}

// One solve at a time: HiGHS runs synchronously, so messages queue up behind the current one.
parentPort!.on('message', async (req: WorkerRequest) => {
  try {
    const onProgress = req.progress ? (p: object) => parentPort!.postMessage({ id: req.id, progress: p }) : undefined;
    parentPort!.postMessage({ id: req.id, outcome: await runHighs(req.lp, req.options, onProgress) });
  } catch (e) {
    parentPort!.postMessage({ id: req.id, error: e instanceof Error ? e.message : String(e) });
  }
});
