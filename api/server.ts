import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { InputError } from '../src/domain/errors.js';
import { openStore } from '../src/store/open.js';
import { PgStore } from '../src/store/postgres/pgStore.js';
import type { Store } from '../src/store/store.js';
import { createApp } from './app.js';
import { clientErrorHandler } from './errors.js';
import { startBoss } from './jobs/boss.js';
import { type JobQueue, KEEP_JOBS_DAYS } from './jobs/queue.js';
import { JobRunner } from './jobs/runner.js';
import { SharedQueue } from './jobs/sharedQueue.js';
import { createLogger } from './logger.js';
import { Metrics } from './metrics.js';
import type { RateLimitOptions } from './rateLimit.js';

/** Settings of `shiftcast serve`. */
export interface ServeOptions {
  /** A folder (the embedded store, with its workers inside this process) or a `postgres://` URL. */
  store: string;
  port: number;
  host: string;
  /** Worker threads of the embedded store (a database's jobs run in `shiftcast worker`s). */
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
  queue: JobQueue;
  /** Stops listening and the workers; running jobs are queued again for the next start. */
  close(): Promise<void>;
}

/**
 * Starts the service. On a folder store it takes the store (one server per folder store: a
 * second one would run the first one's jobs again), recovers the store's jobs and starts its
 * workers. On a database it holds nothing of its own: jobs go to the shared queue, which
 * `shiftcast worker`s take from, and any number of servers may run. Then it listens.
 * Throws LockBusyError when another server holds a folder store.
 */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const logger = o.logger ?? createLogger();
  const store = openStore(o.store);
  const metrics = new Metrics(store.jobs);
  const { queue, release } =
    store instanceof PgStore ? await sharedQueue(store, o, logger) : await embeddedQueue(store, o, logger, metrics);
  let server: Server;
  try {
    const app = createApp({ store, queue, logger, metrics, rateLimit: o.rateLimit, bodyLimit: o.bodyLimit });
    server = await new Promise<Server>((resolve, reject) => {
      const s = app.listen(o.port, o.host, (err?: Error) => (err ? reject(err) : resolve(s)));
    });
  } catch (e) {
    await release();
    // A taken or forbidden port is the user's to fix: exit 2 with a plain message.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES')
      throw new InputError({ file: 'command line', field: '--port' }, `cannot listen on ${o.host}:${o.port} (${code})`);
    throw e;
  }
  server.on('clientError', clientErrorHandler(logger));
  const { port } = server.address() as AddressInfo;
  const url = `http://${o.host}:${port}`;
  logger.info(
    { url, console: `${url}/`, store: store.location, workers: store instanceof PgStore ? 'shiftcast worker' : o.workers },
    'listening',
  );
  return {
    server,
    url,
    queue,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await release();
    },
  };
}

/** What a server's queue needs undone when it stops. */
interface QueueHold {
  queue: JobQueue;
  release: () => Promise<void>;
}

/** The folder store's queue: this server's own worker threads, under the store's serve lock. */
async function embeddedQueue(store: Store, o: ServeOptions, logger: Logger, metrics: Metrics): Promise<QueueHold> {
  // Made first, so releasing the serve lock never removes the store folder again.
  mkdirSync(store.location, { recursive: true });
  const releaseStore = await store.locks.acquire('serve');
  const runner = new JobRunner({
    store,
    workers: o.workers,
    maxQueued: o.maxQueued,
    jobTimeoutSeconds: o.jobTimeoutSeconds,
    maxAttempts: 2,
    keepJobsDays: KEEP_JOBS_DAYS,
    logger,
    metrics,
  });
  const release = async () => {
    await runner.close();
    await releaseStore();
  };
  try {
    await runner.start();
  } catch (e) {
    await release();
    throw e;
  }
  return { queue: runner, release };
}

/** A database's queue: pg-boss on the store's database, after checking its schema is current. */
async function sharedQueue(store: PgStore, o: ServeOptions, logger: Logger): Promise<QueueHold> {
  try {
    await store.ready();
    const boss = await startBoss(store.address, { supervise: false, logger });
    const queue = new SharedQueue({ store, boss, maxQueued: o.maxQueued, jobTimeoutSeconds: o.jobTimeoutSeconds, logger });
    return {
      queue,
      release: async () => {
        await queue.close();
        await store.close();
      },
    };
  } catch (e) {
    await store.close();
    throw e;
  }
}
