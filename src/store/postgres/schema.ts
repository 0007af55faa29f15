import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { displayUrl } from './address.js';
import { connectionProblem, SchemaOutdatedError } from './errors.js';

/** The PostgreSQL schema that holds everything Shiftcast keeps, its migrations table included. */
export const SCHEMA = 'shiftcast';
const MIGRATIONS_TABLE = 'migrations';
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The migrations this Shiftcast ships, oldest first (names sort by their timestamp prefix). */
const shippedMigrations = () =>
  readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -'.sql'.length))
    .sort();

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Brings the database's schema up to date; returns the migrations it applied (none when it was
 * current). Two at once are safe: node-pg-migrate's advisory lock makes the second wait, and
 * it then finds nothing left to do.
 */
export async function migrate(url: string, log: (line: string) => void = () => {}): Promise<string[]> {
  try {
    // Loaded here: only `shiftcast migrate` and tests pay for it, not every command that opens a store.
    const { runner } = await import('node-pg-migrate');
    const applied = await runner({
      databaseUrl: url,
      dir: MIGRATIONS_DIR,
      direction: 'up',
      schema: SCHEMA,
      createSchema: true,
      migrationsSchema: SCHEMA,
      createMigrationsSchema: true,
      migrationsTable: MIGRATIONS_TABLE,
      checkOrder: true,
      advisoryLockMode: 'wait',
      logger: quiet,
    });
    for (const m of applied) log(`applied ${m.name}`);
    return applied.map((m) => m.name);
  } catch (e) {
    throw connectionProblem(e, displayUrl(url));
  }
}

/** undefined_table, invalid_schema_name: nothing of Shiftcast's is installed. */
const NOTHING_INSTALLED = ['42P01', '3F000'];

/**
 * Refuses a database whose newest applied migration is older than the newest this Shiftcast
 * ships (or that has none): its tables would not be the ones the queries expect.
 */
export async function assertSchemaCurrent(db: Pick<pg.Pool, 'query'>): Promise<void> {
  const needed = shippedMigrations().at(-1)!;
  let at: string | null;
  try {
    const { rows } = await db.query<{ at: string | null }>(`SELECT max(name) AS at FROM ${SCHEMA}.${MIGRATIONS_TABLE}`);
    at = rows[0].at;
  } catch (e) {
    if (!NOTHING_INSTALLED.includes((e as { code?: string }).code ?? '')) throw e;
    at = null;
  }
  if (at === null || at < needed)
    throw new SchemaOutdatedError(
      `the database schema is at ${at ?? 'nothing (no Shiftcast tables)'}, this Shiftcast needs ${needed}: run \`shiftcast migrate\``,
    );
}
