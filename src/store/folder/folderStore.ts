import { accessSync, constants, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LockKind } from '../lockBusy.js';
import type { DatedPlan } from '../retention.js';
import type { LockStore, PlanFiles, PlanStore, ReleaseLock, Store } from '../store.js';
import { appendDayLog } from './dayLog.js';
import { FolderJobs } from './jobs.js';
import { FolderKeys } from './keys.js';
import { acquireLock, withLock } from './lock.js';
import { readPlanFile, readPlanSummary, scanStore, writePlanFolder } from './planFolders.js';
import { plansNewestFirst, prunePlans, removeAbandonedTemp } from './retention.js';

/** The plans of a folder store: one folder each, written aside and renamed into place. */
class FolderPlans implements PlanStore {
  constructor(private readonly dir: string) {}

  async write(name: string, files: PlanFiles): Promise<{ created: boolean }> {
    return { created: (await writePlanFolder(this.dir, name, files)).created };
  }

  async has(name: string, file: string): Promise<boolean> {
    return existsSync(join(this.dir, name, file));
  }

  async read(name: string, file: string): Promise<string> {
    return readPlanFile(this.dir, name, file);
  }

  async summary(name: string): Promise<Record<string, unknown> | null> {
    return readPlanSummary(this.dir, name);
  }

  async list(names?: readonly string[]): Promise<DatedPlan[]> {
    return plansNewestFirst(this.dir, names);
  }

  async scan(): Promise<{ plans: string[]; foreign: string[] }> {
    return scanStore(this.dir);
  }

  async prune(keep: number, protect: readonly string[] = []): Promise<string[]> {
    return prunePlans(this.dir, keep, protect);
  }

  async removeAbandoned(): Promise<string[]> {
    return removeAbandonedTemp(this.dir);
  }

  where(name: string): string {
    return join(this.dir, name);
  }

  appendDayLog(name: string, entry: object): Promise<void> {
    return appendDayLog(join(this.dir, name), entry);
  }
}

/** Lock files in the store folder (see lock.ts). */
class FolderLocks implements LockStore {
  constructor(private readonly dir: string) {}

  async acquire(kind: LockKind): Promise<ReleaseLock> {
    const release = acquireLock(this.dir, kind);
    return async () => release();
  }

  withLock<T>(kind: LockKind, fn: () => T | Promise<T>, waitMs?: number): Promise<T> {
    return withLock(this.dir, kind, fn, waitMs);
  }
}

/**
 * The embedded store (SPEC section 5): a folder of plan folders, with keys, jobs and locks in
 * hidden entries. Nothing is created until something is written.
 */
export class FolderStore implements Store {
  readonly plans: FolderPlans;
  readonly jobs: FolderJobs;
  readonly keys: FolderKeys;
  readonly locks: FolderLocks;

  constructor(readonly location: string) {
    this.plans = new FolderPlans(location);
    this.jobs = new FolderJobs(location);
    this.keys = new FolderKeys(location);
    this.locks = new FolderLocks(location);
  }

  /** The folder path: a folder store is opened again by its path. */
  get address(): string {
    return this.location;
  }

  async close(): Promise<void> {} // holds nothing open between calls

  async writable(): Promise<boolean> {
    try {
      accessSync(this.location, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }
}
