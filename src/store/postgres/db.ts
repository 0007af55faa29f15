import pg from 'pg';
import { connectionProblem } from './errors.js';
import { assertSchemaCurrent } from './schema.js';

/** What runs a query: the pool, or one client (a transaction, a lock's session). */
export interface Queryable {
  query<R extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** A timestamptz column as the store's records show times: `new Date().toISOString()`. */
export const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

/** A value for a jsonb parameter: serialised here, since pg would send a JS array as a PostgreSQL array. */
export const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/** Runs `fn` in a transaction on `client`: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(client: Queryable, fn: (client: Queryable) => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {}); // a broken connection rolls back by itself
    throw e;
  }
}

/**
 * The connection pool of one PgStore. Every query waits first for the schema check (once per
 * pool, retried after a failure), so a store opened on an old schema refuses with the
 * migrate message instead of failing on a missing column.
 */
export class Db {
  readonly pool: pg.Pool;
  private checked: Promise<void> | null = null;

  constructor(
    address: string,
    readonly location: string,
  ) {
    this.pool = new pg.Pool({ connectionString: address, max: 4, connectionTimeoutMillis: 10_000 });
    // An idle connection the server drops must not end the process: the next query reconnects.
    this.pool.on('error', () => {});
  }

  /** Resolves once the schema is known to be current; throws SchemaOutdatedError or StoreUnavailableError. */
  ready(): Promise<void> {
    this.checked ??= assertSchemaCurrent(this.pool).catch((e: unknown) => {
      this.checked = null;
      throw connectionProblem(e, this.location);
    });
    return this.checked;
  }

  async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    await this.ready();
    try {
      return await this.pool.query<R>(sql, params);
    } catch (e) {
      throw connectionProblem(e, this.location);
    }
  }

  /** A client of its own (a lock's session); the caller releases it. */
  async connect(): Promise<pg.PoolClient> {
    await this.ready();
    try {
      return await this.pool.connect();
    } catch (e) {
      throw connectionProblem(e, this.location);
    }
  }

  async transaction<T>(fn: (client: Queryable) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      return await inTransaction(client, fn);
    } finally {
      client.release();
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
