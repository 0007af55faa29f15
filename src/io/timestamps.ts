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
