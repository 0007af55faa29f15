import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../domain/errors.js';
import { configSchema, type PlanConfig } from '../domain/config.js';

/** Turns zod issues into field paths and messages (`service.service_level`). */
export function issueFields(issues: z.core.$ZodIssue[], prefix = ''): { path: string; message: string }[] {
  return issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));
}

/** Validates a parsed configuration object; errors name the file and each bad field. */
export function parseConfig(value: unknown, file = 'config.json'): PlanConfig {
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  const fields = issueFields(result.error.issues);
  const first = fields[0];
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  throw new InputError({ file, field: first.path || '(root)' }, `${first.message}${more}`, fields);
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
  return parseConfig(value, file);
}
