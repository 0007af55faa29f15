import type { ServiceTarget } from '../domain/config.js';
import { serviceWith } from './agentsNeeded.js';

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
export function deliveredService(staffedAgents: number, handledContacts: number, ahtSeconds: number, target: ServiceTarget, concurrency = 1): DeliveredService {
  const m = serviceWith(handledContacts, ahtSeconds / concurrency, staffedAgents, target);
  const base = { serviceLevel: m.serviceLevel, asaSeconds: m.asaSeconds, occupancy: m.occupancy };
  return target.patience_seconds === null ? base : { ...base, abandonRate: m.abandonRate };
}
