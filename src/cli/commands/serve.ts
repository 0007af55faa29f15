import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { intOption } from '../options.js';
import { DEFAULT_STORE } from './plan.js';

/**
 * `shiftcast serve`: the REST API (SPEC section 4). Runs until SIGINT or SIGTERM, then stops
 * cleanly: jobs still running are queued again and run at the next start.
 */
export function registerServe(program: Command, ctx: CommandContext): void {
  program
    .command('serve')
    .description('the REST API: plans as jobs, plan files, API keys (JSON logs on stdout)')
    .option('--port <n>', 'port (0: any free port)', intOption('--port', 0, 65535), 8080)
    .option('--host <addr>', 'address to listen on (0.0.0.0 to expose beyond this machine)', '127.0.0.1')
    .option('--store <dir>', 'plan store', DEFAULT_STORE)
    .option('--workers <n>', 'plans solved at once (worker threads)', intOption('--workers', 1, 64), 2)
    .option('--queue <n>', 'plan jobs that may wait; more get 429', intOption('--queue', 1, 100_000), 100)
    .option('--job-timeout <seconds>', 'time limit of one plan job', intOption('--job-timeout', 1), 900)
    .action(async (o: { port: number; host: string; store: string; workers: number; queue: number; jobTimeout: number }) => {
      // Loaded on use so the other commands do not pay for express and pino at start-up.
      const { startServer } = await import('../../../api/server.js');
      const running = await startServer({
        store: o.store,
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
