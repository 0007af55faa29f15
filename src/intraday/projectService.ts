import type { ServiceTarget } from '../domain/config.js';
import { serviceWith } from '../staffing/agentsNeeded.js';

/** One remaining hour's work: contacts reaching agents, how long each takes, and the target. */
export interface DemandHour {
  /** Contacts reaching agents in the hour (the re-forecast's contacts x handled share). */
  handled: number;
  ahtSeconds: number;
  /** Contacts an agent works at once. */
  concurrency: number;
  target: ServiceTarget;
}

/** The service projected for one hour, and the queue it inherits and leaves. */
export interface HourProjection {
  /** Share of the hour's contacts answered within the target's threshold (0-1). */
  serviceLevel: number;
  /** Mean wait of the hour's contacts, seconds (finite). */
  asaSeconds: number;
  /** Contacts still waiting when the hour starts / ends (Erlang C only; 0 with patience). */
  backlogIn: number;
  backlogOut: number;
}

/**
 * The service of one hour with `agents` available and `backlogIn` contacts already waiting at
 * its start, under the hour's target model (Erlang A with patience, else Erlang C).
 *
 * The steady-state model alone says nothing useful about an overloaded hour (Erlang C's ASA is
 * infinite at agents <= load) and knows nothing of the queue the hour before left behind. So the
 * hour is the steady-state queue plus a fluid queue on top (the usual heavy-traffic picture):
 * - capacity mu = agents x 3600 / (AHT / concurrency) contacts an hour, arrivals lambda;
 * - the fluid queue starts at the backlog B and moves at lambda - mu:
 *   Q(tau) = max(0, B + (lambda - mu) tau) over the hour (tau in hours), and what is left,
 *   B' = max(0, B + lambda - mu), waits at the start of the next hour;
 * - a contact arriving at tau waits Q(tau) / mu behind the fluid queue (FIFO); the hour's ASA is
 *   the mean of that over the hour plus the steady-state ASA, which is capped by `randomWaitCap`
 *   (the wait a random queue builds in one hour at critical load, so finite when agents <= load);
 * - the service level is the steady-state one times the share of the hour in which the fluid
 *   wait is within the threshold (0 when the steady state has none, as the plan's delivered service).
 * With no backlog and agents > load this is exactly the plan's model. Every part falls as agents
 * rise and rises with the backlog, so more agents never look worse (the actions' greedy relies on it).
 * With patience set, callers not answered hang up, which Erlang A counts: nothing carries over.
 * An hour with no agent is measured as if one agent's rate cleared its queue, so that its ASA
 * stays finite; its backlog still carries whole.
 * @example
 * // 200 contacts of 180 s with 9 agents (load 10) leave 20 waiting for the next hour
 * hourProjection({ handled: 200, ahtSeconds: 180, concurrency: 1, target }, 9, 0).backlogOut //=> 20
 */
export function hourProjection(d: DemandHour, agents: number, backlogIn: number): HourProjection {
  const perContact = d.ahtSeconds / d.concurrency;
  const steady = serviceWith(d.handled, perContact, agents, d.target);
  const randomWait = Math.min(steady.asaSeconds, randomWaitCap(d.handled));
  if (d.target.patience_seconds !== null) {
    return { serviceLevel: steady.serviceLevel, asaSeconds: randomWait, backlogIn: 0, backlogOut: 0 };
  }
  const capacity = (agents * 3600) / perContact;
  const net = d.handled - capacity;
  const queueArea = fluidArea(backlogIn, net);
  const clearRate = Math.max(capacity, 3600 / perContact);
  const withinQueue = (d.target.answer_within_seconds * clearRate) / 3600;
  return {
    serviceLevel: steady.serviceLevel * shareAtMost(backlogIn, net, withinQueue),
    asaSeconds: randomWait + (3600 * queueArea) / clearRate,
    backlogIn,
    backlogOut: Math.max(0, backlogIn + net),
  };
}

/**
 * The mean wait, seconds, of an hour's arrivals in a queue at critical load (arrivals = capacity)
 * that starts empty: the queue is a reflected random walk of variance 2 lambda per hour, so
 * E[Q(tau)] = sqrt(4 lambda tau / pi) and its mean over the hour, divided by the rate, is
 * (2/3) sqrt(4 / (pi lambda)) hours. No hour's random queue waits longer on average.
 */
function randomWaitCap(arrivalsPerHour: number): number {
  return arrivalsPerHour > 0 ? 3600 * (2 / 3) * Math.sqrt(4 / (Math.PI * arrivalsPerHour)) : 0;
}

/** The integral over the hour of Q(tau) = max(0, B + net tau), contact-hours. */
function fluidArea(backlog: number, net: number): number {
  if (net >= 0) return backlog + net / 2;
  const until = Math.min(1, backlog / -net);
  return backlog * until + (net * until * until) / 2;
}

/** The share of the hour in which Q(tau) = max(0, B + net tau) is at most `limit`. */
function shareAtMost(backlog: number, net: number, limit: number): number {
  if (net === 0) return backlog <= limit ? 1 : 0;
  const crossing = (limit - backlog) / net;
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  return net > 0 ? clamp(crossing) : 1 - clamp(crossing);
}

/** The hours to project again after a change: from `from`, which changed up to `until`. */
export interface Change {
  from: number;
  until: number;
}

/**
 * Projects the hours in order, each inheriting the backlog the one before leaves (the first starts
 * with none: the queue at `now` is not known). Given the previous projection and what changed, it
 * recomputes only from the change on, and stops once past the change an hour inherits the same
 * backlog as before (the rest is then unchanged), so the actions' greedy stays fast.
 * @param demand the hours' work, in time order
 * @param agents agents available per hour
 * @example projectService(demand, agents).map((h) => h.asaSeconds)
 */
export function projectService(
  demand: readonly DemandHour[],
  agents: readonly number[],
  previous?: { hours: readonly HourProjection[]; change: Change },
): HourProjection[] {
  const from = previous?.change.from ?? 0;
  const out = previous ? previous.hours.slice(0, from) : [];
  let backlog = from > 0 && previous ? previous.hours[from - 1].backlogOut : 0;
  for (let i = from; i < demand.length; i++) {
    if (previous && i > previous.change.until && previous.hours[i].backlogIn === backlog) {
      out.push(...previous.hours.slice(i));
      break;
    }
    const h = hourProjection(demand[i], agents[i], backlog);
    out.push(h);
    backlog = h.backlogOut;
  }
  return out;
}
