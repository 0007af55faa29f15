import { closeSync, mkdirSync, openSync, readFileSync, rmdirSync, rmSync, writeSync, existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Thrown when another live process holds the store's lock. */
export class LockBusyError extends Error {
  readonly code = 'busy';
  constructor(readonly holder: LockHolder) {
    super(`another shiftcast run (pid ${holder.pid} on ${holder.host}, since ${holder.since}) holds the store lock`);
    this.name = 'LockBusyError';
  }
}

/** What the lock file says about its holder. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** Whether a process with this pid is alive on this host. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return null; // vanished, or half-written by a holder that just created it
  }
}

/**
 * Takes the exclusive lock `<store>/.lock` (created with O_EXCL) so that overlapping cron runs
 * do not plan and prune the same store at once. A lock left by a dead process on this host is
 * stale and taken over. Returns the release function; throws LockBusyError when held.
 * The store folder is created if needed and removed again on release if it is still empty.
 */
export function acquireLock(store: string): () => void {
  const createdStore = !existsSync(store);
  mkdirSync(store, { recursive: true });
  const path = join(store, '.lock');
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      return () => release(path, store, createdStore);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readHolder(path);
      // A holder on another host cannot be checked: treat it as live.
      if (holder && (holder.host !== me.host || isProcessAlive(holder.pid))) throw new LockBusyError(holder);
      // An unreadable file may be one being written right now: look again before calling it stale.
      if (!holder && attempt < 2) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
      rmSync(path, { force: true });
    }
  }
  throw new LockBusyError(readHolder(path) ?? { pid: 0, host: 'unknown', since: 'unknown' });
}

function release(path: string, store: string, createdStore: boolean): void {
  rmSync(path, { force: true });
  if (createdStore) {
    try {
      rmdirSync(store); // only succeeds when the run wrote nothing
    } catch {
      /* the store holds plans: keep it */
    }
  }
}
