import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Store } from '../src/store/store.js';
import type { JobQueue } from './jobs/queue.js';

/**
 * What the routes share: the store (plans, jobs, keys), the job queue, the logger, and the
 * JSON body parser (routes put it after the key check, so strangers cannot make us parse).
 */
export interface AppContext {
  store: Store;
  queue: JobQueue;
  logger: Logger;
  json: RequestHandler;
}
