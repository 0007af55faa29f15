/**
 * Starts the real service in a child process (httpEdge.test.ts runs it as an unprivileged user,
 * so that a read-only store fails for real: root ignores file permissions). Prints
 * `LISTENING <url>` on stdout when it listens; the service's log lines go to stderr.
 * Usage: node --import tsx test/api/serveChild.ts STORE
 */
import { pino } from 'pino';
import { startServer } from '../../api/server.js';

const store = process.argv[2];
const logger = pino({ level: 'info', base: { service: 'shiftcast' } }, pino.destination(2));
const server = await startServer({
  store,
  port: 0,
  host: '127.0.0.1',
  workers: 1,
  maxQueued: 5,
  jobTimeoutSeconds: 60,
  logger,
  rateLimit: false,
});
process.stdout.write(`LISTENING ${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
