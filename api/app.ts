import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Store } from '../src/store/store.js';
import { consoleRoutes } from './console/serve.js';
import type { AppContext } from './context.js';
import { errorHandler, notFound } from './errors.js';
import type { JobQueue } from './jobs/queue.js';
import { Metrics } from './metrics.js';
import { rateLimiter, type RateLimitOptions } from './rateLimit.js';
import { requestLog } from './requestLog.js';
import { configRoutes } from './routes/config.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { keyRoutes } from './routes/keys.js';
import { meRoutes } from './routes/me.js';
import { planRoutes } from './routes/plans.js';
import { jsonBody } from './validation.js';

/** What the app is built from. */
export interface AppOptions {
  store: Store;
  queue: JobQueue;
  /** The process's metrics (`GET /metrics`); one of its own when not given. */
  metrics?: Metrics;
  logger: Logger;
  /** Largest request body, e.g. `'10mb'` (a year of 15-minute history is about 1 MB). */
  bodyLimit?: string;
  /** Per-client request limit; `false` turns it off (benchmarks). */
  rateLimit?: RateLimitOptions | false;
}

/**
 * The express app of SPEC section 4, not listening (tests and `serve` decide where it runs).
 * This file only wires: routes live in routes/, errors end in one handler, then a JSON 404.
 */
export function createApp(o: AppOptions): Express {
  const json = jsonBody(o.bodyLimit ?? '10mb');
  const ctx: AppContext = { store: o.store, queue: o.queue, logger: o.logger, json };
  const metrics = o.metrics ?? new Metrics(o.store.jobs);
  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      // The API answers JSON and CSV, which nothing should render or frame: load nothing.
      // report.html sets its own policy (routes/plans.ts).
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      // The service speaks plain HTTP; HSTS belongs to the TLS proxy in front of it, whose
      // domain-wide choice (subdomains, preload) this process cannot make.
      strictTransportSecurity: false,
    }),
  );
  // Answers are per key and change (jobs, plan lists, keys): no cache keeps them. Plan files
  // override this (routes/plans.ts).
  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use(requestLog(o.logger));
  // For Prometheus, beside /v1 as exporters are: no key, like the health checks.
  app.get('/metrics', metrics.handler());
  const v1 = express.Router();
  v1.use(metrics.middleware());
  v1.use(healthRoutes(ctx));
  if (o.rateLimit !== false) v1.use(rateLimiter(o.rateLimit ?? { windowSeconds: 60, limit: 600 }));
  v1.use(planRoutes(ctx), jobRoutes(ctx), configRoutes(ctx), keyRoutes(ctx), meRoutes(ctx));
  app.use('/v1', v1);
  // The web console: static files calling /v1 like any client (its key is in each request).
  app.use(consoleRoutes());
  app.use(notFound);
  app.use(errorHandler(o.logger));
  return app;
}
