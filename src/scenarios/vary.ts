import { InputError } from '../domain/errors.js';
import { allowsNull, isVaryField, VARY_FIELDS } from './fields.js';

/** One varied field and the values it takes; null is "no limit" (only where the config allows null). */
export interface Vary {
  field: string;
  values: (number | null)[];
}

/** One point of the grid: the value of each varied field. */
export type ScenarioSet = Record<string, number | null>;

/** The most points one grid may have: each point is a full roster solve. */
export const MAX_POINTS = 400;

const RANGE = /^\s*(-?[\d.e+-]+)\s*:\s*(-?[\d.e+-]+)\s*:\s*(\d+)\s*$/;

/**
 * The values of `--vary FIELD=VALUES`: `a:b:n` (n evenly spaced values from a to b) or a comma
 * list in which `null` means no limit; the API passes a list of numbers and nulls as it is.
 * @example parseValues('budget', '1000:2000:3') //=> [1000, 1500, 2000]
 * @example parseValues('budget', 'null,1100000') //=> [null, 1100000]
 */
export function parseValues(field: string, spec: string | readonly (number | null)[]): (number | null)[] {
  const bad = (why: string) => new InputError({ file: 'command line', field: `--vary ${field}` }, why);
  const checked = (values: (number | null)[]) => {
    if (values.includes(null) && !allowsNull(field)) throw bad(`${field} cannot be null (no limit); give numbers`);
    return values;
  };
  if (typeof spec !== 'string') {
    if (spec.length === 0 || spec.some((v) => v !== null && !Number.isFinite(v))) throw bad('give at least one finite number or null');
    return checked([...spec]);
  }
  const range = RANGE.exec(spec);
  if (range) {
    const [a, b, n] = [Number(range[1]), Number(range[2]), Number(range[3])];
    if (!Number.isFinite(a) || !Number.isFinite(b) || n < 1) throw bad(`"${spec}" must be a:b:n with numbers a, b and a count n >= 1`);
    // Twelve significant digits: 0.1 + 2 x 0.05 is 0.2, not 0.20000000000000004.
    return Array.from({ length: n }, (_, i) => Number((n === 1 ? a : a + ((b - a) * i) / (n - 1)).toPrecision(12)));
  }
  const values = spec.split(',').map((s) => s.trim());
  if (values.some((v) => v !== 'null' && (v === '' || !Number.isFinite(Number(v)))))
    throw bad(`"${spec}" must be a:b:n or a comma list of numbers (null for no limit)`);
  return checked(values.map((v) => (v === 'null' ? null : Number(v))));
}

/**
 * Parses one `--vary FIELD=VALUES` argument.
 * @example parseVary('max_outsourced_share=0.3,0.45') //=> { field: 'max_outsourced_share', values: [0.3, 0.45] }
 */
export function parseVary(text: string): Vary {
  const at = text.indexOf('=');
  const field = at < 0 ? text : text.slice(0, at).trim();
  if (at < 0 || !isVaryField(field)) {
    throw new InputError(
      { file: 'command line', field: '--vary' },
      `"${text}" must be FIELD=VALUES with FIELD one of ${VARY_FIELDS.join(', ')}`,
    );
  }
  return { field, values: parseValues(field, text.slice(at + 1)) };
}

/**
 * Every combination of the varied values (the first field varies slowest).
 * @example grid([{ field: 'budget', values: [1, 2] }, { field: 'min_coverage', values: [0.9, 0.95] }]).length //=> 4
 */
export function grid(vary: readonly Vary[]): ScenarioSet[] {
  const fields = vary.map((v) => v.field);
  const twice = fields.find((f, i) => fields.indexOf(f) !== i);
  if (twice)
    throw new InputError(
      { file: 'command line', field: `--vary ${twice}` },
      'the field is varied twice; give all its values in one --vary',
    );
  if (vary.length === 0) throw new InputError({ file: 'command line', field: '--vary' }, 'vary at least one field');
  const size = vary.reduce((a, v) => a * v.values.length, 1);
  if (size > MAX_POINTS)
    throw new InputError(
      { file: 'command line', field: '--vary' },
      `the grid has ${size} points; at most ${MAX_POINTS} (each is a roster solve)`,
    );
  return vary.reduce<ScenarioSet[]>((sets, v) => sets.flatMap((s) => v.values.map((value) => ({ ...s, [v.field]: value }))), [{}]);
}
