import type { JobKind, JobRecord, JobStatus } from './jobRecord.js';
import type { KeyInfo, Role } from './keyRecord.js';
import type { LockKind } from './lockBusy.js';
import type { DatedPlan } from './retention.js';

/** The files of one plan, by name. */
export type PlanFiles = Record<string, string>;

/** The plans of a store, each named `<week_start>_<id>` (see planNames.ts). */
export interface PlanStore {
  /**
   * Stores a plan's files whole or not at all, under the store's write lock. When the plan is
   * there already (same inputs, same name) the first one stays and `created` is false.
   * Throws for a name that is not a plan's.
   */
  write(name: string, files: PlanFiles): Promise<{ created: boolean }>;
  /** Whether a plan holds a file. */
  has(name: string, file: string): Promise<boolean>;
  /** One file of a plan, as text. */
  read(name: string, file: string): Promise<string>;
  /** A plan's summary.json as an object, or null when it is missing or not a JSON object (a damaged plan). */
  summary(name: string): Promise<Record<string, unknown> | null>;
  /** The plans (or the ones named), most recently created first; each summary is read once. */
  list(names?: readonly string[]): Promise<DatedPlan[]>;
  /** The store's plans (newest week first) and its foreign entries: neither plans nor the store's own. */
  scan(): Promise<{ plans: string[]; foreign: string[] }>;
  /**
   * Keeps the newest `keep` plans and those in `protect`, deletes the others, under the write
   * lock; refuses (deleting nothing) while the store holds foreign entries. Returns the deleted names.
   */
  prune(keep: number, protect?: readonly string[]): Promise<string[]>;
  /** Removes what writers that died mid-write left behind; returns what went. */
  removeAbandoned(): Promise<string[]>;
  /** Where a plan is, for messages and results (a folder path for the folder store): naming only, no I/O. */
  where(name: string): string;
  /**
   * Adds an entry to the plan's intraday log (SPEC section 7: the day's decisions), whole or not
   * at all, kept beside the plan: the plan itself is never changed, and the log is not a plan.
   */
  appendDayLog(name: string, entry: object): Promise<void>;
}

/** The jobs of a store: the records are the truth (nothing cached), which makes restarts safe. */
export interface JobStore {
  /** Records a new queued job with its inputs (inputs first, so a listed job always has them). */
  create(kind: JobKind, inputs: unknown): Promise<JobRecord>;
  /** The job, or null for an unknown (or malformed) id. */
  get(id: string): Promise<JobRecord | null>;
  /** Applies a change and stores the job; a job that ends loses its inputs. Returns the new record. */
  update(id: string, change: Partial<JobRecord>): Promise<JobRecord>;
  /** The inputs a job was created with (throws once they are gone). */
  inputs<T>(id: string): Promise<T>;
  /** Every job, oldest first. */
  all(): Promise<JobRecord[]>;
  /** Deletes the records of jobs that ended before `cutoff` (ISO time); returns how many. */
  removeEndedBefore(cutoff: string): Promise<number>;
  /** How many jobs have each status (every status present, 0 when none). */
  counts(): Promise<Record<JobStatus, number>>;
}

/** The API keys of a store, kept hashed (see keyRecord.ts); changes by several processes are all kept. */
export interface KeyStore {
  /** Every key, revoked ones included (the audit trail). */
  list(): Promise<KeyInfo[]>;
  /** Makes a key; returns it once (only its hash is stored). */
  add(role: Role, name?: string): Promise<{ info: KeyInfo; key: string }>;
  /** Revokes a key by id; false when there is no such active key. */
  revoke(id: string): Promise<boolean>;
  /** The active key a presented key belongs to, or null. */
  verify(key: string): Promise<KeyInfo | null>;
}

/** Releases a lock (again: nothing). */
export type ReleaseLock = () => Promise<void>;

/** Exclusive locks of a store by kind (see lockBusy.ts). */
export interface LockStore {
  /** Takes a lock at once or throws LockBusyError naming the holder. */
  acquire(kind: LockKind): Promise<ReleaseLock>;
  /** Runs `fn` holding a lock, waiting up to `waitMs` for it; then throws LockBusyError. */
  withLock<T>(kind: LockKind, fn: () => T | Promise<T>, waitMs?: number): Promise<T>;
}

/** Where Shiftcast keeps plans, jobs, keys and locks. */
export interface Store {
  /** The store as messages name it (a folder path, a database URL without its password). */
  readonly location: string;
  /** What `openStore` takes to open this same store again (a database URL with its credentials): never shown. */
  readonly address: string;
  readonly plans: PlanStore;
  readonly jobs: JobStore;
  readonly keys: KeyStore;
  readonly locks: LockStore;
  /** Whether this process can write into the store now (readiness). */
  writable(): Promise<boolean>;
  /** Lets go of what the store holds open (a database's connections, its locks); the store is not used after. */
  close(): Promise<void>;
}
