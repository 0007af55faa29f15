import type { MessagePort } from 'node:worker_threads';
import { type ErrorCode, ShiftcastError } from '../domain/errors.js';
import type { PlanInputs } from '../plan/chain.js';
import type { LinearProgram } from '../roster/model/lpFormat.js';
import type { Progress, RunOptions, RunOutcome } from '../roster/solve/highsRun.js';
import type { PointFigures, PointTask } from '../scenarios/point.js';
import type { ScenarioResult } from '../scenarios/types.js';
import type { Vary } from '../scenarios/vary.js';
import type { Store } from '../store/store.js';

/** What opens a store (`Store.address`): a store object does not cross threads, so each thread opens its own. */
type StoreAddress = string;

/** What a worker thread can be asked to do: plain data, since it crosses threads. */
export type Task =
  /** One HiGHS run (the roster MIP, its LP relaxation, an explanation's proof). */
  | { kind: 'solve'; lp: LinearProgram; options: RunOptions }
  /** One point of a scenario grid. */
  | { kind: 'point'; point: PointTask }
  /** A whole plan written into a store (an API job). */
  | { kind: 'plan'; inputs: PlanInputs; store: StoreAddress }
  /** A scenario grid on a plan folder of a store (an API job). */
  | { kind: 'scenarios'; store: StoreAddress; folder: string; vary: Vary[] }
  /** Loads what jobs run (the plan chain, scenarios): answering it proves the thread can run them. */
  | { kind: 'warm' };

/** A plan task's answer: the plan's folder name, whether this run wrote it, and its summary's headline. */
export interface PlanTaskResult {
  planId: string;
  folder: string;
  weekStart: string;
  status: string;
  created: boolean;
  /** The roster solver's final relative gap (null when it proved nothing). */
  gap: number | null;
}

/** What each kind of task answers. */
export interface TaskResults {
  solve: RunOutcome;
  point: PointFigures;
  plan: PlanTaskResult;
  scenarios: ScenarioResult;
  warm: true;
}

/** What a task reports while it runs, on its message port. */
export type TaskMessage = { stage: string; progress?: Progress };

/**
 * What a thread answers. A Shiftcast error (bad input found while planning, say) comes back as a
 * value with its code, since an error's class and fields do not survive the trip between threads;
 * any other throw is an internal failure and crosses as itself.
 */
export type TaskReply<R> = { ok: true; value: R } | { ok: false; code: ErrorCode; message: string };

/** The message a task was sent with: the task and the port it reports on. */
export interface TaskEnvelope {
  task: Task;
  port?: MessagePort;
}

// Each kind loads only what it needs, so a thread that only solves never loads the report's charts.
const planChain = () => import('../plan/makePlan.js');
const scenarios = () => Promise.all([import('../scenarios/base.js'), import('../scenarios/run.js')]);
const stores = () => import('../store/open.js');

/**
 * The stores this thread has opened, by address: one each for the thread's life, so a thread that
 * runs many jobs against a database keeps one small connection pool rather than one per job.
 */
const opened = new Map<string, Store>();
async function storeAt(address: StoreAddress): Promise<Store> {
  const { openStore } = await stores();
  let store = opened.get(address);
  if (!store) opened.set(address, (store = openStore(address)));
  return store;
}

/**
 * Runs one task on this thread; piscina calls it in a worker with what `TaskPool.run` sent.
 * Everything inside runs in-thread: a worker never starts another worker.
 */
export async function runTask({ task, port }: TaskEnvelope): Promise<TaskReply<TaskResults[Task['kind']]>> {
  try {
    return { ok: true, value: await run(task, (m) => port?.postMessage(m)) };
  } catch (e) {
    if (e instanceof ShiftcastError) return { ok: false, code: e.code, message: e.message };
    throw e;
  } finally {
    // Closing says "no more messages": the pool waits for it, so none arrives after the answer.
    port?.close();
  }
}

async function run(task: Task, report: (m: TaskMessage) => void): Promise<TaskResults[Task['kind']]> {
  switch (task.kind) {
    case 'solve': {
      const { runHighs } = await import('../roster/solve/highsRun.js');
      return runHighs(task.lp, task.options, (progress) => report({ stage: 'roster', progress }));
    }
    case 'point': {
      const { solvePoint } = await import('../scenarios/point.js');
      return solvePoint(task.point);
    }
    case 'plan': {
      const { makePlan } = await planChain();
      report({ stage: 'planning' });
      const result = await makePlan(task.inputs, await storeAt(task.store), {
        onProgress: (progress) => report({ stage: 'roster', progress }),
      });
      const { summary } = result;
      return {
        planId: summary.plan_id,
        folder: result.name,
        weekStart: summary.week_start,
        status: summary.status,
        created: result.created,
        gap: summary.solver.gap,
      };
    }
    case 'scenarios': {
      const [{ storedPlanBase }, { runScenarios }] = await scenarios();
      report({ stage: 'scenarios' });
      return runScenarios(await storedPlanBase(await storeAt(task.store), task.folder), task.vary);
    }
    case 'warm':
      await Promise.all([planChain(), scenarios(), stores()]);
      return true;
  }
}
