import { closeSync, mkdirSync, openSync, readFileSync, rmdirSync, rmSync, writeSync, existsSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ShiftcastError } from '../domain/errors.js';

/** The locks of a folder store: each a file created exclusively, naming its holder. */
export const LOCKS = {
  /** Planning and pruning (`shiftcast plan`): one run per store at a time. */
  plan: { file: '.lock', holder: 'shiftcast run', action: 'planning' },
  /** The one `shiftcast serve` a folder store may have (its job queue lives in the store). */
  serve: { file: '.serve.lock', holder: 'shiftcast serve', action: 'serving' },
  /** Changes to the API keys: held for milliseconds, so takers wait rather than fail. */
  keys: { file: '.keys.lock', holder: 'shiftcast process changing keys', action: 'changing keys' },
  /**
   * Writing a plan folder and pruning old ones, by any process (a cron run, an API job, the
   * sample): held for milliseconds, so a prune never races a write. Takers wait.
   */
  write: { file: '.write.lock', holder: 'shiftcast process writing plans', action: 'writing plans' },
} as const;

export type LockKind = keyof typeof LOCKS;

/** Thrown when another live process holds a lock of the store. */
export class LockBusyError extends ShiftcastError {
  readonly code = 'busy';
  constructor(
    readonly holder: LockHolder,
    readonly kind: LockKind = 'plan',
    store = '',
  ) {
    const { holder: who, action } = LOCKS[kind];
    const where = store ? ` of ${store}` : '';
    super(`not ${action}: another ${who} (pid ${holder.pid} on ${holder.host}, since ${holder.since}) holds the store lock${where}`);
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

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes an exclusive lock of the store (`<store>/.lock` for planning, see LOCKS), created with
 * O_EXCL. A lock left by a dead process on this host is stale and taken over. Returns the
 * release function; throws LockBusyError when held. The store folder is created if needed and
 * removed again on release if it is still empty.
 */
export function acquireLock(store: string, kind: LockKind = 'plan'): () => void {
  const createdStore = !existsSync(store);
  mkdirSync(store, { recursive: true });
  const path = join(store, LOCKS[kind].file);
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
      if (holder && (holder.host !== me.host || isProcessAlive(holder.pid))) throw new LockBusyError(holder, kind, store);
      // An unreadable file may be one being written right now: look again before calling it stale.
      if (!holder && attempt < 2) {
        sleep(50);
        continue;
      }
      rmSync(path, { force: true });
    }
  }
  throw new LockBusyError(readHolder(path) ?? { pid: 0, host: 'unknown', since: 'unknown' }, kind, store);
}

/**
 * Runs `change` holding a store lock, waiting up to `waitMs` for it when another process holds
 * it: for short read-modify-write changes (keys) that must neither fail nor lose a write when
 * several run at once.
 */
export function withLock<T>(store: string, kind: LockKind, change: () => T, waitMs = 10_000): T {
  const deadline = Date.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(100, pause * 2)) {
    let releaseLock: () => void;
    try {
      releaseLock = acquireLock(store, kind);
    } catch (e) {
      if (!(e instanceof LockBusyError) || Date.now() > deadline) throw e;
      sleep(pause);
      continue;
    }
    try {
      return change();
    } finally {
      releaseLock();
    }
  }
}

function release(path: string, store: string, createdStore: boolean): void {
  try {
    rmSync(path, { force: true });
  } catch {
    return; // the store turned unwritable: the lock names a process that is ending, so it goes stale
  }
  if (createdStore) {
    try {
      rmdirSync(store); // only succeeds when the run wrote nothing
    } catch {
      /* the store holds plans: keep it */
    }
  }
}
