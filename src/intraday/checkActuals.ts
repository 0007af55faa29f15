import { InputError } from '../domain/errors.js';
import { formatTimestamp, HOUR_MS } from '../domain/time.js';
import type { HourCount, Instant } from '../domain/types.js';

/**
 * Checks the week's actuals against the plan's hours and `now`: every actual is an hour of the
 * plan's week that has ended by `now`, no hour twice, counts finite and not negative. Throws an InputError
 * naming the field (`timestamp`, `contacts`, `now`); returns the counts by hour.
 * @param weekHours the plan's hours, in time order
 * @param file the actuals' file (or request part), for the message
 * @param nowFrom where `now` came from, for the message
 */
export function checkActuals(
  actuals: readonly HourCount[],
  weekHours: readonly Instant[],
  now: Instant,
  timeZone: string,
  file: string,
  nowFrom = 'command line',
): Map<Instant, number> {
  const first = weekHours[0];
  const end = weekHours[weekHours.length - 1] + HOUR_MS;
  const at = (t: Instant) => (Number.isFinite(t) ? formatTimestamp(t, timeZone) : String(t));
  if (!(now >= first && now < end)) {
    throw new InputError({ file: nowFrom, field: 'now' }, `${at(now)} is not within the plan's week (${at(first)} to ${at(end)})`);
  }
  const inWeek = new Set(weekHours);
  const counts = new Map<Instant, number>();
  for (const a of actuals) {
    if (!inWeek.has(a.t)) {
      const why =
        a.t >= first && a.t < end ? 'is not the start of an hour of the plan' : `is outside the plan's week (${at(first)} to ${at(end)})`;
      throw new InputError({ file, field: 'timestamp' }, `${at(a.t)} ${why}`);
    }
    if (a.t + HOUR_MS > now) throw new InputError({ file, field: 'timestamp' }, `the hour ${at(a.t)} does not end by now (${at(now)})`);
    if (counts.has(a.t)) throw new InputError({ file, field: 'timestamp' }, `the hour ${at(a.t)} appears twice`);
    if (!Number.isFinite(a.contacts) || a.contacts < 0) {
      throw new InputError({ file, field: 'contacts' }, `${a.contacts} contacts at ${at(a.t)}: counts must be 0 or more`);
    }
    counts.set(a.t, a.contacts);
  }
  return counts;
}
