import { isMainThread } from 'node:worker_threads';
import { InputError } from '../domain/errors.js';
import { sharedPool, TaskPool } from '../workers/pool.js';
import { changesRequirements, variedQueue, withField } from './fields.js';
import { withFrontier } from './frontier.js';
import { solvePoint, type PointFigures, type PointTask } from './point.js';
import type { ScenarioBase, ScenarioResult } from './types.js';
import { grid, type Vary } from './vary.js';

/** Options of a scenario run: the simulator instead of the Erlang model, and worker threads (default: one per core). */
export interface ScenarioOptions {
  simulate?: boolean;
  threads?: number;
}

/**
 * The cost/service trade-off grid (SPEC section 2, Scenarios): every combination of the varied
 * fields is applied to the base configuration and its roster solved on a worker thread; each
 * point carries cost, shortfall, delivered weekly service and ASA, outsourced share and cost per
 * handled contact, and the Pareto frontier is marked. Varying a service target or the demand
 * (bot deflection, handle time, concurrency) recomputes the staff needs from the demand's contacts,
 * which are before bot deflection. Every point's configuration is validated before any solve.
 * @param base the plan's configuration, staff needs and demand (`planBase` / `filesBase`)
 * @param vary the varied fields (`parseVary`, or `parseValues` for the API's body)
 * @example
 * await runScenarios(await planBase('forecasts/2026-11-30_ab12cd'), [parseVary('budget=1e6:1.4e6:5')])
 * //=> { points: [{ set: { budget: 1000000 }, status: 'optimal', ... }, ...], marginal_cost_per_service_level_point: 8123.5 }
 */
export async function runScenarios(base: ScenarioBase, vary: readonly Vary[], options: ScenarioOptions = {}): Promise<ScenarioResult> {
  checkVary(base, vary);
  const tasks: PointTask[] = grid(vary).map((set) => ({
    set,
    config: Object.entries(set).reduce((config, [field, value]) => withField(config, field, value), base.config),
    weekStart: base.weekStart,
    withOffset: base.withOffset,
    needs: base.needs,
    demand: base.demand,
    events: base.events,
    recompute: vary.some((v) => changesRequirements(v.field)),
    simulate: options.simulate ?? false,
  }));
  return withFrontier(await solvePoints(tasks, options.threads));
}

/**
 * Whether the varied fields can be applied to the base: a demand or target field needs contacts
 * to recompute from; a handle time must fill some hour; a queue field must name a queue of the
 * demand. Throws an InputError naming the field.
 */
export function checkVary(base: ScenarioBase, vary: readonly Vary[]): void {
  const recomputing = vary.find((v) => changesRequirements(v.field));
  if (recomputing && base.demand === null) {
    throw new InputError(
      { file: 'requirements.csv', field: 'contacts' },
      `varying ${recomputing.field} recomputes the staff needs from the contacts per hour: give a requirements.csv with contacts and aht_seconds, or --plan`,
    );
  }
  // demand.aht_seconds only fills hours whose demand has no handle time of its own.
  if (vary.some((v) => v.field === 'demand.aht_seconds') && base.demand?.every((p) => p.ahtSeconds !== undefined)) {
    throw new InputError(
      { file: 'command line', field: '--vary demand.aht_seconds' },
      'it would change nothing: every hour of the demand has its own handle time (demand.aht_seconds fills only hours without one)',
    );
  }
  for (const { field } of vary) checkQueueField(base, field);
}

/**
 * A `demand.queues.<queue>` field must name a queue of the demand (else it changes nothing), and
 * its `aht_seconds` must fill some hour (the forecast's own handle times come first).
 */
function checkQueueField(base: ScenarioBase, field: string): void {
  const queue = variedQueue(field);
  if (queue === undefined || base.demand === null) return;
  const mine = base.demand.filter((p) => p.queue === queue);
  const bad = (why: string) => new InputError({ file: 'command line', field: `--vary ${field}` }, why);
  if (mine.length === 0) {
    const names = [...new Set(base.demand.flatMap((p) => (p.queue === undefined ? [] : [p.queue])))];
    throw bad(
      `the demand has no queue "${queue}" (${names.length > 0 ? `its queues: ${names.join(', ')}` : 'it is one unnamed queue: vary demand.* instead'})`,
    );
  }
  if (field.endsWith('.aht_seconds') && mine.every((p) => p.ahtSeconds !== undefined))
    throw bad(`it would change nothing: every hour of queue ${queue} has its own handle time`);
}

/**
 * Solves the points on worker threads, so a grid uses every core; inside a worker (an API job)
 * they run one after another in that thread. Results come in the tasks' order; the first failure
 * stops the others.
 */
async function solvePoints(tasks: readonly PointTask[], threads?: number): Promise<PointFigures[]> {
  if (!isMainThread) {
    const figures: PointFigures[] = [];
    for (const task of tasks) figures.push(await solvePoint(task));
    return figures;
  }
  // A thread count of the caller's gets a pool of its own for this grid.
  const own = threads !== undefined;
  const pool = own ? new TaskPool(threads) : sharedPool();
  const stop = new AbortController();
  try {
    return await Promise.all(
      tasks.map((point, i) =>
        pool.run({ kind: 'point', point }, { signal: stop.signal }).catch((e: Error) => {
          if (stop.signal.aborted) throw e;
          stop.abort();
          throw new Error(`scenario point ${i + 1} failed: ${e.stack ?? e.message}`);
        }),
      ),
    );
  } finally {
    if (own) await pool.close();
  }
}
