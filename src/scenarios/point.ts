import { buildRosterProblem } from '../roster/problem.js';
import { solveRoster } from '../roster/solve/solve.js';
import { deliveredByHour } from '../staffing/delivered.js';
import { demandBySlot, requirementsFor } from '../staffing/requirements.js';
import type { ScenarioBase, ScenarioPoint } from './types.js';
import type { ScenarioSet } from './vary.js';
import { roundTo } from '../domain/round.js';

/** One grid point to solve, plain data (it crosses to a worker thread): the base with the point's fields set. */
export interface PointTask extends ScenarioBase {
  set: ScenarioSet;
  /** Recompute the staff needs from `demand` (a service target or a demand field is varied). */
  recompute: boolean;
  /** Measure service with the simulator instead of the Erlang model. */
  simulate: boolean;
}

/** A point's figures before the frontier is known. */
export type PointFigures = Omit<ScenarioPoint, 'pareto' | 'marginal_cost_per_service_level_point'>;

// Enough replications for a weekly figure within about a point; fixed seed: same grid, same answer.
const SIMULATION = { handleTime: { kind: 'exponential' }, replications: 10, seed: 1 } as const;

/**
 * Solves one scenario's roster and measures what it delivers: cost, shortfall, the week's
 * contact-weighted service level and ASA, outsourced share, cost per handled contact.
 */
export async function solvePoint(task: PointTask): Promise<PointFigures> {
  const { config } = task;
  const needs = task.recompute ? requirementsFor(task.demand!, config, task.events) : task.needs;
  const problem = buildRosterProblem(needs, config, task.weekStart, task.withOffset);
  const roster = await solveRoster(problem);
  if (roster.status === 'infeasible') {
    return {
      set: task.set,
      status: 'infeasible',
      cost: { total: null, by_pool: {} },
      shortfall_staff_hours: null,
      service_level: null,
      asa_seconds: null,
      outsourced_share: null,
      cost_per_handled_contact: null,
    };
  }
  const hours = demandBySlot(
    problem.slots.map((s) => s.t),
    task.demand ?? [],
    config,
  );
  const handled = hours.reduce((a, h) => a + h.handledContacts, 0);
  const staffed = roster.hourly.map((h) => h.staffed);
  const service = task.demand
    ? deliveredByHour(hours, staffed, config, task.events, {
        simulation: task.simulate ? SIMULATION : undefined,
        staffedByTier: roster.hourly.map((h) => h.tiers),
      }).week
    : { serviceLevel: null, asaSeconds: null };
  return {
    set: task.set,
    status: roster.status,
    cost: { total: roster.cost.total, by_pool: roster.cost.by_pool },
    shortfall_staff_hours: roundTo(
      roster.hourly.reduce((a, h) => a + h.shortfall, 0),
      2,
    ),
    service_level: service.serviceLevel === null ? null : roundTo(service.serviceLevel, 4),
    asa_seconds: service.asaSeconds === null || !Number.isFinite(service.asaSeconds) ? null : roundTo(service.asaSeconds, 1),
    outsourced_share: roster.kpis.outsourced_share,
    cost_per_handled_contact: handled > 0 ? roundTo(roster.cost.total / handled, 4) : null,
  };
}
