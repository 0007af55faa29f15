/** Where a bad input was found: a file (or request part), and optionally its line and field. */
export interface InputLocation {
  file: string;
  line?: number;
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

/** `history.csv line 12, column contacts` */
export function describeLocation({ file, line, field }: InputLocation): string {
  const parts = [file];
  if (line !== undefined) parts.push(`line ${line}`);
  const head = parts.join(' ');
  return field !== undefined ? `${head}, ${line !== undefined ? 'column' : 'field'} ${field}` : head;
}
