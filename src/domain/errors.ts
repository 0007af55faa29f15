/** Where a bad input was found: a file (or request part), and optionally its line and field. */
export interface InputLocation {
  file: string;
  line?: number;
  /** A CSV column, or a JSON field path (`service.service_level`). */
  field?: string;
}

/**
 * Bad input from a user: the CLI exits 2, the API answers 400. The message names the file,
 * the line and the field so the user can fix it without reading code.
 */
export class InputError extends Error {
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
