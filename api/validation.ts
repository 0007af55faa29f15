import express, { type RequestHandler } from 'express';
import type { z } from 'zod';
import { InputError } from '../src/domain/errors.js';
import { fieldsOf, problemsOf } from '../src/io/issues.js';
import { ApiError } from './errors.js';

/** Parses a request body with a schema or throws the InputError that becomes a 400. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown, what = 'request body'): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const fields = fieldsOf(problemsOf(result.error.issues, schema));
  const more = fields.length > 1 ? ` (and ${fields.length - 1} more)` : '';
  throw new InputError({ file: what, field: fields[0].path || '(root)' }, `${fields[0].message}${more}`, fields);
}

/**
 * An engine's input error told as a field of the request: the same problem, named where the
 * client sent it (the engine names a file or a command-line option). Anything else passes through.
 */
export function asRequestField(e: unknown, file: string, field: string): unknown {
  if (!(e instanceof InputError)) return e;
  const problem = e.fields[0]?.message ?? e.message;
  return new InputError({ file, field }, problem, [{ path: field, message: problem }]);
}

/** The media types a JSON route reads (`application/json`, with or without a charset, and `+json`). */
const JSON_TYPES = ['application/json', 'application/*+json'];

const missingBody = () =>
  new InputError({ file: 'request body', field: '(root)' }, 'a JSON request body is required', [
    { path: '', message: 'a JSON request body is required' },
  ]);

/**
 * express's JSON parser for the routes that take a body, behind a gate: express.json passes
 * any other media type on unread (a text/plain config was "valid" without being looked at), so
 * a body that is not declared JSON gets 415, and an empty one a 400 (the parser reads it as {}).
 */
export function jsonBody(limit: string): RequestHandler {
  const parse = express.json({
    limit,
    type: JSON_TYPES,
    verify: (_req, _res, raw) => {
      if (raw.length === 0) throw missingBody();
    },
  });
  return (req, res, next) => {
    // type-is: null when the request has no body, false when its type is not one of ours.
    const is = req.is(JSON_TYPES);
    if (is === null) next(missingBody());
    else if (is === false)
      next(new ApiError(415, 'unsupported_media_type', 'the request body must be JSON: send it with Content-Type: application/json'));
    else parse(req, res, next);
  };
}
