import { createScanner, findNodeAtLocation, parseTree, SyntaxKind } from 'jsonc-parser';
import { InputError } from '../domain/errors.js';
import { configSchema, type PlanConfig } from '../domain/config.js';
import { fieldsOf, problemsOf } from './issues.js';
import { readText } from './table.js';

/**
 * Validates a parsed configuration object; errors name the file and each bad field, and the
 * line of the first one when the JSON text is given.
 */
export function parseConfig(value: unknown, file = 'config.json', text?: string): PlanConfig {
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = problemsOf(result.error.issues, configSchema);
  const fields = fieldsOf(problems);
  const first = fields[0];
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  const line = text === undefined ? undefined : lineOf(text, problems[0].path);
  throw new InputError({ file, line, field: first.path || '(root)' }, `${first.message}${more}`, fields);
}

/** The 1-based line of the value at `path` in JSON text (of its nearest existing parent). */
function lineOf(text: string, path: (string | number)[]): number | undefined {
  const tree = parseTree(text);
  if (!tree) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, path.slice(0, n));
    // A property's value node: report the line of its key, where a reader looks.
    const at = node?.parent?.type === 'property' ? node.parent : node;
    if (at) return text.slice(0, at.offset).split('\n').length;
  }
  return undefined;
}

/**
 * How deep a config file may nest. A valid one nests 4 levels (service.periods[i].days); far
 * deeper text is no config, and the line finder's parser (recursive) would overflow its stack.
 */
const MAX_DEPTH = 64;

/** Refuses text nested deeper than MAX_DEPTH, naming the line; a token scan, so any depth is safe. */
function checkDepth(text: string, file: string): void {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_DEPTH)
        throw new InputError(
          { file, line: scanner.getTokenStartLine() + 1 },
          `nested deeper than ${MAX_DEPTH} levels; a configuration nests at most 4`,
        );
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth--;
  }
}

/** Reads and validates `config.json`. */
export function readConfig(path: string): PlanConfig {
  // UTF-8 or an error naming the line: a Latin-1 pool name must not turn silently into U+FFFD.
  const { text, file } = readText(path);
  return configFromText(text, file);
}

/** Validates the text of a `config.json` (read from a file or a store). */
export function configFromText(text: string, file = 'config.json'): PlanConfig {
  checkDepth(text, file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError({ file }, `not valid JSON: ${(e as Error).message}`);
  }
  return parseConfig(value, file, text);
}
