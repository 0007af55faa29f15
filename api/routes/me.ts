import { Router } from 'express';
import type { KeyInfo } from '../../src/store/keyRecord.js';
import { allow, ANY_ROLE } from '../auth.js';
import type { AppContext } from '../context.js';

/** `GET /v1/me`: the calling key's record (never the key), so a client knows who it is and its role. */
export function meRoutes(ctx: AppContext): Router {
  return Router().get('/me', allow(ctx.store.keys, ANY_ROLE), (_req, res) => {
    // Field by field: whatever else a store keeps with a key never leaves through here.
    const { id, name, role, created, revoked } = res.locals.key as KeyInfo;
    res.json({ id, name, role, created, revoked });
  });
}
