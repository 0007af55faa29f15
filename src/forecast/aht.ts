import type { HourCount, Instant } from '../domain/types.js';
import { localHour, slotOf, WEEK } from './calendar.js';

/** Weeks of handle times that feed the AHT forecast. */
const AHT_WEEKS = 8;

/**
 * Forecast average handle time (seconds) per horizon hour: the contact-weighted mean AHT of the
 * same hour of the week over the last weeks, else of all recent hours. Null when the history
 * carries no handle times.
 */
export function forecastAht(hours: readonly HourCount[], timeZone: string, horizon: readonly Instant[]): number[] | null {
  const withAht = hours.filter((h) => h.ahtSeconds !== undefined);
  if (withAht.length === 0) return null;
  const last = localHour(withAht[withAht.length - 1].t, timeZone);
  const handled = new Float64Array(WEEK);
  const weight = new Float64Array(WEEK);
  let allHandled = 0;
  let allWeight = 0;
  for (const h of withAht) {
    const lh = localHour(h.t, timeZone);
    if (last - lh >= AHT_WEEKS * WEEK) continue;
    // Contact weighting, with a floor so zero-contact hours still say something.
    const w = Math.max(h.contacts, 0.5);
    handled[slotOf(lh)] += w * h.ahtSeconds!;
    weight[slotOf(lh)] += w;
    allHandled += w * h.ahtSeconds!;
    allWeight += w;
  }
  return horizon.map((t) => {
    const slot = slotOf(localHour(t, timeZone));
    return weight[slot] > 0 ? handled[slot] / weight[slot] : allHandled / allWeight;
  });
}
