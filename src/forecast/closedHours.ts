import { WEEK } from './calendar.js';
import { endOf, type Series } from './series.js';

/** How many recent weeks decide whether an hour of the week is open. */
const RECENT_WEEKS = 4;

/**
 * Whether the center is open at local hour `lh` (at or after the series' end): SPEC — hours with
 * no history in that hour of the week for the recent weeks are forecast as 0. An hour counts as
 * open when at least half of the last four same-hours-of-week that no event covered have a row;
 * event hours are left out because a holiday closure says nothing about ordinary weeks.
 */
export function isOpen(s: Series, lh: number): boolean {
  const end = endOf(s);
  let seen = 0;
  let open = 0;
  for (let k = Math.max(1, Math.ceil((lh - end + 1) / WEEK)); seen < RECENT_WEEKS; k++) {
    const i = lh - k * WEEK - s.first;
    if (i < 0) break;
    if (s.event[i] === 1) continue;
    seen++;
    if (Number.isFinite(s.y[i])) open++;
  }
  return seen > 0 && open * 2 >= seen;
}
