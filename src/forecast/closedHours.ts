import { slotOf, WEEK } from './calendar.js';
import { endOf, type Series } from './series.js';

/** How many recent weeks decide whether an hour of the week is open. */
const RECENT_WEEKS = 4;

/**
 * Whether the center is open at local hour `lh` (at or after the series' end): SPEC — hours with
 * no history in that hour of the week for the recent weeks are forecast as 0. An hour counts as
 * open when at least half of the last four same-hours-of-week that are evidence have a row.
 * Not evidence: hours an event covered without a row (a holiday closure says nothing about ordinary weeks),
 * hours in a calendar week with no row at all (recording stopped, the center did not close:
 * such weeks are passed over for earlier ones) and hours before the history began.
 */
export function isOpen(s: Series, lh: number): boolean {
  const end = endOf(s);
  let seen = 0;
  let open = 0;
  for (let k = Math.max(1, Math.ceil((lh - end + 1) / WEEK)); seen < RECENT_WEEKS; k++) {
    const i = lh - k * WEEK - s.first;
    if (i < 0) break;
    // An event hour with a row shows the center open (a weekly streamer's evening); without one it
    // says nothing about ordinary weeks (a holiday closure).
    if ((s.event[i] === 1 && !Number.isFinite(s.y[i])) || !weekHasRows(s, i)) continue;
    seen++;
    if (Number.isFinite(s.y[i])) open++;
  }
  return seen > 0 && open * 2 >= seen;
}

/** Whether the local calendar week (Monday to Sunday) holding index `i` of the series has any row. */
function weekHasRows(s: Series, i: number): boolean {
  const monday = i - slotOf(s.first + i);
  for (let j = Math.max(0, monday); j < Math.min(s.y.length, monday + WEEK); j++) if (Number.isFinite(s.y[j])) return true;
  return false;
}
