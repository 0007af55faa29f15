/**
 * What the queueing models take and give: one hour of a single queue in steady state.
 */

/** One hour's queue: contacts arriving per hour, their mean handle time, the agents answering. */
export interface Queue {
  /** Contacts offered per hour (Poisson arrivals). */
  arrivalsPerHour: number;
  /** Mean handle time, seconds (exponential in Erlang C and A). */
  ahtSeconds: number;
  /** Agents logged in and available (a whole number >= 0). */
  agents: number;
}

/** Steady-state service of a queue, as contact centers report it. */
export interface QueueMetrics {
  /** Offered load, Erlangs: arrivals per second x handle time in seconds. */
  loadErlangs: number;
  /** Probability that a contact finds every agent busy and waits (0-1). */
  pWait: number;
  /** Share of all offered contacts answered within the threshold (0-1). */
  serviceLevel: number;
  /** Average speed of answer: mean wait of answered contacts, seconds (Infinity when none is answered). */
  asaSeconds: number;
  /** Share of offered contacts that hang up before an answer (0 in Erlang C). */
  abandonRate: number;
  /** Share of agents' time spent handling contacts (0-1). */
  occupancy: number;
  /** False when the queue grows without bound (Erlang C with agents <= load). */
  stable: boolean;
}

/** Offered load in Erlangs: contacts per hour x handle time in seconds / 3600. */
export function loadErlangs(arrivalsPerHour: number, ahtSeconds: number): number {
  return (arrivalsPerHour * ahtSeconds) / 3600;
}

/** The metrics of a queue with no arrivals: nobody waits, nothing to handle. */
export function idleMetrics(): QueueMetrics {
  return { loadErlangs: 0, pWait: 0, serviceLevel: 1, asaSeconds: 0, abandonRate: 0, occupancy: 0, stable: true };
}
