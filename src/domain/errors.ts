/** Where a bad input was found: a file (or request part), and optionally its line and field. */
export interface InputLocation {
  file: string;
  line?: number;
  /** A CSV column, or a JSON field path (`service.service_level`). */
  field?: string;
}

/**
 * Every error code Shiftcast answers with, in one vocabulary: the API's `error` field, a job's
 * `error.error`, and what the CLI's exit code is chosen by. Clients branch on these, so they are
 * stable; the shells map them to exit codes (cli/main.ts) and HTTP statuses (api/errors.ts).
 */
export type ErrorCode =
  | 'invalid_input'
  | 'busy'
  | 'not_found'
  | 'conflict'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'unsupported_media_type'
  | 'payload_too_large'
  | 'headers_too_large'
  | 'request_timeout'
  | 'bad_request'
  | 'corrupt_plan'
  | 'store_unavailable'
  | 'not_ready'
  | 'timeout'
  | 'interrupted'
  | 'internal';

/** An error raised on purpose, with its stable code; anything else thrown is an internal failure. */
export abstract class ShiftcastError extends Error {
  abstract readonly code: ErrorCode;
  /** When trying again later may work (a full queue): after how many seconds. */
  readonly retryAfterSeconds?: number;
}

/**
 * Bad input from a user: the CLI exits 2, the API answers 400. The message names the file,
 * the line and the field so the user can fix it without reading code.
 */
export class InputError extends ShiftcastError {
  readonly code = 'invalid_input';
  readonly location: InputLocation;
  /** Further problems found in the same input (field paths for the API's `fields`). */
  readonly fields: { path: string; message: string }[];

  constructor(location: InputLocation, problem: string, fields: { path: string; message: string }[] = []) {
    super(`${describeLocation(location)}: ${problem}`);
    this.name = 'InputError';
    this.location = location;
    this.fields = fields.length > 0 ? fields : [{ path: location.field ?? '', message: problem }];
  }
}

/** `history.csv line 12, column contacts`; `config.json line 4, field service.service_level` */
export function describeLocation({ file, line, field }: InputLocation): string {
  const head = line === undefined ? file : `${file} line ${line}`;
  if (field === undefined) return head;
  // CSV files have columns; JSON files (and the command line) have fields.
  const word = line !== undefined && !/\.json$/i.test(file) ? 'column' : 'field';
  return `${head}, ${word} ${field}`;
}
