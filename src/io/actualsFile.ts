import { HOUR_MS, startOfLocalHour } from '../domain/time.js';
import type { Instant } from '../domain/types.js';
import type { ActualHour } from '../intraday/types.js';
import { parseHistory } from './history.js';
import { eachRow, numberCell, readText } from './table.js';
import { timestampCell } from './timestamps.js';

/** The day's actuals (SPEC section 7): hours with the queues summed, and where the data ends. */
export interface Actuals {
  /** One entry per hour that has rows, in time order; an hour without rows is unknown, not zero. */
  hours: ActualHour[];
  /** For each hour, the end of its last interval: an hour that ends later is only partly known. */
  coveredUntil: Map<Instant, Instant>;
  /** The end of the last interval of any row: the SPEC's default `now` (none without rows). */
  end?: Instant;
  /** Whether the timestamps carried UTC offsets. */
  withOffset: boolean;
  /** The file (or request part) the rows came from, for messages. */
  file: string;
}

/** The history format's columns, and the ones SPEC section 7 adds. */
export const ACTUALS_COLUMNS = ['timestamp', 'contacts', 'queue', 'aht_seconds', 'asa_seconds', 'abandoned', 'agents_available'];

/** Reads an actuals file (history format, SPEC section 7); see parseActuals. */
export function readActuals(path: string, timeZone: string): Actuals {
  const { text, file } = readText(path);
  return parseActuals(text, timeZone, file);
}

/**
 * Parses actuals CSV text (the header alone: no hours yet): history's format and checks (parseHistory: timestamps, duplicated
 * intervals of a queue, the interval grid, contacts and aht_seconds not negative, errors naming
 * file, line and column), then the optional `asa_seconds`, `abandoned` and `agents_available`
 * (not negative either). Finer intervals are summed into local hours and queues into one
 * hour: contacts and abandoned add up, handle and answer times are weighted by contacts, and
 * agents available are averaged over a queue's intervals and added over queues (each queue's
 * own agents).
 * @throws InputError naming file, line and column
 */
export function parseActuals(text: string, timeZone: string, file = 'actuals'): Actuals {
  const hours = new Map<Instant, HourSum>();
  const hourOf = (t: Instant) => {
    let h = hours.get(t);
    if (!h) hours.set(t, (h = new HourSum()));
    return h;
  };
  // The columns history does not keep, and where each queue's intervals end.
  const starts = new Map<string, Instant[]>();
  const source = { file };
  eachRow(text, file, ['timestamp', 'contacts'], (row) => {
    const ts = timestampCell(source, row, 'timestamp', timeZone);
    if (ts.dst?.kind === 'skipped') return; // history drops it (no contacts) or refuses it
    const queue = row.cells.queue || 'default';
    let list = starts.get(queue);
    if (!list) starts.set(queue, (list = []));
    list.push(ts.t);
    const cell = (column: string) => numberCell(source, row, column, { min: 0, optional: true });
    hourOf(startOfLocalHour(ts.t, timeZone)).addInterval(queue, numberCell(source, row, 'contacts')!, {
      asa: cell('asa_seconds'),
      abandoned: cell('abandoned'),
      agents: cell('agents_available'),
    });
  });
  // Nothing has happened yet (the header alone): the plan stands, from a `now` given.
  if (starts.size === 0) return { hours: [], coveredUntil: new Map(), withOffset: false, file };
  const history = parseHistory(text, timeZone, file);
  for (const q of history.queues) for (const h of q.hours) hourOf(h.t).addQueue(h.contacts, h.ahtSeconds);
  const coveredUntil = new Map<Instant, Instant>();
  for (const list of starts.values()) {
    const step = intervalLength(list);
    for (const t of list) {
      const hour = startOfLocalHour(t, timeZone);
      coveredUntil.set(hour, Math.max(coveredUntil.get(hour) ?? -Infinity, t + step));
    }
  }
  const sorted = [...hours].sort((a, b) => a[0] - b[0]);
  return {
    hours: sorted.map(([t, h]) => h.hour(t)),
    coveredUntil,
    end: Math.max(...coveredUntil.values()),
    withOffset: history.withOffset,
    file,
  };
}

/**
 * The hours of the actuals that have ended by `now`. The hour holding `now` is left out when all
 * its intervals ended by then (a quarter-hourly export read at 10:30 holds half of the 10:00
 * hour, which is re-forecast whole); an hour with data after `now` stays, for the day's checks
 * (checkActuals) to refuse by name.
 */
export function actualsBy(actuals: Actuals, now: Instant): ActualHour[] {
  return actuals.hours.filter((h) => h.t + HOUR_MS <= now || actuals.coveredUntil.get(h.t)! > now);
}

/**
 * A queue's interval length: the smallest gap between its rows (parseHistory has checked that
 * every row lies on that grid), an hour for a lone row or gaps that do not divide an hour.
 */
function intervalLength(starts: readonly Instant[]): number {
  const sorted = [...new Set(starts)].sort((a, b) => a - b);
  let step = HOUR_MS;
  for (let i = 1; i < sorted.length; i++) step = Math.min(step, sorted[i] - sorted[i - 1]);
  return HOUR_MS % step === 0 ? step : HOUR_MS;
}

/** One hour's sums over its queues and intervals. */
class HourSum {
  private contacts = 0;
  private ahtWork = 0;
  private ahtContacts = 0;
  private asaWork = 0;
  private asaContacts = 0;
  private abandoned?: number;
  /** Per queue: the sum of agents available over its intervals that give them, and how many do. */
  private readonly agents = new Map<string, { sum: number; intervals: number }>();

  addQueue(contacts: number, ahtSeconds: number | undefined): void {
    this.contacts += contacts;
    if (ahtSeconds === undefined) return;
    this.ahtWork += ahtSeconds * contacts;
    this.ahtContacts += contacts;
  }

  addInterval(queue: string, contacts: number, x: { asa?: number; abandoned?: number; agents?: number }): void {
    if (x.asa !== undefined) {
      this.asaWork += x.asa * contacts;
      this.asaContacts += contacts;
    }
    if (x.abandoned !== undefined) this.abandoned = (this.abandoned ?? 0) + x.abandoned;
    if (x.agents !== undefined) {
      const a = this.agents.get(queue) ?? { sum: 0, intervals: 0 };
      this.agents.set(queue, { sum: a.sum + x.agents, intervals: a.intervals + 1 });
    }
  }

  hour(t: Instant): ActualHour {
    const agents = [...this.agents.values()].reduce((sum, a) => sum + a.sum / a.intervals, 0);
    return {
      t,
      contacts: this.contacts,
      ...(this.ahtContacts > 0 && { ahtSeconds: this.ahtWork / this.ahtContacts }),
      ...(this.asaContacts > 0 && { asaSeconds: this.asaWork / this.asaContacts }),
      ...(this.abandoned !== undefined && { abandoned: this.abandoned }),
      ...(this.agents.size > 0 && { agentsAvailable: agents }),
    };
  }
}
