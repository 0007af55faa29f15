import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { displayUrl, isDatabaseUrl } from '../../store/postgres/address.js';
import { migrate } from '../../store/postgres/schema.js';
import type { CommandContext } from '../context.js';
import { databaseUrl } from '../options.js';

/** `shiftcast migrate`: brings a PostgreSQL store's schema up to date (`serve` and `worker` refuse an older one). */
export function registerMigrate(program: Command, _ctx: CommandContext): void {
  program
    .command('migrate')
    .description("bring a PostgreSQL store's schema up to date (safe to run again, or by several at once)")
    .option('--database <url>', 'the PostgreSQL store, postgres://... (default: $SHIFTCAST_DATABASE_URL)')
    .action(async (o: { database?: string }) => {
      const url = databaseUrl(o);
      const field = { file: 'command line', field: '--database' };
      if (url === undefined)
        throw new InputError(field, 'no database to migrate: give --database postgres://... or set SHIFTCAST_DATABASE_URL');
      // Not repeated in the message: it may carry a password.
      if (!isDatabaseUrl(url)) throw new InputError(field, 'the database is not a postgres:// or postgresql:// URL');
      const location = displayUrl(url);
      const applied = await migrate(url, (line) => process.stdout.write(`${line}\n`));
      // The job queue's tables (pg-boss's own schema), loaded on use like the server.
      await (await import('../../../api/jobs/boss.js')).installQueue(url);
      process.stdout.write(
        applied.length > 0 ? `${location}: schema up to date (${applied.length} applied)\n` : `${location}: schema already up to date\n`,
      );
    });
}
