import { createReadStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Parser } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { InputError } from '../domain/errors.js';

/** One CSV row as text cells, with the file line it came from. */
export interface Row {
  line: number;
  cells: Record<string, string>;
}

/** A CSV file read as text cells, each row with the file line it came from. */
export interface Table {
  file: string;
  rows: Row[];
}

/** Where cells come from, for error messages: a Table, or a file read row by row. */
export type Source = Pick<Table, 'file'>;

/** csv-parse options of every reader; records stay arrays, named by the header row here. */
const CSV_OPTIONS = { skip_empty_lines: true, trim: true, bom: true } as const;

/** Turns parsed records into rows: the first record is the header, checked as soon as it is read. */
class RowMaker {
  private header?: string[];

  constructor(
    private readonly file: string,
    private readonly required: readonly string[],
    private readonly onRow: (row: Row) => void,
  ) {}

  record(record: string[], line: number): void {
    if (!this.header) {
      this.header = record.map((h) => h.trim());
      checkColumns(this.file, this.header, this.required);
      return;
    }
    const cells: Record<string, string> = {};
    for (let i = 0; i < this.header.length; i++) cells[this.header[i]] = record[i];
    this.onRow({ line, cells });
  }

  /** An empty file has no header: its required columns are missing. */
  end(): void {
    if (!this.header) checkColumns(this.file, [], this.required);
  }
}

/**
 * csv-parse's stream parser, handing each record to `onRecord` the moment it is complete with
 * the line csv-parse is on (what its on_record context carries, without building that context
 * object per row, which tripled the parse time of a large file). Nothing is queued.
 */
class RecordParser extends Parser {
  constructor(private readonly onRecord: (record: string[], line: number) => void) {
    super(CSV_OPTIONS);
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) return super.push(null, encoding);
    this.onRecord(record as string[], this.info.lines);
    return true;
  }

  // A row that fails its checks throws inside csv-parse's loop: end the stream with that error.
  override _transform(chunk: Buffer, encoding: BufferEncoding, done: TransformCallback): void {
    try {
      super._transform(chunk, encoding, done);
    } catch (e) {
      done(e as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      super._flush(done);
    } catch (e) {
      done(e as Error);
    }
  }
}

function checkColumns(file: string, header: readonly string[], required: readonly string[]): void {
  for (const column of required) {
    if (header.includes(column)) continue;
    // A spreadsheet's export in a locale whose decimal point is a comma separates with ";".
    const joined = header.join(',');
    const separator = joined.includes(';') ? '";"' : joined.includes('\t') ? 'tabs' : undefined;
    const hint = separator ? ` (the header is separated by ${separator}: the separator must be a comma)` : '';
    throw new InputError({ file, line: 1, field: column }, `required column "${column}" is missing${hint}`);
  }
}

/** Our own errors (from a row or the header) pass through; csv-parse's name their line. */
function csvError(file: string, e: unknown): InputError {
  if (e instanceof InputError) return e;
  const err = e as { lines?: number; message: string };
  return new InputError({ file, line: err.lines }, `not valid CSV: ${err.message}`);
}

/** Calls `onRow` for each row of CSV text (header row required; see parseTable). */
export function eachRow(text: string, file: string, required: readonly string[], onRow: (row: Row) => void): void {
  const rows = new RowMaker(file, required, onRow);
  try {
    parse(text, {
      ...CSV_OPTIONS,
      on_record: (record: string[], context) => {
        rows.record(record, context.lines);
        return null;
      },
    });
  } catch (e) {
    throw csvError(file, e);
  }
  rows.end();
}

/**
 * Streams a CSV file through csv-parse, calling `onRow` for each row as it is read: the file is
 * never held whole. Bytes that are not UTF-8 are an error naming the line.
 */
export async function eachFileRow(path: string, required: readonly string[], onRow: (row: Row) => void): Promise<void> {
  const file = basename(path);
  const rows = new RowMaker(file, required, onRow);
  // Records are handed over inside the parser; nothing reaches its readable side.
  const sink = new Writable({ objectMode: true, write: (_record, _encoding, done) => done() });
  try {
    await pipeline(createReadStream(path), utf8Check(file), new RecordParser((record, line) => rows.record(record, line)), sink);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).syscall) throw new InputError({ file: path }, 'cannot read the file');
    throw csvError(file, e);
  }
  rows.end();
}

const NOT_UTF8 = 'not valid UTF-8 (save the file as UTF-8; Latin-1 or Windows-1252 bytes are not read)';

/** Passes bytes through, failing at the first sequence that is not UTF-8 with its line. */
function utf8Check(file: string): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 0; // line breaks before the current chunk
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return done(new InputError({ file, line: lines + badUtf8Line(chunk) + 1 }, NOT_UTF8));
      }
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
      done(null, chunk);
    },
    flush(done) {
      try {
        decoder.decode();
        done();
      } catch {
        done(new InputError({ file, line: lines + 1 }, NOT_UTF8)); // cut off inside a character
      }
    },
  });
}

/** The line (0-based) of the first bytes in `bytes` that are not UTF-8. */
function badUtf8Line(bytes: Buffer): number {
  const text = new TextDecoder().decode(bytes); // bad bytes become U+FFFD
  const linesBefore = (i: number) => text.slice(0, i).split('\n').length - 1;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    const at = Buffer.byteLength(text.slice(0, i));
    // A U+FFFD written in the file (EF BF BD) is fine; anything else there was a bad byte.
    if (!(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return linesBefore(i);
  }
  return linesBefore(text.length);
}

/**
 * Parses CSV text with a header row; checks the required columns are there. Unknown extra
 * columns are kept (and ignored by callers). `file` names the source in error messages.
 */
export function parseTable(text: string, file: string, required: readonly string[]): Table {
  const rows: Row[] = [];
  eachRow(text, file, required, (row) => rows.push(row));
  return { file, rows };
}

/** A whole file as UTF-8 text (an error naming the line if it is not UTF-8), and its name. */
export function readText(path: string): { text: string; file: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new InputError({ file: path }, 'cannot read the file');
  }
  const file = basename(path);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), file };
  } catch {
    throw new InputError({ file, line: badUtf8Line(bytes) + 1 }, NOT_UTF8);
  }
}

/** Reads a CSV file from disk (see parseTable). */
export function readTable(path: string, required: readonly string[]): Table {
  const { text, file } = readText(path);
  return parseTable(text, file, required);
}

// Plain decimals only: Number() would also read 0x10 as 16, and Infinity, 0b1, 0o7.
export const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A finite decimal number from a cell, or an error naming file, line and column. */
export function numberCell(table: Source, row: Row, column: string, opts: { min?: number; optional?: boolean } = {}): number | undefined {
  const text = row.cells[column];
  if (text === undefined || text === '') {
    if (opts.optional) return undefined;
    throw new InputError({ file: table.file, line: row.line, field: column }, 'value is missing');
  }
  const value = DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value))
    throw new InputError({ file: table.file, line: row.line, field: column }, `"${text}" is not a decimal number`);
  if (opts.min !== undefined && value < opts.min) {
    throw new InputError({ file: table.file, line: row.line, field: column }, `${value} is below the least allowed value ${opts.min}`);
  }
  return value;
}
