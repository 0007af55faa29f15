import type { ServiceTarget } from '../domain/config.js';
import { logErlangB } from './erlangB.js';
import { erlangAFromBlocking } from './erlangA.js';
import { erlangCFromBlocking } from './erlangC.js';
import { loadErlangs, type QueueMetrics } from './queue.js';

// Service levels equal to the target up to rounding count as met (0.8 computed as 0.7999999999999999).
const ROUNDING = 1e-12;

/**
 * The most agents one hour is staffed with: ten times the seats of the largest single centers.
 * The search is linear in agents (the Erlang B recursion) and the roster grows with them, so a
 * wrong count (1e9 contacts an hour) would otherwise run for minutes and then fail in the solver.
 */
export const MAX_AGENTS_PER_HOUR = 100_000;

/** A load that would need more than MAX_AGENTS_PER_HOUR agents: almost surely a wrong count. */
export class TooManyAgentsError extends RangeError {
  constructor(readonly loadErlangs: number) {
    super(
      `a load of ${Math.round(loadErlangs).toLocaleString('en-US')} Erlangs needs more than ${MAX_AGENTS_PER_HOUR.toLocaleString('en-US')} agents`,
    );
    this.name = 'TooManyAgentsError';
  }
}

/**
 * The service one hour gets from `agents` agents under a target: Erlang A when the target sets
 * `patience_seconds`, Erlang C otherwise (SPEC section 3, Service target).
 * @param arrivalsPerHour contacts offered per hour
 * @param ahtSeconds mean handle time, seconds
 * @param agents agents available (integer >= 0)
 * @param target the hour's service target
 */
export function serviceWith(arrivalsPerHour: number, ahtSeconds: number, agents: number, target: ServiceTarget): QueueMetrics {
  return serviceModel(arrivalsPerHour, ahtSeconds, target)(agents);
}

/**
 * The smallest number of agents that meets every part of the target: service level within
 * `answer_within_seconds`, `max_asa_seconds`, `max_occupancy`, and (with patience)
 * `max_abandon_rate`. 0 contacts need 0 agents.
 *
 * The search starts from a lower bound near the load (see `lowerBound`), doubles its step until
 * the target is met, then bisects; every measure is monotone in the number of agents, and the
 * Erlang B recursion is shared by all the candidates. It never looks past MAX_AGENTS_PER_HOUR.
 * @param arrivalsPerHour contacts offered per hour
 * @param ahtSeconds mean handle time, seconds
 * @param target the hour's service target
 * @returns agents (integer)
 * @throws TooManyAgentsError when more than MAX_AGENTS_PER_HOUR agents would be needed
 * @example
 * agentsNeeded(200, 180, { answer_within_seconds: 20, service_level: 0.8, max_asa_seconds: null,
 *   max_occupancy: null, patience_seconds: null, max_abandon_rate: null }) //=> 14
 */
export function agentsNeeded(arrivalsPerHour: number, ahtSeconds: number, target: ServiceTarget): number {
  const a = loadErlangs(arrivalsPerHour, ahtSeconds);
  if (a <= 0) return 0;
  const evaluate = serviceModel(arrivalsPerHour, ahtSeconds, target);
  const meets = (n: number) => meetsTarget(evaluate(n), target);

  let fails = lowerBound(a, target) - 1; // a count known to fall short
  if (fails >= MAX_AGENTS_PER_HOUR) throw new TooManyAgentsError(a);
  let step = 1;
  while (!meets(Math.min(fails + step, MAX_AGENTS_PER_HOUR))) {
    if (fails + step >= MAX_AGENTS_PER_HOUR) throw new TooManyAgentsError(a);
    fails += step;
    step *= 2;
  }
  let enough = Math.min(fails + step, MAX_AGENTS_PER_HOUR);
  while (enough - fails > 1) {
    const mid = Math.floor((fails + enough) / 2);
    if (meets(mid)) enough = mid;
    else fails = mid;
  }
  return enough;
}

/**
 * Fewer agents than this cannot meet the target. Erlang C: more agents than Erlangs, and
 * load / n <= max_occupancy. Erlang A: service level <= answered share <= n / load (its occupancy
 * counts only answered contacts, so the occupancy bound does not hold there).
 */
function lowerBound(a: number, target: ServiceTarget): number {
  // The same rounding allowance as `meetsTarget`, so that the bound never skips a count it accepts.
  if (target.patience_seconds !== null) return Math.max(1, Math.ceil((target.service_level - ROUNDING) * a));
  const byOccupancy = target.max_occupancy === null ? 0 : Math.ceil(a / (target.max_occupancy + ROUNDING));
  return Math.max(Math.floor(a) + 1, byOccupancy);
}

/** Whether a queue's metrics meet every part of a service target. */
export function meetsTarget(m: QueueMetrics, target: ServiceTarget): boolean {
  return (
    m.stable &&
    m.serviceLevel >= target.service_level - ROUNDING &&
    (target.max_asa_seconds === null || m.asaSeconds <= target.max_asa_seconds) &&
    (target.max_occupancy === null || m.occupancy <= target.max_occupancy + ROUNDING) &&
    (target.max_abandon_rate === null || m.abandonRate <= target.max_abandon_rate)
  );
}

/** Metrics as a function of agents for one hour, with the Erlang B recursion shared. */
function serviceModel(arrivalsPerHour: number, ahtSeconds: number, target: ServiceTarget): (agents: number) => QueueMetrics {
  const logB = logErlangB(loadErlangs(arrivalsPerHour, ahtSeconds));
  const patience = target.patience_seconds;
  const within = target.answer_within_seconds;
  return (agents) => {
    const queue = { arrivalsPerHour, ahtSeconds, agents };
    return patience === null
      ? erlangCFromBlocking(queue, within, logB(agents))
      : erlangAFromBlocking(queue, patience, within, logB(agents));
  };
}
