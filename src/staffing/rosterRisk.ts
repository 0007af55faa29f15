import { totalShrinkage, type PlanConfig } from '../domain/config.js';
import { localDate } from '../domain/time.js';
import type { CalendarEvent, ForecastPoint, Requirement } from '../domain/types.js';
import { pooledForecast } from '../forecast/pooled.js';
import { contactsDistribution } from './contactsDistribution.js';
import { tierForecasts } from './tierForecasts.js';
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
 * it is called only when the day runs high), against the distribution of the contacts from the
 * forecast's lo80/hi80, pooled over the queues of each tier. Tiered hours are measured tier by
 * tier with the roster's split.
 * @param requirements the week's requirements, aligned with `staffing`
 * @param forecast the forecast per hour and queue (or pooled per hour without tiers), any order
 */
export function rosterRisk(
  requirements: readonly Requirement[],
  staffing: readonly HourStaffing[],
  forecast: readonly ForecastPoint[],
  config: PlanConfig,
  events: readonly CalendarEvent[],
): WeekRisk {
  const shrinkage = totalShrinkage(config.shrinkage);
  const byTier = tierForecasts(forecast, config);
  const pooled = new Map(pooledForecast(forecast).map((p) => [p.t, p]));
  const dates = requirements.map((r) => localDate(r.t, config.timezone));
  const days = [...new Set(dates)];
  const distribution = (point: ForecastPoint | undefined, contacts: number) =>
    contactsDistribution(point ?? { contacts, lo80: contacts, hi80: contacts });
  const hours = requirements.map((r, i): WeekHour => {
    const split = staffing[i]?.tiers;
    const groups: StaffedGroup[] =
      r.tiers && split
        ? r.tiers.map((d) => {
            const point = byTier.get(d.tier)?.get(r.t);
            return {
              contacts: point?.contacts ?? 0,
              contactsDistribution: distribution(point, 0),
              handledContacts: d.handledContacts,
              serviceSeconds: d.ahtSeconds / d.concurrency,
              agents: availableAgents(split.find((s) => s.tier === d.tier)?.staffed ?? 0, shrinkage),
              target: serviceTargetAt(r.t, config, events, d.tier),
            };
          })
        : [
            {
              contacts: r.contacts,
              contactsDistribution: distribution(pooled.get(r.t), r.contacts),
              handledContacts: r.handledContacts,
              serviceSeconds: r.ahtSeconds / (r.concurrency ?? config.demand.concurrency),
              agents: availableAgents(staffing[i]?.staffed ?? 0, shrinkage),
              target: serviceTargetAt(r.t, config, events),
            },
          ];
    return { groups, day: days.indexOf(dates[i]) };
  });
  return weekRisk(hours, { serviceLevel: config.service.service_level });
}
