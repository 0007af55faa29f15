import type { CalendarEvent, ForecastPoint, History, Instant } from '../domain/types.js';
import { forecastAht } from './aht.js';
import { forecastQueue } from './forecastQueue.js';

/**
 * Hourly forecast of every queue of the history at the `horizon` instants: expected contacts and
 * an 80% interval, with the queue name when there are several queues and the forecast average
 * handle time when the history carries handle times. Each queue is forecast on its own.
 * @param timeZone the zone whose wall clock defines hours of the week and days
 */
export function forecastHistory(history: History, events: CalendarEvent[], timeZone: string, horizon: Instant[]): ForecastPoint[] {
  const several = history.queues.length > 1;
  return history.queues.flatMap((q) => {
    const f = forecastQueue(q.hours, events, timeZone, horizon);
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
}

export { forecastQueue, type QueueForecast } from './forecastQueue.js';
export { MODELS } from './registry.js';
