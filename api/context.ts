import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Store } from '../src/store/store.js';
import type { JobRunner } from './jobs/runner.js';

/**
 * What the routes share: the store (plans, jobs, keys), the job runner, the logger, and the
 * JSON body parser (routes put it after the key check, so strangers cannot make us parse).
 */
export interface AppContext {
  store: Store;
  runner: JobRunner;
  logger: Logger;
  json: RequestHandler;
}
