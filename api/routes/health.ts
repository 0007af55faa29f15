import { Router } from 'express';
import type { AppContext } from '../context.js';
import { openApiDocument } from '../openapi.js';

/** `GET /v1/health`, `/v1/ready`, `/v1/openapi.json`: open to all, no key. */
export function healthRoutes(ctx: AppContext): Router {
  const document = openApiDocument();
  return Router()
    .get('/health', (_req, res) => {
      res.json({ status: 'ok' });
    })
    .get('/ready', async (_req, res) => {
      const checks = { store: await ctx.store.writable(), workers: ctx.runner.ready() };
      const ready = checks.store && checks.workers;
      if (ready) res.json({ status: 'ready', checks });
      else
        res.status(503).json({
          error: 'not_ready',
          message: !checks.store ? 'the plan store is not writable' : 'the plan workers are not running',
          checks,
        });
    })
    .get('/openapi.json', (_req, res) => {
      res.json(document);
    });
}
