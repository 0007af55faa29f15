import { totalShrinkage, type PlanConfig, type ServiceTarget } from '../domain/config.js';
import type { CalendarEvent, Instant } from '../domain/types.js';
import { serviceWith } from './agentsNeeded.js';
import { availableAgents } from './onDuty.js';
import { serviceTargetAt } from './serviceTargets.js';
import { simulate, type HandleTimeModel, type SimulationResult } from './simulate.js';

/** The service an hour gets from the agents a roster puts on it. */
export interface DeliveredService {
  /** Share of offered contacts answered within the target's threshold (0-1). */
  serviceLevel: number;
  /** Average speed of answer, seconds (Infinity when agents <= load in Erlang C). */
  asaSeconds: number;
  /** Share of offered contacts that hang up (present only when the target sets a patience). */
  abandonRate?: number;
  /** Share of agents' time spent on contacts (0-1). */
  occupancy: number;
}

/**
 * The service delivered in one hour (SPEC section 3, Coverage) by the model the target selects
 * (Erlang A with `patience_seconds`, else Erlang C).
 * @param staffedAgents agents available: floor(staffed x (1 - shrinkage)), an integer
 * @param handledContacts contacts reaching agents in the hour
 * @param ahtSeconds mean handle time, seconds
 * @param target the hour's service target (`serviceTargetAt`)
 * @param concurrency contacts an agent works at once (`demand.concurrency`, chat); default 1
 * @example
 * deliveredService(14, 200, 180, target) //=> { serviceLevel: 0.888, asaSeconds: 7.84, occupancy: 0.714 }
 */
export function deliveredService(
  staffedAgents: number,
  handledContacts: number,
  ahtSeconds: number,
  target: ServiceTarget,
  concurrency = 1,
): DeliveredService {
  const m = serviceWith(handledContacts, ahtSeconds / concurrency, staffedAgents, target);
  const base = { serviceLevel: m.serviceLevel, asaSeconds: m.asaSeconds, occupancy: m.occupancy };
  return target.patience_seconds === null ? base : { ...base, abandonRate: m.abandonRate };
}

/** What one hour offers the agents: contacts reaching them and their mean handle time. */
export interface HourDemand {
  t: Instant;
  /** Contacts reaching agents in the hour (after bot deflection). */
  handledContacts: number;
  ahtSeconds: number;
}

/** How to measure a roster's service beyond the queueing model of each hour's target. */
export interface DeliveredOptions {
  /**
   * One mean patience, seconds, for every hour and the simulator (null: nobody hangs up); by
   * default each hour's target has its own, and the simulator uses `service.patience_seconds`.
   */
  patienceSeconds?: number | null;
  /** Also run the discrete-event simulator over the hours; the week's figures are then its estimates. */
  simulation?: { handleTime: HandleTimeModel; replications: number; seed: number };
}

/** The week's service as callers experience it; null when no contact reaches an agent. */
export interface WeekService {
  serviceLevel: number | null;
  /** Seconds; Infinity when an hour with contacts has no stable queue (Erlang C). */
  asaSeconds: number | null;
}

/** What a roster delivers: the queueing model hour by hour, the week, and the simulation if asked. */
export interface RosterService {
  /** Agents available per hour: floor(staffed x (1 - shrinkage)). */
  agents: number[];
  /** The queueing model's service per hour. */
  hours: DeliveredService[];
  /** The simulator's estimate with `simulation`, else the model's hours weighted by handled contacts. */
  week: WeekService;
  /** With `simulation`: its result, and the servers it staffed per hour (agents x concurrency). */
  simulated: (SimulationResult & { servers: number[] }) | null;
}

/**
 * The service a roster delivers (SPEC section 3, Coverage): each hour's queueing model with
 * floor(staffed x (1 - shrinkage)) agents and the hour's own service target, and optionally the
 * simulator over the same hours. Report, scenarios and `shiftcast simulate` all measure here.
 * @param hours the hours' demand, aligned with `staffed`
 * @param staffed staff on shift per hour (agents x productivity)
 * @param config the plan configuration (shrinkage, targets, concurrency)
 * @param events calendar events (holiday hours use service.holiday)
 * @example
 * deliveredByHour(requirements, roster.hourly.map((h) => h.staffed), config, events).week
 * //=> { serviceLevel: 0.9771..., asaSeconds: 1.6... } for the sample plan
 */
export function deliveredByHour(
  hours: readonly HourDemand[],
  staffed: readonly number[],
  config: PlanConfig,
  events: readonly CalendarEvent[],
  options: DeliveredOptions = {},
): RosterService {
  const shrinkage = totalShrinkage(config.shrinkage);
  const concurrency = config.demand.concurrency;
  const agents = staffed.map((s) => availableAgents(s, shrinkage));
  const targets = hours.map((h) => {
    const target = serviceTargetAt(h.t, config, events);
    return options.patienceSeconds === undefined ? target : { ...target, patience_seconds: options.patienceSeconds };
  });
  const model = hours.map((h, i) => deliveredService(agents[i], h.handledContacts, h.ahtSeconds, targets[i], concurrency));
  if (!options.simulation) {
    const weights = hours.map((h) => h.handledContacts);
    const week = {
      serviceLevel: contactWeighted(
        model.map((d) => d.serviceLevel),
        weights,
      ),
      asaSeconds: contactWeighted(
        model.map((d) => d.asaSeconds),
        weights,
      ),
    };
    return { agents, hours: model, week, simulated: null };
  }
  // A chat agent works `concurrency` contacts at once: simulated as that many servers.
  const servers = agents.map((n) => n * concurrency);
  const result = simulate({
    arrivalsPerHour: hours.map((h) => h.handledContacts),
    agentsOnDuty: servers,
    ahtSeconds: hours.map((h) => h.ahtSeconds),
    answerWithinSeconds: targets.map((t) => t.answer_within_seconds),
    patienceSeconds: options.patienceSeconds === undefined ? config.service.patience_seconds : options.patienceSeconds,
    ...options.simulation,
  });
  const week = { serviceLevel: result.total.serviceLevel?.mean ?? null, asaSeconds: result.total.asaSeconds?.mean ?? null };
  return { agents, hours: model, week, simulated: { ...result, servers } };
}

/**
 * The contact-weighted mean of an hourly value: what callers experience across the week.
 * Null when no contact reaches an agent.
 * @example contactWeighted([0.9, 0.5], [300, 100]) //=> 0.8
 */
function contactWeighted(values: readonly number[], contacts: readonly number[]): number | null {
  const total = contacts.reduce((a, c) => a + c, 0);
  return total > 0 ? values.reduce((a, v, i) => a + v * contacts[i], 0) / total : null;
}
