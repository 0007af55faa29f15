import type { Store } from '../store.js';
import { displayUrl } from './address.js';
import { Db } from './db.js';
import { PgJobs, type SharedJobs } from './jobs.js';
import { PgKeys } from './keys.js';
import { PgLocks } from './locks.js';
import { PgPlans } from './plans.js';
import { assertSchemaCurrent } from './schema.js';
import { PgWorkers } from './workers.js';

/**
 * The store in a PostgreSQL database (SPEC section 5, "More than one machine"): plans, jobs,
 * keys and locks in the schema `shiftcast`, shared by any number of processes on any machines.
 * Opening connects nothing; the first query checks the schema (see Db.ready), and `ready()`
 * lets a server refuse an old schema at start rather than at its first request.
 */
export class PgStore implements Store {
  readonly location: string;
  readonly plans: PgPlans;
  readonly jobs: SharedJobs;
  readonly keys: PgKeys;
  readonly locks: PgLocks;
  /** The `shiftcast worker` processes that run this store's jobs. */
  readonly workers: PgWorkers;
  private readonly db: Db;
  private closed = false;

  constructor(readonly address: string) {
    this.location = displayUrl(address);
    this.db = new Db(address, this.location);
    this.locks = new PgLocks(this.db);
    this.plans = new PgPlans(this.db, this.locks);
    this.jobs = new PgJobs(this.db);
    this.keys = new PgKeys(this.db);
    this.workers = new PgWorkers(this.db);
  }

  /** Resolves when the database is reachable and its schema current; else throws the error that says so. */
  ready(): Promise<void> {
    return this.db.ready();
  }

  async writable(): Promise<boolean> {
    try {
      await assertSchemaCurrent(this.db.pool);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.locks.releaseAll();
    await this.db.close();
  }
}

/** Whether a store is shared by several processes through a database (its jobs then have the queue's operations). */
export const isSharedStore = (store: Store): store is PgStore => store instanceof PgStore;
