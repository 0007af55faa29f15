import { Router } from 'express';
import { allow } from '../auth.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import { keyRequestSchema } from '../schemas.js';
import { parseBody } from '../validation.js';

/** `GET/POST /v1/keys`, `DELETE /v1/keys/{id}`: admin only. The new key is shown once. */
export function keyRoutes(ctx: AppContext): Router {
  const admin = allow(ctx.store.keys, ['admin']);
  return Router()
    .get('/keys', admin, async (_req, res) => {
      res.json({ keys: await ctx.store.keys.list() });
    })
    .post('/keys', admin, ctx.json, async (req, res) => {
      const { role, name } = parseBody(keyRequestSchema, req.body);
      const { info, key } = await ctx.store.keys.add(role, name);
      res
        .status(201)
        .location(`/v1/keys/${info.id}`)
        .json({ ...info, key });
    })
    .delete('/keys/:id', admin, async (req, res) => {
      if (!(await ctx.store.keys.revoke(String(req.params.id))))
        throw new ApiError(404, 'not_found', `no active key ${String(req.params.id)}`);
      res.status(204).end();
    });
}
