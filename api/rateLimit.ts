import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ApiError } from './errors.js';

/** Requests one client may make per window. */
export interface RateLimitOptions {
  windowSeconds: number;
  limit: number;
}

/**
 * Limits requests per client address with express-rate-limit (by address, not by key, so
 * made-up keys cannot dodge it); over the limit gets 429 `rate_limited` with Retry-After.
 */
export function rateLimiter(o: RateLimitOptions): RequestHandler {
  return rateLimit({
    windowMs: o.windowSeconds * 1000,
    limit: o.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next, options) => {
      next(
        new ApiError(429, 'rate_limited', `more than ${o.limit} requests in ${o.windowSeconds} s; slow down`, {
          'Retry-After': String(Math.ceil(options.windowMs / 1000)),
        }),
      );
    },
  });
}
