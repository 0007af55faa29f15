import { totalShrinkage, type PlanConfig } from '../domain/config.js';
import type { CalendarEvent, Instant } from '../domain/types.js';
import { availableAgents } from '../staffing/onDuty.js';
import { deliveredService, serviceTargetAt } from '../staffing/requirements.js';
import type { DeliveredHour } from './summary.js';

/** What one hour offers the agents: contacts reaching them and their mean handle time. */
export interface HourDemand {
  t: Instant;
  handledContacts: number;
  ahtSeconds: number;
}

/**
 * The service a roster delivers hour by hour (SPEC section 3, Coverage): the queueing model with
 * floor(staffed x (1 - shrinkage)) agents and the hour's own service target.
 * @param hours the hours' demand, aligned with `staffed`
 * @param staffed staff on shift per hour (agents x productivity)
 * @param config the plan configuration (shrinkage, targets, concurrency)
 * @param events calendar events (holiday hours use service.holiday)
 */
export function deliveredByHour(hours: readonly HourDemand[], staffed: readonly number[], config: PlanConfig, events: readonly CalendarEvent[]): DeliveredHour[] {
  const shrinkage = totalShrinkage(config.shrinkage);
  return hours.map((h, i) => deliveredService(availableAgents(staffed[i], shrinkage), h.handledContacts, h.ahtSeconds, serviceTargetAt(h.t, config, events), config.demand.concurrency));
}

/**
 * The contact-weighted mean of an hourly value: what callers experience across the week.
 * Null when no contact reaches an agent.
 * @example contactWeighted([0.9, 0.5], [300, 100]) //=> 0.8
 */
export function contactWeighted(values: readonly number[], contacts: readonly number[]): number | null {
  const total = contacts.reduce((a, c) => a + c, 0);
  return total > 0 ? values.reduce((a, v, i) => a + v * contacts[i], 0) / total : null;
}
