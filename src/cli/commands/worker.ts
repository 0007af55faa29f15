import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import type { CommandContext } from '../context.js';
import { databaseUrl, intOption } from '../options.js';

interface WorkerFlags {
  database?: string;
  concurrency: number;
  jobTimeout: number;
  staleAfter: number;
  grace: number;
  metricsPort?: number;
  metricsHost: string;
}

/**
 * `shiftcast worker`: runs the plan and scenario jobs of a PostgreSQL store (SPEC section 5),
 * on as many machines as wanted. Stops on SIGINT or SIGTERM: running jobs get `--grace` seconds
 * to finish, then go back to the queue for another worker.
 */
export function registerWorker(program: Command, ctx: CommandContext): void {
  program
    .command('worker')
    .description("runs the jobs of a database store's queue (JSON logs on stdout)")
    .option('--database <url>', 'the store: postgres://... (default: $SHIFTCAST_DATABASE_URL)')
    .option('--concurrency <n>', 'jobs run at once, each on a worker thread', intOption('--concurrency', 1, 64), availableParallelism())
    .option('--job-timeout <seconds>', 'time limit of one job', intOption('--job-timeout', 1), 900)
    .option(
      '--stale-after <seconds>',
      'a running job whose worker has been silent this long is taken over',
      intOption('--stale-after', 3),
      30,
    )
    .option(
      '--grace <seconds>',
      'on SIGTERM, how long running jobs may take to finish before they are handed back',
      intOption('--grace', 0),
      60,
    )
    .option('--metrics-port <n>', 'serve GET /metrics (Prometheus) on this port', intOption('--metrics-port', 0, 65535))
    .option('--metrics-host <addr>', 'address of the metrics port', '127.0.0.1')
    .action(async (o: WorkerFlags) => {
      const url = databaseUrl(o);
      if (url === undefined)
        throw new InputError(
          { file: 'command line', field: '--database' },
          'a worker runs the jobs of a database store: give --database postgres://... or set SHIFTCAST_DATABASE_URL (a folder store runs its jobs inside `shiftcast serve`)',
        );
      // Loaded on use so the other commands do not pay for pg-boss and pino at start-up.
      const { runWorkerProcess } = await import('../../../api/workerProcess.js');
      const running = await runWorkerProcess({ ...o, database: url });
      await new Promise<void>((resolve) => {
        const stop = () => void running.close(o.grace).then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      ctx.setExitCode(0);
    });
}
