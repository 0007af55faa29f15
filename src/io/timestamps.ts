import { InputError } from '../domain/errors.js';
import { parseTimestamp, timestampProblem, type DstNote, type ParsedTimestamp } from '../domain/time.js';
import type { Row, Source, Table } from './table.js';

/** A timestamp cell parsed in `timeZone`, or an error naming file, line and column (and what is wrong). */
export function timestampCell(table: Source, row: Row, column: string, timeZone: string): ParsedTimestamp {
  const text = row.cells[column] ?? '';
  const parsed = parseTimestamp(text, timeZone);
  if (!parsed) throw new InputError({ file: table.file, line: row.line, field: column }, timestampProblem(text)!);
  return parsed;
}

/**
 * The message for a row whose instant another row (on `line`) already has. When either is a
 * time the clocks skipped or repeat (`notes`, as known), it says so: "duplicated" would be a riddle.
 */
export function duplicateMessage(line: number, ...notes: (DstNote | undefined)[]): string {
  const dst = notes.find((d) => d?.kind === 'skipped') ?? notes.find((d) => d !== undefined);
  return `${dst ? dst.message : 'duplicated timestamp'} (also on line ${line})`;
}

/**
 * The rows of a time-indexed table with their instants; a timestamp repeated within the same
 * `key` (e.g. queue) is an error naming both lines. Also tells whether timestamps had offsets.
 */
export function timedRows(
  table: Table,
  timeZone: string,
  key: (row: Row) => string = () => '',
): { rows: { t: number; row: Row }[]; withOffset: boolean } {
  let withOffset = false;
  const seen = new Map<string, { line: number; ts: ParsedTimestamp }>();
  const rows = table.rows.map((row) => {
    const ts = timestampCell(table, row, 'timestamp', timeZone);
    withOffset ||= ts.withOffset;
    const id = `${key(row)}\u0000${ts.t}`;
    const earlier = seen.get(id);
    if (earlier)
      throw new InputError(
        { file: table.file, line: row.line, field: 'timestamp' },
        duplicateMessage(earlier.line, ts.dst, earlier.ts.dst),
      );
    seen.set(id, { line: row.line, ts });
    return { t: ts.t, row };
  });
  if (rows.length === 0) throw new InputError({ file: table.file }, 'the file has no rows');
  return { rows, withOffset };
}
