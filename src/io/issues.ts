import type { z } from 'zod';

/** One problem of a validated input: where (keys and indexes from the root) and what. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

/**
 * zod issues as problems, for the files and the request bodies alike.
 * - An unknown key is named by its own path (`service.answer_within_secs`), not its object's,
 *   with the nearest known key of that object when one is close (a typo).
 * - A union (history as CSV text or rows) reports the branch that matched the value's type, so
 *   a bad row is named (`history.3.contacts`) instead of a bare "Invalid input".
 */
export function problemsOf(issues: readonly z.core.$ZodIssue[], schema: z.core.$ZodType, prefix: (string | number)[] = []): Problem[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.filter((k): k is string | number => typeof k !== 'symbol')];
    if (issue.code === 'invalid_union') {
      const branches = issue.errors.filter((b) => !(b.length === 1 && b[0].code === 'invalid_type' && b[0].path.length === 0));
      if (branches.length === 1) return problemsOf(branches[0], schema, path);
    }
    if (issue.code !== 'unrecognized_keys') return [{ path, message: issue.message }];
    const known = keysAt(schema, path);
    return issue.keys.map((key) => {
      const near = nearest(key, known);
      return { path: [...path, key], message: `unknown field${near ? ` (did you mean ${near}?)` : ''}` };
    });
  });
}

/** Problems as the `fields` of an error: dotted paths (`config.service.service_level`) and messages. */
export const fieldsOf = (problems: readonly Problem[]) => problems.map((p) => ({ path: p.path.join('.'), message: p.message }));

/** The wrappers and containers of a schema that the key lookup walks through (zod 4 `_zod.def`). */
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
