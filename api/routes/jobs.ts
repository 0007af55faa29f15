import { Router } from 'express';
import { allow, ANY_ROLE } from '../auth.js';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';

/** `GET /v1/jobs/{id}` (any role) and `DELETE /v1/jobs/{id}` (cancel; planner, admin). */
export function jobRoutes(ctx: AppContext): Router {
  const find = async (id: string) => {
    const job = await ctx.queue.jobs.get(id);
    if (!job) throw new ApiError(404, 'not_found', `no job ${id}`);
    return job;
  };
  return Router()
    .get('/jobs/:id', allow(ctx.store.keys, ANY_ROLE), async (req, res) => {
      res.locals.jobId = String(req.params.id);
      res.json(await find(String(req.params.id)));
    })
    .delete('/jobs/:id', allow(ctx.store.keys, ['planner', 'admin']), async (req, res) => {
      res.locals.jobId = String(req.params.id);
      const outcome = await ctx.queue.cancel((await find(String(req.params.id))).id);
      if (!outcome.cancelled) throw new ApiError(409, 'conflict', outcome.reason);
      res.json(outcome.job);
    });
}
