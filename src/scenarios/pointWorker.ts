import { parentPort } from 'node:worker_threads';
import { solvePoint, type PointTask } from './point.js';

// One worker solves the points it is sent, one at a time; each reply carries the point's index.
parentPort!.on('message', async ({ index, task }: { index: number; task: PointTask }) => {
  try {
    parentPort!.postMessage({ index, figures: await solvePoint(task) });
  } catch (e) {
    parentPort!.postMessage({ index, error: (e as Error).stack ?? String(e) });
  }
});
