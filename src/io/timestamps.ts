import { InputError } from '../domain/errors.js';
import { parseTimestamp, type ParsedTimestamp } from '../domain/time.js';
import type { Table } from './table.js';

/** A timestamp cell parsed in `timeZone`, or an error naming file, line and column. */
export function timestampCell(table: Table, row: Table['rows'][number], column: string, timeZone: string): ParsedTimestamp {
  const text = row.cells[column] ?? '';
  const parsed = parseTimestamp(text, timeZone);
  if (!parsed) {
    throw new InputError({ file: table.file, line: row.line, field: column }, `"${text}" is not an ISO 8601 timestamp like 2026-11-30T19:00`);
  }
  return parsed;
}

/**
 * The rows of a time-indexed table with their instants; a timestamp repeated within the same
 * `key` (e.g. queue) is an error naming both lines. Also tells whether timestamps had offsets.
 */
export function timedRows(table: Table, timeZone: string, key: (row: Table['rows'][number]) => string = () => ''): { rows: { t: number; row: Table['rows'][number] }[]; withOffset: boolean } {
  let withOffset = false;
  const seen = new Map<string, number>();
  const rows = table.rows.map((row) => {
    const ts = timestampCell(table, row, 'timestamp', timeZone);
    withOffset ||= ts.withOffset;
    const id = `${key(row)}\u0000${ts.t}`;
    if (seen.has(id)) throw new InputError({ file: table.file, line: row.line, field: 'timestamp' }, `duplicated timestamp (also on line ${seen.get(id)})`);
    seen.set(id, row.line);
    return { t: ts.t, row };
  });
  if (rows.length === 0) throw new InputError({ file: table.file }, 'the file has no rows');
  return { rows, withOffset };
}
