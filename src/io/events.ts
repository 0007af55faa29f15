import { InputError } from '../domain/errors.js';
import type { CalendarEvent } from '../domain/types.js';
import { formatTimestamp } from '../domain/time.js';
import { formatCsv } from './formatCsv.js';
import { DECIMAL, numberCell, parseTable, readTable, type Table } from './table.js';
import { timestampCell } from './timestamps.js';

/** The SPEC's columns of events.csv; any other column is a regressor when it holds numbers. */
const COLUMNS = ['start', 'end', 'kind', 'name', 'intensity'];

/**
 * Validates an events table (SPEC section 1): [start, end), kind, optional name and intensity.
 * Further columns whose every non-empty cell is a decimal number (`audience`, `discount`) are the
 * events' regressors; other columns are ignored, as SPEC section 1 asks of unknown columns.
 */
export function eventsFromTable(table: Table, timeZone: string): CalendarEvent[] {
  const regressorColumns = regressorColumnsOf(table);
  return table.rows.map((row) => {
    const start = timestampCell(table, row, 'start', timeZone).t;
    const end = timestampCell(table, row, 'end', timeZone).t;
    if (end <= start) throw new InputError({ file: table.file, line: row.line, field: 'end' }, 'end must be after start');
    const kind = row.cells.kind;
    if (!kind) throw new InputError({ file: table.file, line: row.line, field: 'kind' }, 'value is missing');
    if (!/^[A-Za-z][\w-]*$/.test(kind))
      throw new InputError({ file: table.file, line: row.line, field: 'kind' }, `"${kind}" is not one word`);
    const intensity = numberCell(table, row, 'intensity', { min: 0, optional: true }) ?? 1;
    const regressors = Object.fromEntries(regressorColumns.filter((c) => row.cells[c]).map((c) => [c, Number(row.cells[c])]));
    return { start, end, kind, name: row.cells.name || kind, intensity, ...(Object.keys(regressors).length > 0 ? { regressors } : {}) };
  });
}

/** The extra columns with at least one number and nothing but numbers. */
function regressorColumnsOf(table: Table): string[] {
  const extra = new Set(table.rows.flatMap((r) => Object.keys(r.cells)).filter((c) => !COLUMNS.includes(c)));
  return [...extra].filter((c) => {
    const cells = table.rows.map((r) => r.cells[c] ?? '').filter((v) => v !== '');
    return cells.length > 0 && cells.every((v) => DECIMAL.test(v));
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

/** Writes events as `events.csv` (SPEC section 1, regressor columns after), read back by readEvents. */
export function formatEvents(events: readonly CalendarEvent[], timeZone: string, withOffset: boolean): string {
  const regressors = [...new Set(events.flatMap((e) => Object.keys(e.regressors ?? {})))];
  return formatCsv(
    [...COLUMNS, ...regressors],
    events.map((e) => [
      formatTimestamp(e.start, timeZone, withOffset),
      formatTimestamp(e.end, timeZone, withOffset),
      e.kind,
      e.name,
      e.intensity,
      ...regressors.map((c) => e.regressors?.[c] ?? ''),
    ]),
  );
}
