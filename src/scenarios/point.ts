import { totalShrinkage, type PlanConfig } from '../domain/config.js';
import { contactWeighted, deliveredByHour, type HourDemand } from '../report/delivered.js';
import { buildRosterProblem } from '../roster/problem.js';
import { solveRoster } from '../roster/solve.js';
import type { Roster } from '../roster/types.js';
import { availableAgents } from '../staffing/onDuty.js';
import { handledOf, requirementsFor, serviceTargetAt } from '../staffing/requirements.js';
import { simulate } from '../staffing/simulate.js';
import type { ScenarioBase, ScenarioPoint } from './types.js';
import type { ScenarioSet } from './vary.js';
import { roundTo } from '../domain/round.js';

/** One grid point to solve, plain data (it crosses to a worker thread): the base with the point's fields set. */
export interface PointTask extends ScenarioBase {
  set: ScenarioSet;
  /** Recompute the staff needs from `demand` (a service target is varied). */
  recompute: boolean;
  /** Measure service with the simulator instead of the Erlang model. */
  simulate: boolean;
}

/** A point's figures before the frontier is known. */
export type PointFigures = Omit<ScenarioPoint, 'pareto' | 'marginal_cost_per_service_level_point'>;

// Enough replications for a weekly figure within about a point; fixed seed: same grid, same answer.
const SIMULATION = { replications: 10, seed: 1 };

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
    return { set: task.set, status: 'infeasible', cost: { total: null, by_pool: {} }, shortfall_staff_hours: null, service_level: null, asa_seconds: null, outsourced_share: null, cost_per_handled_contact: null };
  }
  const byInstant = new Map((task.demand ?? []).map((p) => [p.t, p]));
  const hours: HourDemand[] = problem.slots.map((s) => {
    const p = byInstant.get(s.t);
    return { t: s.t, handledContacts: p ? handledOf(p.contacts, config) : 0, ahtSeconds: p?.ahtSeconds ?? config.demand.aht_seconds };
  });
  const handled = hours.reduce((a, h) => a + h.handledContacts, 0);
  const service = task.demand ? weekService(hours, roster, config, task) : { serviceLevel: null, asaSeconds: null };
  return {
    set: task.set,
    status: roster.status,
    cost: { total: roster.cost.total, by_pool: roster.cost.by_pool },
    shortfall_staff_hours: roundTo(roster.hourly.reduce((a, h) => a + h.shortfall, 0), 2),
    service_level: service.serviceLevel === null ? null : roundTo(service.serviceLevel, 4),
    asa_seconds: service.asaSeconds === null || !Number.isFinite(service.asaSeconds) ? null : roundTo(service.asaSeconds, 1),
    outsourced_share: roster.kpis.outsourced_share,
    cost_per_handled_contact: handled > 0 ? roundTo(roster.cost.total / handled, 4) : null,
  };
}

/** The week's delivered service: the Erlang model hour by hour, or the simulator. */
function weekService(hours: HourDemand[], roster: Roster, config: PlanConfig, task: PointTask): { serviceLevel: number | null; asaSeconds: number | null } {
  const staffed = roster.hourly.map((h) => h.staffed);
  if (task.simulate) {
    const shrinkage = totalShrinkage(config.shrinkage);
    const concurrency = config.demand.concurrency;
    const result = simulate({
      arrivalsPerHour: hours.map((h) => h.handledContacts),
      // A chat agent works `concurrency` contacts at once: simulated as that many servers.
      agentsOnDuty: staffed.map((s) => availableAgents(s, shrinkage) * concurrency),
      ahtSeconds: hours.map((h) => h.ahtSeconds),
      answerWithinSeconds: hours.map((h) => serviceTargetAt(h.t, config, task.events).answer_within_seconds),
      handleTime: { kind: 'exponential' },
      patienceSeconds: config.service.patience_seconds,
      ...SIMULATION,
    });
    return { serviceLevel: result.total.serviceLevel?.mean ?? null, asaSeconds: result.total.asaSeconds?.mean ?? null };
  }
  const delivered = deliveredByHour(hours, staffed, config, task.events);
  const weights = hours.map((h) => h.handledContacts);
  return { serviceLevel: contactWeighted(delivered.map((d) => d.serviceLevel), weights), asaSeconds: contactWeighted(delivered.map((d) => d.asaSeconds), weights) };
}
