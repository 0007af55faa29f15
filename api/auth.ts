import type { RequestHandler } from 'express';
import type { Role } from '../src/store/keyRecord.js';
import type { KeyStore } from '../src/store/store.js';
import { ApiError } from './errors.js';

/** Every role: for the routes any valid key may use. */
export const ANY_ROLE: readonly Role[] = ['planner', 'finance', 'admin'];

/**
 * Requires a valid API key (`Authorization: Bearer KEY`, 401 otherwise) whose role is one of
 * `roles` (403 otherwise). The key's record (never the key) is left in `res.locals.key`.
 */
export function allow(keys: KeyStore, roles: readonly Role[]): RequestHandler {
  return async (req, res, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
    const key = match ? await keys.verify(match[1]) : null;
    if (!key) {
      next(new ApiError(401, 'unauthorized', 'a valid API key is required: Authorization: Bearer KEY', { 'WWW-Authenticate': 'Bearer' }));
      return;
    }
    res.locals.key = key;
    if (!roles.includes(key.role)) {
      next(new ApiError(403, 'forbidden', `the ${key.role} role may not do this; it needs ${roles.join(' or ')}`));
      return;
    }
    next();
  };
}
