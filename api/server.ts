import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { InputError } from '../src/domain/errors.js';
import { openStore } from '../src/store/open.js';
import { createApp } from './app.js';
import { clientErrorHandler } from './errors.js';
import { JobRunner } from './jobs/runner.js';
import { createLogger } from './logger.js';
import type { RateLimitOptions } from './rateLimit.js';

/** Settings of `shiftcast serve`. */
export interface ServeOptions {
  store: string;
  port: number;
  host: string;
  workers: number;
  maxQueued: number;
  jobTimeoutSeconds: number;
  logger?: Logger;
  rateLimit?: RateLimitOptions | false;
  /** Largest request body (default 10mb). */
  bodyLimit?: string;
}

/** A running service. */
export interface RunningServer {
  server: Server;
  /** `http://host:port`, the port resolved when 0 was asked for. */
  url: string;
  runner: JobRunner;
  /** Stops listening and the workers; running jobs are queued again for the next start. */
  close(): Promise<void>;
}

/**
 * Starts the service: takes the store (one server per folder store: a second one would run the
 * first one's jobs again), recovers the store's jobs, starts the workers, listens.
 * Throws LockBusyError when another server holds the store.
 */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const logger = o.logger ?? createLogger();
  // Made first, so releasing the serve lock never removes the store folder again.
  mkdirSync(o.store, { recursive: true });
  const store = openStore(o.store);
  const releaseStore = await store.locks.acquire('serve');
  const runner = new JobRunner({
    store,
    workers: o.workers,
    maxQueued: o.maxQueued,
    jobTimeoutSeconds: o.jobTimeoutSeconds,
    maxAttempts: 2,
    keepJobsDays: 30,
    logger,
  });
  let server: Server;
  try {
    await runner.start();
    const app = createApp({ store, runner, logger, rateLimit: o.rateLimit, bodyLimit: o.bodyLimit });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(o.port, o.host, (err?: Error) => (err ? reject(err) : resolve(s)));
    });
  } catch (e) {
    await runner.close();
    await releaseStore();
    // A taken or forbidden port is the user's to fix: exit 2 with a plain message.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      throw new InputError({ file: 'command line', field: '--port' }, `cannot listen on ${o.host}:${o.port} (${code})`);
    throw e;
  }
  server.on('clientError', clientErrorHandler(logger));
  const { port } = server.address() as AddressInfo;
  const url = `http://${o.host}:${port}`;
  logger.info({ url, store: o.store, workers: o.workers }, 'listening');
  return {
    server,
    url,
    runner,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runner.close();
      await releaseStore();
    },
  };
}
