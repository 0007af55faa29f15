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
 * Refuses a database that lacks a migration this Shiftcast ships (or has none at all): its tables
 * would not be the ones the queries expect. The message names the newest migration applied.
 */
export async function assertSchemaCurrent(db: Pick<pg.Pool, 'query'>): Promise<void> {
  let applied: string[];
  try {
    applied = (await db.query<{ name: string }>(`SELECT name FROM ${SCHEMA}.${MIGRATIONS_TABLE} ORDER BY run_on, id`)).rows.map(
      (r) => r.name,
    );
  } catch (e) {
    if (!NOTHING_INSTALLED.includes((e as { code?: string }).code ?? '')) throw e;
    applied = [];
  }
  const shipped = shippedMigrations();
  if (shipped.every((name) => applied.includes(name))) return;
  throw new SchemaOutdatedError(
    `the database schema is at ${applied.at(-1) ?? 'nothing (no Shiftcast tables)'}, this Shiftcast needs ${shipped.at(-1)}: run \`shiftcast migrate\``,
  );
}
