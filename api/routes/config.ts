import { Router } from 'express';
import { configSchema } from '../../src/domain/config.js';
import { allow, ANY_ROLE } from '../auth.js';
import type { AppContext } from '../context.js';
import { parseBody } from '../validation.js';

/**
 * `POST /v1/config/validate`: the body is a config.json; `200 {"valid": true, "config"}` with
 * every default filled in, or `400` naming each bad field. Nothing is stored.
 */
export function configRoutes(ctx: AppContext): Router {
  return Router().post('/config/validate', allow(ctx.store.keys, ANY_ROLE), ctx.json, (req, res) => {
    res.json({ valid: true, config: parseBody(configSchema, req.body, 'config') });
  });
}
