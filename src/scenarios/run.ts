import { InputError } from '../domain/errors.js';
import { changesRequirements, withField } from './fields.js';
import { withFrontier } from './frontier.js';
import type { PointTask } from './point.js';
import type { ScenarioBase, ScenarioResult } from './types.js';
import { grid, type Vary } from './vary.js';
import { solveInWorkers, type PoolOptions } from './workerPool.js';

/** Options of a scenario run: the simulator instead of the Erlang model, and how to run it. */
export interface ScenarioOptions extends PoolOptions {
  simulate?: boolean;
}

/**
 * The cost/service trade-off grid (SPEC section 2, Scenarios): every combination of the varied
 * fields is applied to the base configuration and its roster solved on a worker thread; each
 * point carries cost, shortfall, delivered weekly service and ASA, outsourced share and cost per
 * handled contact, and the Pareto frontier is marked. Varying a service target recomputes the
 * staff needs from the demand. Every point's configuration is validated before any solve.
 * @param base the plan's configuration, staff needs and demand (`planBase` / `filesBase`)
 * @param vary the varied fields (`parseVary`, or `parseValues` for the API's body)
 * @example
 * await runScenarios(await planBase('forecasts/2026-11-30_ab12cd'), [parseVary('budget=1e6:1.4e6:5')])
 * //=> { points: [{ set: { budget: 1000000 }, status: 'optimal', ... }, ...], marginal_cost_per_service_level_point: 8123.5 }
 */
export async function runScenarios(base: ScenarioBase, vary: readonly Vary[], options: ScenarioOptions = {}): Promise<ScenarioResult> {
  const recompute = vary.some((v) => changesRequirements(v.field));
  if (recompute && base.demand === null) {
    throw new InputError(
      { file: 'requirements.csv', field: 'contacts' },
      'varying a service target needs the contacts per hour: give a requirements.csv with contacts and aht_seconds, or --plan',
    );
  }
  const tasks: PointTask[] = grid(vary).map((set) => ({
    set,
    config: Object.entries(set).reduce((config, [field, value]) => withField(config, field, value), base.config),
    weekStart: base.weekStart,
    withOffset: base.withOffset,
    needs: base.needs,
    demand: base.demand,
    events: base.events,
    recompute,
    simulate: options.simulate ?? false,
  }));
  return withFrontier(await solveInWorkers(tasks, options));
}
