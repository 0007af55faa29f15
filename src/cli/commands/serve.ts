import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { intOption, type StoreFlags, storeLocation, storeOptions } from '../options.js';

interface ServeFlags extends StoreFlags {
  port: number;
  host: string;
  workers: number;
  queue: number;
  jobTimeout: number;
}

/**
 * `shiftcast serve`: the REST API (SPEC section 4). Runs until SIGINT or SIGTERM, then stops
 * cleanly: on a folder store, jobs still running are queued again and run at the next start; on
 * a database the server holds no jobs (the `shiftcast worker`s do).
 */
export function registerServe(program: Command, ctx: CommandContext): void {
  const command = program
    .command('serve')
    .description('the REST API: plans as jobs, plan files, API keys (JSON logs on stdout); on a database, jobs run in `shiftcast worker`s')
    .option('--port <n>', 'port (0: any free port)', intOption('--port', 0, 65535), 8080)
    .option('--host <addr>', 'address to listen on (0.0.0.0 to expose beyond this machine)', '127.0.0.1');
  storeOptions(command)
    .option('--workers <n>', 'plans solved at once by a folder store (worker threads)', intOption('--workers', 1, 64), 2)
    .option('--queue <n>', 'plan jobs that may wait; more get 429', intOption('--queue', 1, 100_000), 100)
    .option('--job-timeout <seconds>', 'time limit of one plan job', intOption('--job-timeout', 1), 900);
  command.action(async (o: ServeFlags) => {
    const store = storeLocation(o);
    // Loaded on use so the other commands do not pay for express and pino at start-up.
    const { startServer } = await import('../../../api/server.js');
    const running = await startServer({
      store,
      port: o.port,
      host: o.host,
      workers: o.workers,
      maxQueued: o.queue,
      jobTimeoutSeconds: o.jobTimeout,
    });
    await new Promise<void>((resolve) => {
      const stop = () => void running.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    ctx.setExitCode(0);
  });
}
