import { holidayTarget, type PlanConfig, type ServicePeriod, type ServiceTarget } from '../domain/config.js';
import { localParts, WEEKDAYS } from '../domain/time.js';
import type { CalendarEvent, Instant } from '../domain/types.js';

/**
 * The service target of one hour: the defaults, then `service.holiday` when the hour lies in an
 * event of kind `holiday`, then every `service.periods` entry that matches the hour, in order
 * (a later entry wins a field both set), then the tier's own target (`service.tiers`) when a tier is named.
 * @param t the hour (epoch milliseconds)
 * @param config the plan configuration (its time zone gives the local day and hour)
 * @param events calendar events; only kind `holiday` matters here
 * @example
 * // service.periods: [{ days: ['workday'], answer_within_seconds: 15 }]
 * serviceTargetAt(mondayAt10, config, []).answer_within_seconds //=> 15
 */
export function serviceTargetAt(t: Instant, config: PlanConfig, events: readonly CalendarEvent[], tier?: string): ServiceTarget {
  const hourly = hourTarget(t, config, events);
  const own = tier === undefined ? undefined : config.service.tiers?.[tier];
  return own ? { ...hourly, ...own } : hourly;
}

function hourTarget(t: Instant, config: PlanConfig, events: readonly CalendarEvent[]): ServiceTarget {
  const holiday = events.some((e) => e.kind === 'holiday' && e.start <= t && t < e.end);
  const { holiday: _holiday, periods, tiers: _tiers, max_miss_probability: _risk, ...defaults } = config.service;
  const base = holiday ? holidayTarget(config) : defaults;
  if (periods.length === 0) return base;
  const { hour, weekday } = localParts(t, config.timezone);
  const matching = periods.filter((p) => periodCovers(p, WEEKDAYS[weekday], hour, holiday));
  // Later periods override earlier ones, field by field.
  const target = { ...base };
  for (const { days: _d, start_hour: _s, end_hour: _e, ...fields } of matching) Object.assign(target, fields);
  return target;
}

/** Whether a service period covers a local weekday and hour (holiday hours are `holiday`, not workday/weekend). */
function periodCovers(p: ServicePeriod, weekday: (typeof WEEKDAYS)[number], hour: number, holiday: boolean): boolean {
  const weekend = weekday === 'sat' || weekday === 'sun';
  const dayTypes = [weekday, holiday ? 'holiday' : weekend ? 'weekend' : 'workday'];
  if (p.days && !p.days.some((d) => dayTypes.includes(d))) return false;
  if (p.start_hour === undefined || p.end_hour === undefined) return true;
  const end = p.end_hour % 24;
  return p.start_hour < end ? hour >= p.start_hour && hour < end : hour >= p.start_hour || hour < end;
}
