import { totalShrinkage, type PlanConfig } from '../domain/config.js';
import { localDate } from '../domain/time.js';
import type { CalendarEvent, ForecastPoint, Requirement } from '../domain/types.js';
import { pooledForecast } from '../forecast/pooled.js';
import { contactsDistribution } from './contactsDistribution.js';
import type { StaffedGroup } from './hourRisk.js';
import { availableAgents } from './onDuty.js';
import { serviceTargetAt } from './serviceTargets.js';
import { weekRisk, type WeekHour, type WeekRisk } from './weekRisk.js';

/** What the roster puts on one hour: staff on shift, and with tiers its split among them (roster.json). */
export interface HourStaffing {
  staffed: number;
  tiers?: readonly { tier: string; staffed: number }[];
}

/**
 * The service risk of a week as rostered: each hour's requirement (its demand and queue mix)
 * served by the agents the roster's scheduled pools put on the phones (standby is not counted:
 * it is called only when the day runs high), against the hour's contacts distribution from the
 * pooled forecast (its lo80/hi80). Tiered hours are measured tier by tier with the roster's split.
 * @param requirements the week's requirements, aligned with `staffing`
 * @param forecast the forecast, per hour or per hour and queue (pooled here as the plan pools it), any order
 */
export function rosterRisk(
  requirements: readonly Requirement[],
  staffing: readonly HourStaffing[],
  forecast: readonly ForecastPoint[],
  config: PlanConfig,
  events: readonly CalendarEvent[],
): WeekRisk {
  const shrinkage = totalShrinkage(config.shrinkage);
  const points = new Map(pooledForecast(forecast).map((p) => [p.t, p]));
  const dates = requirements.map((r) => localDate(r.t, config.timezone));
  const days = [...new Set(dates)];
  const hours = requirements.map((r, i): WeekHour => {
    const point = points.get(r.t) ?? { contacts: r.contacts, lo80: r.contacts, hi80: r.contacts };
    const split = staffing[i]?.tiers;
    const groups: StaffedGroup[] =
      r.tiers && split
        ? r.tiers.map((d) => ({
            handledContacts: d.handledContacts,
            serviceSeconds: d.ahtSeconds / d.concurrency,
            agents: availableAgents(split.find((s) => s.tier === d.tier)?.staffed ?? 0, shrinkage),
            target: serviceTargetAt(r.t, config, events, d.tier),
          }))
        : [
            {
              handledContacts: r.handledContacts,
              serviceSeconds: r.ahtSeconds / (r.concurrency ?? config.demand.concurrency),
              agents: availableAgents(staffing[i]?.staffed ?? 0, shrinkage),
              target: serviceTargetAt(r.t, config, events),
            },
          ];
    return { contacts: r.contacts, contactsDistribution: contactsDistribution(point), groups, day: days.indexOf(dates[i]) };
  });
  return weekRisk(hours, { serviceLevel: config.service.service_level });
}
