import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

/** A caller's X-Request-Id is kept when it is short and plain (it ends up in logs). */
const CALLER_ID = /^[\w.-]{1,64}$/;

/**
 * Gives each request an id (the caller's X-Request-Id or a new one), echoes it in the response,
 * and logs one line per request when the response is sent: method, path, status, duration, key.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const header = req.get('x-request-id');
    const id = header && CALLER_ID.test(header) ? header : randomUUID();
    res.locals.requestId = id;
    res.set('X-Request-Id', id);
    const began = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - began) / 1e6;
      logger.info(
        {
          req_id: id,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          duration_ms: Math.round(durationMs * 10) / 10,
          key_id: res.locals.key?.id,
          job_id: res.locals.jobId,
        },
        'request',
      );
    });
    next();
  };
}
