import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { InputError } from '../src/domain/errors.js';

/** An error with an HTTP status and the SPEC's stable `error` code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The SPEC's error body (section 4). */
export interface ErrorBody {
  error: string;
  message: string;
  fields?: { path: string; message: string }[];
}

/** Errors thrown by express's body parser carry a `type`. */
const PARSER_ERRORS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'invalid_input', 'the request body is not valid JSON'],
  'entity.too.large': [413, 'payload_too_large', 'the request body is larger than the server accepts'],
  'encoding.unsupported': [415, 'unsupported_media_type', 'the request body encoding is not supported'],
};

/**
 * The one final error handler: maps what the routes throw to the SPEC's error body. Unknown
 * errors become a 500 whose body names only the request id; the stack goes to the log.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const requestId = String(res.locals.requestId ?? '');
    const parser = PARSER_ERRORS[(err as { type?: string }).type ?? ''];
    let status: number;
    let body: ErrorBody;
    if (err instanceof InputError) {
      status = 400;
      body = { error: 'invalid_input', message: err.message, fields: err.fields };
    } else if (err instanceof ApiError) {
      status = err.status;
      body = { error: err.code, message: err.message };
      res.set(err.headers);
    } else if (parser) {
      [status, body] = [parser[0], { error: parser[1], message: parser[2] }];
      if (status === 400) body.fields = [{ path: '', message: parser[2] }];
    } else {
      status = 500;
      body = { error: 'internal', message: `internal error; quote request id ${requestId} to the operator` };
      logger.error({ req_id: requestId, err }, 'request failed');
    }
    res.status(status).json(body);
  };
}

/** The last middleware: an unknown route gets a JSON 404. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'not_found', `no such resource: ${req.method} ${req.path}`));
};
