import { Router } from 'express';
import type { AppContext } from '../context.js';
import { NOT_READY } from '../jobs/queue.js';
import { openApiDocument } from '../openapi.js';

/** `GET /v1/health`, `/v1/ready`, `/v1/openapi.json`: open to all, no key. */
export function healthRoutes(ctx: AppContext): Router {
  const document = openApiDocument();
  return Router()
    .get('/health', (_req, res) => {
      res.json({ status: 'ok' });
    })
    .get('/ready', async (_req, res) => {
      const checks = { store: await ctx.store.writable(), ...(await ctx.queue.checks()) };
      const failed = Object.keys(NOT_READY).find((check) => check in checks && !checks[check as keyof typeof checks]);
      if (failed === undefined) res.json({ status: 'ready', checks });
      else res.status(503).json({ error: 'not_ready', message: NOT_READY[failed], checks });
    })
    .get('/openapi.json', (_req, res) => {
      res.json(document);
    });
}
