import { InputError } from '../domain/errors.js';
import type { CalendarEvent } from '../domain/types.js';
import { formatTimestamp } from '../domain/time.js';
import { formatCsv } from './formatCsv.js';
import { numberCell, parseTable, readTable, type Table } from './table.js';
import { timestampCell } from './timestamps.js';

/** Validates an events table (SPEC section 1): [start, end), kind, optional name and intensity. */
export function eventsFromTable(table: Table, timeZone: string): CalendarEvent[] {
  return table.rows.map((row) => {
    const start = timestampCell(table, row, 'start', timeZone).t;
    const end = timestampCell(table, row, 'end', timeZone).t;
    if (end <= start) throw new InputError({ file: table.file, line: row.line, field: 'end' }, 'end must be after start');
    const kind = row.cells.kind;
    if (!kind) throw new InputError({ file: table.file, line: row.line, field: 'kind' }, 'value is missing');
    if (!/^[A-Za-z][\w-]*$/.test(kind))
      throw new InputError({ file: table.file, line: row.line, field: 'kind' }, `"${kind}" is not one word`);
    const intensity = numberCell(table, row, 'intensity', { min: 0, optional: true }) ?? 1;
    return { start, end, kind, name: row.cells.name || kind, intensity };
  });
}

const REQUIRED = ['start', 'end', 'kind'] as const;

/** Reads `events.csv`. */
export function readEvents(path: string, timeZone: string): CalendarEvent[] {
  return eventsFromTable(readTable(path, REQUIRED), timeZone);
}

/** Parses events CSV text (the API's form of the file). */
export function parseEvents(text: string, timeZone: string, file = 'events'): CalendarEvent[] {
  return eventsFromTable(parseTable(text, file, REQUIRED), timeZone);
}

/** Writes events as `events.csv` (SPEC section 1), read back by readEvents. */
export function formatEvents(events: readonly CalendarEvent[], timeZone: string, withOffset: boolean): string {
  return formatCsv(
    ['start', 'end', 'kind', 'name', 'intensity'],
    events.map((e) => [
      formatTimestamp(e.start, timeZone, withOffset),
      formatTimestamp(e.end, timeZone, withOffset),
      e.kind,
      e.name,
      e.intensity,
    ]),
  );
}
