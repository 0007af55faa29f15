import { totalShrinkage, type PlanConfig } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { formatTimestamp } from '../domain/time.js';
import type { CalendarEvent, ForecastPoint, Instant, Requirement } from '../domain/types.js';
import { agentsNeeded, MAX_AGENTS_PER_HOUR, TooManyAgentsError } from './agentsNeeded.js';
import type { HourDemand } from './delivered.js';
import { serviceTargetAt } from './serviceTargets.js';

/**
 * Agents and staff each forecast hour needs (SPEC section 3): handled contacts =
 * contacts x (1 - bot_deflection); handle time = the point's forecast AHT, else
 * `demand.aht_seconds`; the hour's service target (holiday and period targets included);
 * agents from Erlang C, or Erlang A when the target sets a patience; staff =
 * agents / (1 - shrinkage), not rounded.
 *
 * Chat concurrency c divides the offered load by c: an agent is modelled as one server that
 * handles a contact in AHT / c seconds, so that a busy agent frees a slot as often as c parallel
 * chats of AHT seconds would.
 * @param points the hourly forecast (contacts per hour)
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
  const available = 1 - totalShrinkage(config.shrinkage);
  return points.map((p) => {
    const handledContacts = handledOf(p.contacts, config);
    const ahtSeconds = p.ahtSeconds ?? config.demand.aht_seconds;
    let agents: number;
    try {
      agents = agentsNeeded(handledContacts, ahtSeconds / config.demand.concurrency, serviceTargetAt(p.t, config, events));
    } catch (e) {
      if (!(e instanceof TooManyAgentsError)) throw e;
      const count = `a forecast of ${Math.round(p.contacts).toLocaleString('en-US')} contacts at ${formatTimestamp(p.t, config.timezone)}`;
      throw new InputError(
        { file: source },
        `${count} would need more than ${MAX_AGENTS_PER_HOUR.toLocaleString('en-US')} agents in one hour (an offered load of ${Math.round(e.loadErlangs).toLocaleString('en-US')} Erlangs); check the counts`,
      );
    }
    return { t: p.t, contacts: p.contacts, handledContacts, ahtSeconds, agentsNeeded: agents, staffNeeded: agents / available };
  });
}

/** Contacts that reach an agent: contacts x (1 - bot_deflection), per hour. */
export function handledOf(contacts: number, config: PlanConfig): number {
  return contacts * (1 - config.demand.bot_deflection);
}

/**
 * What each hour of a roster's week offers the agents, from a forecast: its handled contacts and
 * AHT (else `demand.aht_seconds`); an hour the forecast lacks has no contacts.
 * @param slots the week's hours (epoch milliseconds)
 * @param points the forecast, in any order; points outside the week are ignored
 * @param config the plan configuration (bot deflection, default AHT)
 */
export function demandBySlot(slots: readonly Instant[], points: readonly ForecastPoint[], config: PlanConfig): HourDemand[] {
  const byInstant = new Map(points.map((p) => [p.t, p]));
  return slots.map((t) => {
    const p = byInstant.get(t);
    return { t, handledContacts: p ? handledOf(p.contacts, config) : 0, ahtSeconds: p?.ahtSeconds ?? config.demand.aht_seconds };
  });
}
