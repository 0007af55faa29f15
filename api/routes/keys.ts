import { Router } from 'express';
import { allow } from '../auth.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { keyRequestSchema } from '../schemas.js';
import { parseBody } from '../validation.js';

/** `GET/POST /v1/keys`, `DELETE /v1/keys/{id}`: admin only. The new key is shown once. */
export function keyRoutes(ctx: AppContext): Router {
  const admin = allow(ctx.keys, ['admin']);
  return Router()
    .get('/keys', admin, (_req, res) => {
      res.json({ keys: ctx.keys.list() });
    })
    .post('/keys', admin, ctx.json, (req, res) => {
      const { role, name } = parseBody(keyRequestSchema, req.body);
      const { info, key } = ctx.keys.add(role, name);
      res
        .status(201)
        .location(`/v1/keys/${info.id}`)
        .json({ ...info, key });
    })
    .delete('/keys/:id', admin, (req, res) => {
      if (!ctx.keys.revoke(String(req.params.id))) throw new ApiError(404, 'not_found', `no active key ${String(req.params.id)}`);
      res.status(204).end();
    });
}
