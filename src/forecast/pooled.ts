import type { ForecastPoint } from '../domain/types.js';

/**
 * The queues' forecasts added hour by hour, for one pooled agent group: contacts and interval
 * ends add up (conservative: as if the queues' errors moved together), handle time is
 * weighted by the contacts of the queues that have one (a queue without handle times must not
 * dilute the others'). Points without a queue pass through unchanged.
 */
export function pooledForecast(points: readonly ForecastPoint[]): ForecastPoint[] {
  const byHour = new Map<number, ForecastPoint & { ahtWork: number; ahtContacts: number }>();
  for (const p of points) {
    const sum = byHour.get(p.t) ?? { t: p.t, contacts: 0, lo80: 0, hi80: 0, ahtWork: 0, ahtContacts: 0 };
    sum.contacts += p.contacts;
    sum.lo80 += p.lo80;
    sum.hi80 += p.hi80;
    if (p.ahtSeconds !== undefined) {
      sum.ahtWork += p.ahtSeconds * p.contacts;
      sum.ahtContacts += p.contacts;
    }
    byHour.set(p.t, sum);
  }
  return [...byHour.values()]
    .sort((a, b) => a.t - b.t)
    .map(({ ahtWork, ahtContacts, ...p }) => (ahtContacts > 0 ? { ...p, ahtSeconds: ahtWork / ahtContacts } : p));
}
