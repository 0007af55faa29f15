import { totalShrinkage, type PlanConfig, type ServiceTarget } from '../domain/config.js';
import type { CalendarEvent } from '../domain/types.js';
import { serviceWith } from './agentsNeeded.js';
import { availableAgents } from './onDuty.js';
import type { HourDemand } from './demand.js';
import { serviceTargetAt } from './serviceTargets.js';
import { simulate, type HandleTimeModel, type SimulationResult } from './simulate.js';
import { simulateSkills, type SkillSimulationResult } from './simulateSkills.js';

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

/** How to measure a roster's service beyond the queueing model of each hour's target. */
export interface DeliveredOptions {
  /**
   * One mean patience, seconds, for every hour and the simulator (null: nobody hangs up); by
   * default each hour's target has its own, and the simulator uses `service.patience_seconds`.
   */
  patienceSeconds?: number | null;
  /** Also run the discrete-event simulator over the hours; the week's figures are then its estimates. */
  simulation?: { handleTime: HandleTimeModel; replications: number; seed: number };
  /**
   * With tiers: per hour, the roster's split of its staff among the tiers (`roster.hourly[].tiers`);
   * each tier is then measured as its own group. Without it a tiered hour is measured pooled.
   */
  staffedByTier?: readonly (readonly { tier: string; staffed: number }[] | undefined)[];
  /**
   * With tiers and `simulation`: each pool's tiers and staff on shift per hour, so the simulator
   * routes each tier's contacts to the pools that serve it (simulateSkills.ts).
   */
  pools?: readonly { tiers: readonly string[]; staffed: readonly number[] }[];
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
  /** With tiers (and `staffedByTier`): each tier's week by the queueing model, contact-weighted. */
  tiers?: ({ tier: string; handledContacts: number } & WeekService)[];
  /** With tiers, `pools` and `simulation`: the skill-based simulation, tiers in `names` order. */
  simulatedTiers?: SkillSimulationResult & { names: string[] };
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
  const withPatience = (target: ServiceTarget) =>
    options.patienceSeconds === undefined ? target : { ...target, patience_seconds: options.patienceSeconds };
  const targets = hours.map((h) => withPatience(serviceTargetAt(h.t, config, events)));
  const concurrencies = hours.map((h) => h.concurrency ?? config.demand.concurrency);
  const split = hours.map((h, i) => {
    const byTier = options.staffedByTier?.[i];
    if (!h.tiers || !byTier) return null;
    return h.tiers.map((d) => {
      const agents = availableAgents(byTier.find((b) => b.tier === d.tier)?.staffed ?? 0, shrinkage);
      const target = withPatience(serviceTargetAt(h.t, config, events, d.tier));
      return {
        agents,
        handled: d.handledContacts,
        service: deliveredService(agents, d.handledContacts, d.ahtSeconds, target, d.concurrency),
      };
    });
  });
  const agents = staffed.map((s, i) => split[i]?.reduce((a, g) => a + g.agents, 0) ?? availableAgents(s, shrinkage));
  const tiers = tierWeeks(hours, split);
  const model = hours.map(
    (h, i) =>
      (split[i] && tiersCombined(split[i])) ?? deliveredService(agents[i], h.handledContacts, h.ahtSeconds, targets[i], concurrencies[i]),
  );
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
    return { agents, hours: model, week, simulated: null, ...(tiers && { tiers }) };
  }
  const patienceSeconds = options.patienceSeconds === undefined ? config.service.patience_seconds : options.patienceSeconds;
  const names = hours.find((h) => h.tiers)?.tiers?.map((d) => d.tier);
  if (names && options.pools) {
    const result = simulateSkills({
      tiers: names.map((tier, k) => ({
        arrivalsPerHour: hours.map((h) => h.tiers?.[k].handledContacts ?? 0),
        // One agent is one server taking AHT / concurrency per contact (the Erlang model's view):
        // a pool may serve tiers of different concurrency.
        ahtSeconds: hours.map((h) => {
          const d = h.tiers?.[k];
          return d ? d.ahtSeconds / d.concurrency : config.demand.aht_seconds;
        }),
        answerWithinSeconds: hours.map((h) => serviceTargetAt(h.t, config, events, tier).answer_within_seconds),
      })),
      groups: options.pools.map((p) => ({
        agentsOnDuty: p.staffed.map((x) => availableAgents(x, shrinkage)),
        tiers: p.tiers.flatMap((t) => (names.includes(t) ? [names.indexOf(t)] : [])),
      })),
      patienceSeconds,
      ...options.simulation,
    });
    const offered = result.tiers.map((t) => t.total.offered);
    const week = {
      serviceLevel: contactWeighted(
        result.tiers.map((t) => t.total.serviceLevel?.mean ?? 0),
        offered,
      ),
      asaSeconds: contactWeighted(
        result.tiers.map((t) => t.total.asaSeconds?.mean ?? 0),
        offered,
      ),
    };
    return { agents, hours: model, week, simulated: null, simulatedTiers: { ...result, names }, ...(tiers && { tiers }) };
  }
  // A chat agent works `concurrency` contacts at once: simulated as that many servers.
  const servers = agents.map((n, i) => Math.floor(n * concurrencies[i] + 1e-9));
  const result = simulate({
    arrivalsPerHour: hours.map((h) => h.handledContacts),
    agentsOnDuty: servers,
    ahtSeconds: hours.map((h) => h.ahtSeconds),
    answerWithinSeconds: targets.map((t) => t.answer_within_seconds),
    patienceSeconds,
    ...options.simulation,
  });
  const week = { serviceLevel: result.total.serviceLevel?.mean ?? null, asaSeconds: result.total.asaSeconds?.mean ?? null };
  return { agents, hours: model, week, simulated: { ...result, servers }, ...(tiers && { tiers }) };
}

/** Each tier's week from the hours measured tier by tier (undefined when none was). */
function tierWeeks(
  hours: readonly HourDemand[],
  split: readonly ({ handled: number; service: DeliveredService }[] | null)[],
): RosterService['tiers'] {
  const names = hours.find((h, i) => h.tiers && split[i])?.tiers?.map((d) => d.tier);
  if (!names) return undefined;
  return names.map((tier, k) => {
    const groups = split.flatMap((g) => (g ? [g[k]] : []));
    const handled = groups.map((g) => g.handled);
    return {
      tier,
      handledContacts: handled.reduce((a, b) => a + b, 0),
      serviceLevel: contactWeighted(
        groups.map((g) => g.service.serviceLevel),
        handled,
      ),
      asaSeconds: contactWeighted(
        groups.map((g) => g.service.asaSeconds),
        handled,
      ),
    };
  });
}

/**
 * An hour's service from its tiers' (each measured with its own agents): contact-weighted service
 * level, ASA and abandonment, agent-weighted occupancy. Null when no contact reaches a tier.
 */
function tiersCombined(groups: readonly { agents: number; handled: number; service: DeliveredService }[]): DeliveredService | null {
  const handled = groups.map((g) => g.handled);
  const serviceLevel = contactWeighted(
    groups.map((g) => g.service.serviceLevel),
    handled,
  );
  if (serviceLevel === null) return null;
  const abandon = groups.every((g) => g.service.abandonRate === undefined)
    ? undefined
    : contactWeighted(
        groups.map((g) => g.service.abandonRate ?? 0),
        handled,
      );
  const occupancy =
    contactWeighted(
      groups.map((g) => g.service.occupancy),
      groups.map((g) => g.agents),
    ) ?? 0;
  return {
    serviceLevel,
    asaSeconds: contactWeighted(
      groups.map((g) => g.service.asaSeconds),
      handled,
    )!,
    occupancy,
    ...(abandon !== undefined && abandon !== null && { abandonRate: abandon }),
  };
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
