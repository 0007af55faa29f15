import { STATUS_CODES } from 'node:http';
import { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { InputError, ShiftcastError, type ErrorCode } from '../src/domain/errors.js';

/** An error of the HTTP shell itself (unknown resource, role, conflict), with its status. */
export class ApiError extends ShiftcastError {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The status of the engine's errors that carry no HTTP status of their own. */
const STATUS: Partial<Record<ErrorCode, number>> = { invalid_input: 400, busy: 429 };

/** The SPEC's error body (section 4). */
export interface ErrorBody {
  error: ErrorCode;
  message: string;
  fields?: { path: string; message: string }[];
}

/** Errors thrown by express's body parser carry a `type`. */
const PARSER_ERRORS: Record<string, [number, ErrorCode, string]> = {
  'entity.parse.failed': [400, 'invalid_input', 'the request body is not valid JSON'],
  'entity.too.large': [413, 'payload_too_large', 'the request body is larger than the server accepts'],
  'encoding.unsupported': [
    415,
    'unsupported_media_type',
    'the request body encoding is not supported; send it plain or as gzip, deflate or br',
  ],
  'charset.unsupported': [415, 'unsupported_media_type', 'the request body charset is not supported; send UTF-8'],
};

/** The `error` code of the other 4xx that express, its router and body parser raise. */
const CLIENT_CODES: Record<number, ErrorCode> = {
  400: 'invalid_input',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/**
 * A client's mistake caught by express itself rather than by our routes: body parser errors
 * (by `type`), a path that is not valid percent-encoding (the router's URIError), a body that
 * does not decompress (zlib's error inside a body parser 400). Our own message, never theirs:
 * theirs can quote the request or the library.
 */
function clientMistake(err: unknown): [number, ErrorCode, string] | undefined {
  const e = err as { type?: string; status?: unknown; expose?: unknown; code?: unknown };
  const parser = PARSER_ERRORS[e.type ?? ''];
  if (parser) return parser;
  if (err instanceof URIError) return [400, 'invalid_input', 'the request path is not valid percent-encoding'];
  // http-errors marks client errors `expose`; anything else stays a 500.
  if (typeof e.status !== 'number' || e.status < 400 || e.status > 499 || e.expose !== true) return undefined;
  const message =
    typeof e.code === 'string' && e.code.startsWith('Z_')
      ? 'the request body does not decompress as its Content-Encoding says'
      : 'the request could not be read';
  return [e.status, CLIENT_CODES[e.status] ?? 'bad_request', message];
}

/**
 * Filesystem errors that mean the store cannot be written (permissions, a read-only mount, a
 * full disk or quota): the request was fine and may work later, so 503, not 500.
 */
const STORE_UNAVAILABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT']);
const isStoreUnavailable = (err: unknown) => {
  const e = err as { code?: unknown; syscall?: unknown };
  return typeof e.syscall === 'string' && typeof e.code === 'string' && STORE_UNAVAILABLE.has(e.code);
};

/**
 * The one final error handler: maps what the routes throw to the SPEC's error body. Unknown
 * errors become a 500 whose body names only the request id; the stack goes to the log.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const requestId = String(res.locals.requestId ?? '');
    const mistake = clientMistake(err);
    let status: number;
    let body: ErrorBody;
    if (err instanceof ShiftcastError) {
      status = err instanceof ApiError ? err.status : (STATUS[err.code] ?? 500);
      body = { error: err.code, message: err.message, ...(err instanceof InputError ? { fields: err.fields } : {}) };
      if (err instanceof ApiError) res.set(err.headers);
      if (err.retryAfterSeconds !== undefined) res.set('Retry-After', String(err.retryAfterSeconds));
    } else if (mistake) {
      [status, body] = [mistake[0], { error: mistake[1], message: mistake[2] }];
      if (status === 400) body.fields = [{ path: '', message: mistake[2] }];
    } else if (isStoreUnavailable(err)) {
      // The error names the store's path: it goes to the log, not to the client.
      status = 503;
      body = {
        error: 'store_unavailable',
        message: `the plan store cannot be written; try again later or quote request id ${requestId} to the operator`,
      };
      logger.error({ req_id: requestId, err }, 'the plan store cannot be written');
    } else {
      status = 500;
      body = { error: 'internal', message: `internal error; quote request id ${requestId} to the operator` };
      logger.error({ req_id: requestId, err }, 'request failed');
    }
    res.status(status).json(body);
  };
}

/** What Node's HTTP parser rejects before express sees a request: status, code, message. */
const PARSE_ERRORS: Record<string, [number, ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'headers_too_large', 'the request headers are larger than the server accepts'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'payload_too_large', 'the request chunk extensions are larger than the server accepts'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'request_timeout', 'the request took too long to arrive'],
};

/**
 * The http server's `clientError` listener: Node's default answers a request it cannot parse
 * with a bare status line (an empty 431 for a huge header); this answers with the SPEC's error
 * body and closes the connection, as Node does. Use with `server.on('clientError', ...)`.
 */
export function clientErrorHandler(logger: Logger): (err: NodeJS.ErrnoException, socket: Duplex) => void {
  return (err, socket) => {
    const code = err.code ?? '';
    // Like Node's default: say nothing when the client has gone or a response is already under way.
    const inFlight = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (code === 'ECONNRESET' || !socket.writable || inFlight) {
      socket.destroy();
      return;
    }
    const [status, error, message] = PARSE_ERRORS[code] ?? [400, 'bad_request', 'the request is not valid HTTP/1.1'];
    logger.warn({ code, status }, 'unreadable request');
    const body = JSON.stringify({ error, message } satisfies ErrorBody);
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        'Content-Type: application/json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Cache-Control: no-store',
        'X-Content-Type-Options: nosniff',
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
    // The socket is half-open after end(); a client that never closes its side is cut off.
    if (socket instanceof Socket) socket.setTimeout(5000, () => socket.destroy());
  };
}

/** The last middleware: an unknown route gets a JSON 404. */
export const notFound: RequestHandler = (req, _res, next) => {
  next(new ApiError(404, 'not_found', `no such resource: ${req.method} ${req.path}`));
};
