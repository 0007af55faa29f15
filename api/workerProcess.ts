import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { InputError } from '../src/domain/errors.js';
import { openStore } from '../src/store/open.js';
import { PgStore } from '../src/store/postgres/pgStore.js';
import { startBoss } from './jobs/boss.js';
import { startWorker } from './jobs/worker.js';
import { createLogger } from './logger.js';
import { Metrics } from './metrics.js';

/** Settings of a `shiftcast worker` process. */
export interface WorkerProcessOptions {
  database: string;
  concurrency: number;
  jobTimeout: number;
  staleAfter: number;
  metricsPort?: number;
  metricsHost: string;
  logger?: Logger;
}

/** A worker process at work: its id, its metrics address (when asked for), and how it stops. */
export interface WorkerProcess {
  id: string;
  metricsUrl: string | null;
  close(graceSeconds: number): Promise<void>;
}

/** Starts of a job before it ends failed because its workers kept dying under it. */
const MAX_ATTEMPTS = 3;

/**
 * The `shiftcast worker` process: the store (its schema checked), pg-boss, the worker, and its
 * own `/metrics` page when a port is given (each process exposes the jobs it ran).
 */
export async function runWorkerProcess(o: WorkerProcessOptions): Promise<WorkerProcess> {
  const logger = o.logger ?? createLogger();
  const store = openStore(o.database);
  if (!(store instanceof PgStore)) {
    await store.close();
    throw new InputError({ file: 'command line', field: '--database' }, 'is not a postgres:// URL');
  }
  const closers: (() => Promise<void>)[] = [() => store.close()];
  const undo = async () => {
    for (const close of closers.reverse()) await close().catch((e) => logger.error({ err: e }, 'stopping the worker failed'));
  };
  try {
    await store.ready();
    const boss = await startBoss(store.address, { supervise: true, logger });
    closers.push(() => boss.stop({ graceful: false, wait: true }));
    const metrics = new Metrics();
    let metricsUrl: string | null = null;
    if (o.metricsPort !== undefined) {
      const server = await metricsServer(metrics, o.metricsPort, o.metricsHost);
      closers.push(() => new Promise<void>((r) => server.close(() => r())));
      metricsUrl = `http://${o.metricsHost}:${(server.address() as AddressInfo).port}/metrics`;
    }
    const worker = await startWorker({
      store,
      boss,
      concurrency: o.concurrency,
      jobTimeoutSeconds: o.jobTimeout,
      staleAfterSeconds: o.staleAfter,
      maxAttempts: MAX_ATTEMPTS,
      logger,
      metrics,
    });
    logger.info({ worker: worker.id, store: store.location, metrics: metricsUrl }, 'worker ready');
    return {
      id: worker.id,
      metricsUrl,
      close: async (graceSeconds) => {
        await worker.close(graceSeconds);
        await undo();
      },
    };
  } catch (e) {
    await undo();
    throw e;
  }
}

/** `GET /metrics` on its own port: a worker has no API to hang it on. */
async function metricsServer(metrics: Metrics, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE' || e.code === 'EACCES'
          ? new InputError({ file: 'command line', field: '--metrics-port' }, `cannot listen on ${host}:${port} (${e.code})`)
          : e,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  return server;
}
