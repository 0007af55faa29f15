import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { installQueue } from '../../api/jobs/boss.js';
import { migrate } from '../../src/store/postgres/schema.js';

/** The PostgreSQL server the tests make their databases on (`.ci/run` starts a throw-away cluster and sets it). */
const SERVER = process.env.SHIFTCAST_TEST_DATABASE_URL;

/** Why the PostgreSQL tests cannot run here, or null when they can. */
async function whyNoServer(): Promise<string | null> {
  if (!SERVER) return 'SHIFTCAST_TEST_DATABASE_URL is not set';
  const client = new pg.Client({ connectionString: SERVER, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    return null;
  } catch (e) {
    return `the server in SHIFTCAST_TEST_DATABASE_URL cannot be reached (${(e as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

const why = await whyNoServer();
if (why)
  console.warn(`SKIPPING the PostgreSQL store tests: ${why}. Set it to a server's URL (.ci/run starts a throw-away cluster for them).`);

/** True when the PostgreSQL suites must skip (the reason is printed once, above). */
export const noPostgres = why !== null;

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE cannot be in a pool's transaction). */
async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const made: string[] = [];
afterAll(async () => {
  // FORCE: a store a test left open must not keep its database alive.
  for (const name of made.splice(0)) await onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

/** A fresh database on the test server (migrated, its job queue installed, unless told not to); its URL. Dropped after the file. */
export async function testDatabase({ migrated = true } = {}): Promise<string> {
  const name = `shiftcast_t_${randomBytes(6).toString('hex')}`; // made here, so safe to put in the statement
  await onServer(`CREATE DATABASE ${name}`);
  made.push(name);
  const url = new URL(SERVER!);
  url.pathname = `/${name}`;
  if (migrated) {
    await migrate(url.toString());
    await installQueue(url.toString());
  }
  return url.toString();
}
