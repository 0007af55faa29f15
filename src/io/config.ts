import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createScanner, findNodeAtLocation, parseTree, SyntaxKind } from 'jsonc-parser';
import type { z } from 'zod';
import { InputError } from '../domain/errors.js';
import { configSchema, type PlanConfig } from '../domain/config.js';

/** One problem of a configuration: where (keys and indexes from the root) and what. */
interface Problem {
  path: (string | number)[];
  message: string;
}

/**
 * zod issues as problems. An unknown key is named by its own path (`service.answer_within_secs`),
 * not its object's, with the nearest known key of that object when one is close (a typo).
 */
function problemsOf(issues: z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((i) => {
    const path = i.path.filter((k): k is string | number => typeof k !== 'symbol');
    if (i.code !== 'unrecognized_keys') return [{ path, message: i.message }];
    const known = keysAt(configSchema, path);
    return i.keys.map((key) => {
      const near = nearest(key, known);
      return { path: [...path, key], message: `unknown field${near ? ` (did you mean ${near}?)` : ''}` };
    });
  });
}

/** Config problems as field paths and messages (`service.service_level`), as the API's `fields` carry them. */
export function issueFields(issues: z.core.$ZodIssue[]): { path: string; message: string }[] {
  return problemsOf(issues).map((p) => ({ path: p.path.join('.'), message: p.message }));
}

/** The wrappers and containers of the config schema that the key lookup walks through (zod 4 `_zod.def`). */
interface SchemaDef {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  element?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
}

/** The keys the object at `path` of a schema allows (none when it is not an object). */
function keysAt(schema: z.core.$ZodType, path: readonly (string | number)[]): string[] {
  const def = schema._zod.def as SchemaDef;
  if (def.innerType) return keysAt(def.innerType, path); // default, prefault, nullable, optional
  if (def.type === 'pipe' && def.in) return keysAt(def.in, path);
  if (path.length === 0) return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
  if (def.type === 'array' && def.element) return keysAt(def.element, path.slice(1));
  const child = def.type === 'object' ? def.shape?.[String(path[0])] : undefined;
  return child ? keysAt(child, path.slice(1)) : [];
}

/** The known key closest to a misspelt one, when it is within a third of its length (at least 2) edits. */
function nearest(key: string, known: readonly string[]): string | undefined {
  const within = Math.max(2, Math.floor(key.length / 3));
  let best: { key: string; d: number } | undefined;
  for (const k of known) {
    const d = editDistance(key, k);
    if (d <= within && (!best || d < best.d)) best = { key: k, d };
  }
  return best?.key;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * Validates a parsed configuration object; errors name the file and each bad field, and the
 * line of the first one when the JSON text is given.
 */
export function parseConfig(value: unknown, file = 'config.json', text?: string): PlanConfig {
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = problemsOf(result.error.issues);
  const fields = problems.map((p) => ({ path: p.path.join('.'), message: p.message }));
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
      if (++depth > MAX_DEPTH) throw new InputError({ file, line: scanner.getTokenStartLine() + 1 }, `nested deeper than ${MAX_DEPTH} levels; a configuration nests at most 4`);
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth--;
  }
}

/** Reads and validates `config.json`. */
export function readConfig(path: string): PlanConfig {
  const file = basename(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError({ file: path }, 'cannot read the file');
  }
  checkDepth(text, file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError({ file }, `not valid JSON: ${(e as Error).message}`);
  }
  return parseConfig(value, file, text);
}
