import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';
import { type LockHolder, type LockKind, LockBusyError } from '../lockBusy.js';
import type { LockStore, ReleaseLock } from '../store.js';
import { type Db, iso, type Queryable } from './db.js';

/** The advisory lock key of a kind: a stable bigint (as text) from `shiftcast:<kind>`, the same in every process. */
export const lockKey = (kind: LockKind) => createHash('sha256').update(`shiftcast:${kind}`).digest().readBigInt64BE(0).toString();

/** A lock this process holds: the session it lives in, and its release. */
export interface HeldLock {
  client: Queryable;
  release: ReleaseLock;
}

/**
 * Locks as PostgreSQL session-level advisory locks: each held lock keeps a pooled connection
 * of its own, and the lock lives exactly as long as that session (a holder that dies loses it
 * with its connection, so nothing goes stale). The holder also writes itself into the `locks`
 * table, which is read only to name it when a taker is refused.
 */
export class PgLocks implements LockStore {
  private readonly held = new Set<ReleaseLock>();

  constructor(private readonly db: Db) {}

  async acquire(kind: LockKind): Promise<ReleaseLock> {
    return (await this.hold(kind)).release;
  }

  async withLock<T>(kind: LockKind, fn: () => T | Promise<T>, waitMs = 10_000): Promise<T> {
    const { release } = await this.holdWaiting(kind, waitMs);
    try {
      return await fn();
    } finally {
      await release();
    }
  }

  /** Takes a lock, waiting up to `waitMs` without blocking the event loop; then throws LockBusyError. */
  async holdWaiting(kind: LockKind, waitMs = 10_000): Promise<HeldLock> {
    const deadline = Date.now() + waitMs;
    for (let pause = 5; ; pause = Math.min(100, pause * 2)) {
      try {
        return await this.hold(kind);
      } catch (e) {
        if (!(e instanceof LockBusyError) || Date.now() > deadline) throw e;
        await new Promise((r) => setTimeout(r, pause));
      }
    }
  }

  /** Releases every lock this store holds (its connections go with them). */
  async releaseAll(): Promise<void> {
    await Promise.all([...this.held].map((release) => release()));
  }

  /** Takes a lock at once on a session of its own, or throws LockBusyError naming the holder. */
  private async hold(kind: LockKind): Promise<HeldLock> {
    const client = await this.db.connect();
    const key = lockKey(kind);
    let locked = false;
    try {
      locked = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key])).rows[0].locked;
      if (!locked) throw new LockBusyError(await holder(client, kind), kind, this.db.location);
      await client.query(
        `INSERT INTO shiftcast.locks (kind, pid, host, since) VALUES ($1, $2, $3, now())
         ON CONFLICT (kind) DO UPDATE SET pid = excluded.pid, host = excluded.host, since = excluded.since`,
        [kind, process.pid, hostname()],
      );
    } catch (e) {
      // Dropping the connection drops any lock it took: nothing is left held.
      client.release(locked);
      throw e;
    }
    const release = async () => {
      if (!this.held.delete(release)) return; // released already
      await unlock(client, kind);
    };
    this.held.add(release);
    return { client, release };
  }
}

/**
 * Gives the lock back, then the session; a session that fails to unlock is closed, which unlocks
 * too. The holder's row goes first, so a refused taker never names a holder that has left.
 */
async function unlock(client: pg.PoolClient, kind: LockKind): Promise<void> {
  try {
    await client.query('DELETE FROM shiftcast.locks WHERE kind = $1', [kind]);
    await client.query('SELECT pg_advisory_unlock($1)', [lockKey(kind)]);
    client.release();
  } catch {
    client.release(true);
  }
}

/** Who holds a lock, as its holder wrote it (unknown when it has not yet). */
async function holder(client: Queryable, kind: LockKind): Promise<LockHolder> {
  const { rows } = await client.query<{ pid: number; host: string; since: Date }>(
    'SELECT pid, host, since FROM shiftcast.locks WHERE kind = $1',
    [kind],
  );
  return rows[0] ? { pid: rows[0].pid, host: rows[0].host, since: iso(rows[0].since)! } : { pid: 0, host: 'unknown', since: 'unknown' };
}
