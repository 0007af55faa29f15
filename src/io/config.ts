import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { z } from 'zod';
import { InputError } from '../domain/errors.js';
import { configSchema, type PlanConfig } from '../domain/config.js';

/** Turns zod issues into field paths and messages (`service.service_level`). */
export function issueFields(issues: z.core.$ZodIssue[], prefix = ''): { path: string; message: string }[] {
  return issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));
}

/**
 * Validates a parsed configuration object; errors name the file and each bad field, and the
 * line of the first one when the JSON text is given.
 */
export function parseConfig(value: unknown, file = 'config.json', text?: string): PlanConfig {
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  const fields = issueFields(result.error.issues);
  const first = fields[0];
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  const line = text === undefined ? undefined : lineOf(text, result.error.issues[0].path);
  throw new InputError({ file, line, field: first.path || '(root)' }, `${first.message}${more}`, fields);
}

/** The 1-based line of the value at `path` in JSON text (of its nearest existing parent). */
function lineOf(text: string, path: PropertyKey[]): number | undefined {
  const tree = parseTree(text);
  if (!tree) return undefined;
  const keys = path.filter((k): k is string | number => typeof k !== 'symbol');
  for (let n = keys.length; n >= 0; n--) {
    const node = findNodeAtLocation(tree, keys.slice(0, n));
    // A property's value node: report the line of its key, where a reader looks.
    const at = node?.parent?.type === 'property' ? node.parent : node;
    if (at) return text.slice(0, at.offset).split('\n').length;
  }
  return undefined;
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
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError({ file }, `not valid JSON: ${(e as Error).message}`);
  }
  return parseConfig(value, file, text);
}
