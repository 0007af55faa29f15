import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { InputError } from '../domain/errors.js';

/** A CSV file read as text cells, each row with the file line it came from. */
export interface Table {
  file: string;
  rows: { line: number; cells: Record<string, string> }[];
}

/**
 * Parses CSV text with a header row; checks the required columns are there. Unknown extra
 * columns are kept (and ignored by callers). `file` names the source in error messages.
 */
export function parseTable(text: string, file: string, required: readonly string[]): Table {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
    }) as never;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    throw new InputError({ file, line: err.lines }, `not valid CSV: ${err.message}`);
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].split(',').map((h) => h.trim().replace(/^"|"$/g, ''));
  for (const column of required) {
    if (!header.includes(column)) throw new InputError({ file, line: 1, field: column }, `required column "${column}" is missing`);
  }
  return { file, rows: records.map(({ record, info }) => ({ line: info.lines, cells: record })) };
}

/** Reads a CSV file from disk (see parseTable). */
export function readTable(path: string, required: readonly string[]): Table {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError({ file: path }, 'cannot read the file');
  }
  return parseTable(text, basename(path), required);
}

/** A finite number from a cell, or an error naming file, line and column. */
export function numberCell(table: Table, row: Table['rows'][number], column: string, opts: { min?: number; optional?: boolean } = {}): number | undefined {
  const text = row.cells[column];
  if (text === undefined || text === '') {
    if (opts.optional) return undefined;
    throw new InputError({ file: table.file, line: row.line, field: column }, 'value is missing');
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw new InputError({ file: table.file, line: row.line, field: column }, `"${text}" is not a number`);
  if (opts.min !== undefined && value < opts.min) {
    throw new InputError({ file: table.file, line: row.line, field: column }, `${value} is below the least allowed value ${opts.min}`);
  }
  return value;
}

/** Writes rows as CSV text: a header, then one line per row (numbers as given, strings quoted when needed). */
export function formatCsv(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  return [columns.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}
