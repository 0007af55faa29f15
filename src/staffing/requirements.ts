import { configTiers, totalShrinkage, type PlanConfig, type ServiceTarget } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { formatTimestamp } from '../domain/time.js';
import type { CalendarEvent, ForecastPoint, Instant, Requirement } from '../domain/types.js';
import { agentsNeeded, MAX_AGENTS_PER_HOUR, TooManyAgentsError } from './agentsNeeded.js';
import { contactsDistribution } from './contactsDistribution.js';
import { tierForecasts } from './tierForecasts.js';
import { demandByHour, emptyHour, type HourDemand } from './demand.js';
import { serviceTargetAt } from './serviceTargets.js';

/**
 * Agents and staff each forecast hour needs (SPEC section 3): the hour's demand (demand.ts: each
 * queue's contacts less what the bot resolves, at its handle time and concurrency); the hour's
 * service target (holiday and period targets included); agents from Erlang C, or Erlang A when the
 * target sets a patience; staff = agents / (1 - shrinkage), not rounded. With tiers, each tier is
 * its own group with its own target (`service.tiers`), and the hour needs their sum. With a standby
 * pool, each hour also carries the staff its hi80 contacts would need (`staffNeededHigh`). With
 * `service.max_miss_probability`, agents are computed at the hour's (1 - p) quantile of contacts
 * instead of the point forecast, tier by tier (`riskScales`); the standby's hi80 staffing is unchanged.
 *
 * Chat concurrency c divides the offered load by c: an agent is modelled as one server that
 * handles a contact in AHT / c seconds, so that a busy agent frees a slot as often as c parallel
 * chats of AHT seconds would.
 * @param points the hourly forecast (contacts per hour), one point per hour or per hour and queue
 * @param config the plan configuration
 * @param events calendar events (hours in a `holiday` event use `service.holiday`)
 * @param source the file the counts come from (the forecast, or the history it was made from),
 *   named when an hour would need more agents than any center has
 */
export function requirementsFor(
  points: readonly ForecastPoint[],
  config: PlanConfig,
  events: readonly CalendarEvent[],
  source = 'forecast',
): Requirement[] {
  const rows = needsOf(points, config, events, source, riskScales(points, config));
  if (!config.pools.some((p) => p.kind === 'standby')) return rows;
  // The standby pool covers the upper end of the forecast (SPEC section 7): the same staffing at
  // each queue's hi80, whose sum over queues is the pooled interval's end (pooled.ts).
  const high = new Map(
    needsOf(
      points.map((p) => ({ ...p, contacts: Math.max(p.contacts, p.hi80) })),
      config,
      events,
      source,
      new Map(),
    ).map((r) => [r.t, r.staffNeeded]),
  );
  // Below 10% the risk level asks more than hi80: the standby then backs up that much, no less.
  return rows.map((r) => ({ ...r, staffNeededHigh: Math.max(high.get(r.t)!, r.staffNeeded) }));
}

/**
 * Per tier and hour, the multiple of the point forecast its agents are computed at: with
 * `service.max_miss_probability` p, the quantile of the tier's contacts (its queues pooled,
 * contactsDistribution.ts) that k independent tiers all stay under with probability 1 - p, so
 * the hour misses with probability at most p (hourRisk.ts); the queues of a tier scale alike.
 * Absent (no p, or no contacts): 1.
 */
function riskScales(points: readonly ForecastPoint[], config: PlanConfig): Map<string, number> {
  const p = config.service.max_miss_probability;
  if (p === null) return new Map();
  const level = (1 - p) ** (1 / configTiers(config).length);
  return new Map(
    [...tierForecasts(points, config)].flatMap(([tier, hours]) =>
      [...hours.values()]
        .filter((q) => q.contacts > 0)
        .map((q): [string, number] => [scaleKey(q.t, tier), contactsDistribution(q).quantile(level) / q.contacts]),
    ),
  );
}

const scaleKey = (t: Instant, tier: string) => `${t} ${tier}`;

/** Each hour's requirement, its agents computed at `scales` (default 1) times its demand; its contacts stay the forecast's. */
function needsOf(
  points: readonly ForecastPoint[],
  config: PlanConfig,
  events: readonly CalendarEvent[],
  source: string,
  scales: ReadonlyMap<string, number>,
): Requirement[] {
  const available = 1 - totalShrinkage(config.shrinkage);
  return demandByHour(points, config).map((hour) => {
    const agents = (d: Omit<HourDemand, 't'>, target: ServiceTarget, tier: string) => {
      const scale = scales.get(scaleKey(hour.t, tier)) ?? 1;
      try {
        return agentsNeeded(d.handledContacts * scale, d.ahtSeconds / d.concurrency!, target);
      } catch (e) {
        if (!(e instanceof TooManyAgentsError)) throw e;
        const count = `a forecast of ${Math.round(hour.contacts).toLocaleString('en-US')} contacts at ${formatTimestamp(hour.t, config.timezone)}`;
        throw new InputError(
          { file: source },
          `${count} would need more than ${MAX_AGENTS_PER_HOUR.toLocaleString('en-US')} agents in one hour (an offered load of ${Math.round(e.loadErlangs).toLocaleString('en-US')} Erlangs); check the counts`,
        );
      }
    };
    const { t, contacts, handledContacts, ahtSeconds, concurrency } = hour;
    const base = { t, contacts, handledContacts, ahtSeconds, concurrency };
    if (!hour.tiers) {
      const n = agents(hour, serviceTargetAt(t, config, events), configTiers(config)[0]);
      return { ...base, agentsNeeded: n, staffNeeded: n / available };
    }
    const tiers = hour.tiers.map((d) => {
      const n = agents(d, serviceTargetAt(t, config, events, d.tier), d.tier);
      return { ...d, agentsNeeded: n, staffNeeded: n / available };
    });
    const agentsTotal = tiers.reduce((a, d) => a + d.agentsNeeded, 0);
    return { ...base, agentsNeeded: agentsTotal, staffNeeded: agentsTotal / available, tiers };
  });
}

/**
 * What each hour of a roster's week offers the agents, from a forecast (demand.ts); an hour the
 * forecast lacks has no contacts.
 * @param slots the week's hours (epoch milliseconds)
 * @param points the forecast, in any order, per hour or per hour and queue; points outside the week are ignored
 * @param config the plan configuration (bot deflection, handle times, tiers)
 */
export function demandBySlot(slots: readonly Instant[], points: readonly ForecastPoint[], config: PlanConfig): HourDemand[] {
  const byInstant = new Map(demandByHour(points, config).map((d) => [d.t, d]));
  return slots.map((t) => byInstant.get(t) ?? emptyHour(t, config));
}
