import type { CalendarEvent } from '../../domain/types.js';
import { localHour } from '../calendar.js';

/** A calendar event placed on the local-hour grid: it covers local hours [from, to). */
export interface Occurrence {
  from: number;
  to: number;
  kind: string;
  name: string;
  intensity: number;
  /** The event's regressor columns (`audience`, `discount`), when the calendar gives them. */
  regressors?: Readonly<Record<string, number>>;
}

/** Places events on the local-hour grid of `timeZone`. */
export function occurrencesOf(events: readonly CalendarEvent[], timeZone: string): Occurrence[] {
  return events.map((e) => ({
    from: localHour(e.start, timeZone),
    to: localHour(e.end, timeZone),
    kind: e.kind,
    name: e.name,
    intensity: e.intensity,
    ...(e.regressors ? { regressors: e.regressors } : {}),
  }));
}
