import { InputError } from '../domain/errors.js';
import { HOUR_MS, localParts } from '../domain/time.js';
import type { History, HourCount, QueueHistory } from '../domain/types.js';
import { numberCell, parseTable, readTable, type Table } from './table.js';
import { timestampCell } from './timestamps.js';

const MINUTE_MS = 60_000;

interface Interval {
  t: number;
  line: number;
  contacts: number;
  aht?: number;
}

/**
 * Validates a history table and sums its intervals into hours per queue. Hours absent from the
 * file stay absent (unknown, not zero). Duplicates and mixed interval lengths are errors.
 */
export function historyFromTable(table: Table, timeZone: string): History {
  const byQueue = new Map<string, Interval[]>();
  let withOffset = false;
  for (const row of table.rows) {
    const ts = timestampCell(table, row, 'timestamp', timeZone);
    withOffset ||= ts.withOffset;
    const contacts = numberCell(table, row, 'contacts', { min: 0 })!;
    const aht = numberCell(table, row, 'aht_seconds', { min: 0, optional: true });
    const queue = row.cells.queue || 'default';
    if (!byQueue.has(queue)) byQueue.set(queue, []);
    byQueue.get(queue)!.push({ t: ts.t, line: row.line, contacts, aht });
  }
  if (byQueue.size === 0) throw new InputError({ file: table.file }, 'the history has no rows');
  const queues: QueueHistory[] = [...byQueue].map(([queue, rows]) => ({ queue, hours: toHours(table.file, rows, timeZone) }));
  return { queues, withOffset, file: table.file };
}

/** Reads `history.csv` (see historyFromTable). */
export function readHistory(path: string, timeZone: string): History {
  return historyFromTable(readTable(path, ['timestamp', 'contacts']), timeZone);
}

/** Parses history CSV text (the API's form of the file). */
export function parseHistory(text: string, timeZone: string, file = 'history'): History {
  return historyFromTable(parseTable(text, file, ['timestamp', 'contacts']), timeZone);
}

/** An interval with the start of the local hour it falls in. */
type Placed = Interval & { hour: number };

function toHours(file: string, intervals: Interval[], timeZone: string): HourCount[] {
  // Hours are local: in a +05:30 zone an hour starts at :30 UTC.
  const rows: Placed[] = intervals
    .sort((a, b) => a.t - b.t)
    .map((r) => ({ ...r, hour: r.t - localParts(r.t, timeZone).minute * MINUTE_MS - (r.t % MINUTE_MS) }));
  const step = intervalLength(file, rows);
  const hours = new Map<number, { contacts: number; handled: number; ahtWeight: number }>();
  for (const r of rows) {
    if ((r.t - r.hour) % step !== 0) {
      throw new InputError({ file, line: r.line, field: 'timestamp' }, `interval does not start on a ${step / MINUTE_MS}-minute boundary`);
    }
    const h = hours.get(r.hour) ?? { contacts: 0, handled: 0, ahtWeight: 0 };
    h.contacts += r.contacts;
    if (r.aht !== undefined) {
      h.handled += r.aht * r.contacts;
      h.ahtWeight += r.contacts;
    }
    hours.set(r.hour, h);
  }
  return [...hours].map(([t, h]) => (h.ahtWeight > 0 ? { t, contacts: h.contacts, ahtSeconds: h.handled / h.ahtWeight } : { t, contacts: h.contacts }));
}

/** The interval length of a sorted queue: the smallest gap; every gap must be a multiple of it. */
function intervalLength(file: string, rows: Placed[]): number {
  let step = Infinity;
  for (let i = 1; i < rows.length; i++) {
    const gap = rows[i].t - rows[i - 1].t;
    if (gap === 0) {
      throw new InputError({ file, line: rows[i].line, field: 'timestamp' }, `duplicated timestamp (also on line ${rows[i - 1].line})`);
    }
    step = Math.min(step, gap);
  }
  if (!Number.isFinite(step)) return HOUR_MS;
  if (step > HOUR_MS || HOUR_MS % step !== 0) {
    step = HOUR_MS;
  }
  for (let i = 1; i < rows.length; i++) {
    if ((rows[i].t - rows[i - 1].t) % step !== 0) {
      throw new InputError({ file, line: rows[i].line, field: 'timestamp' }, `mixed interval lengths: this row is not on the ${step / MINUTE_MS}-minute grid of the rows before it`);
    }
  }
  // Coarser rows among finer ones (an hourly row among 15-minute rows) fit the grid: an hour
  // that holds a lone :00 row while other hours are full is such a row.
  if (step < HOUR_MS) {
    const perHour = new Map<number, Placed[]>();
    for (const r of rows) perHour.set(r.hour, [...(perHour.get(r.hour) ?? []), r]);
    const full = [...perHour.values()].some((list) => list.length === HOUR_MS / step);
    const lone = [...perHour.values()].find((list) => list.length === 1 && list[0].t === list[0].hour);
    if (full && lone) {
      throw new InputError({ file, line: lone[0].line, field: 'timestamp' }, `mixed interval lengths: an hourly row among ${step / MINUTE_MS}-minute rows`);
    }
  }
  return step;
}
