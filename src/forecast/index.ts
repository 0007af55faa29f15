import type { CalendarEvent, ForecastPoint, History, Instant } from '../domain/types.js';
import { forecastAht } from './aht.js';
import { forecastQueue } from './forecastQueue.js';
import type { ModelChoice } from './select.js';

/** A queue's model choice, as summary.json records it. */
export type QueueModel = { queue: string } & ModelChoice;

/**
 * Hourly forecast of every queue of the history at the `horizon` instants: expected contacts and
 * an 80% interval, with the queue name when there are several queues and the forecast average
 * handle time when the history carries handle times. Each queue is forecast on its own; `models`
 * says which family each was forecast with and its backtest error.
 * @param timeZone the zone whose wall clock defines hours of the week and days
 */
export function forecastHistory(
  history: History,
  events: CalendarEvent[],
  timeZone: string,
  horizon: Instant[],
): { points: ForecastPoint[]; models: QueueModel[] } {
  const several = history.queues.length > 1;
  const models: QueueModel[] = [];
  const points = history.queues.flatMap((q) => {
    const f = forecastQueue(q.hours, events, timeZone, horizon);
    models.push({ queue: q.queue, ...f.model });
    const aht = forecastAht(q.hours, timeZone, horizon);
    return horizon.map((t, i) => ({
      t,
      contacts: f.contacts[i],
      lo80: f.lo80[i],
      hi80: f.hi80[i],
      ...(several ? { queue: q.queue } : {}),
      ...(aht ? { ahtSeconds: aht[i] } : {}),
    }));
  });
  return { points, models };
}

export { forecastQueue, type QueueForecast } from './forecastQueue.js';
export type { ModelChoice } from './select.js';
export { MODELS } from './registry.js';
