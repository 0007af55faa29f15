import type { z } from 'zod';
import { InputError } from '../src/domain/errors.js';

type Issue = z.core.$ZodIssue;

/**
 * zod issues as flat `{path, message}` fields. A union (history as CSV text or rows) reports
 * the branch that matched the value's type, so a bad row is named (`history.3.contacts`)
 * instead of a bare "Invalid input".
 */
export function issueFields(issues: readonly Issue[], prefix: PropertyKey[] = []): { path: string; message: string }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const branches = issue.errors.filter((b) => !(b.length === 1 && b[0].code === 'invalid_type' && b[0].path.length === 0));
      if (branches.length === 1) return issueFields(branches[0], path);
    }
    return [{ path: path.map(String).join('.'), message: issue.message }];
  });
}

/** Parses a request body with a schema or throws the InputError that becomes a 400. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, what = 'request body'): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const fields = issueFields(result.error.issues);
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  throw new InputError({ file: what, field: fields[0].path || '(root)' }, `${fields[0].message}${more}`, fields);
}
