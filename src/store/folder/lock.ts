import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { type LockHolder, type LockKind, LockBusyError } from '../lockBusy.js';

/** The lock files of a folder store by kind: each created exclusively, naming its holder. */
export const LOCK_FILES: Record<LockKind, string> = { plan: '.lock', serve: '.serve.lock', keys: '.keys.lock', write: '.write.lock' };

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
 * Takes an exclusive lock of the store (`<store>/.lock` for planning, see LOCK_FILES), created with
 * O_EXCL. A lock left by a dead process on this host is stale and taken over. Returns the
 * release function; throws LockBusyError when held. The store folder is created if needed and
 * removed again on release if it is still empty.
 */
export function acquireLock(store: string, kind: LockKind = 'plan'): () => void {
  const createdStore = !existsSync(store);
  mkdirSync(store, { recursive: true });
  const path = join(store, LOCK_FILES[kind]);
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
 * Runs `change` holding a store lock, waiting up to `waitMs` for it when another holder has
 * it: for short read-modify-write changes (keys, plan writes, prunes) that must neither fail nor
 * lose a write when several run at once. Waits without blocking the event loop, so a holder in
 * this same process can release.
 */
export async function withLock<T>(store: string, kind: LockKind, change: () => T | Promise<T>, waitMs = 10_000): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let pause = 5; ; pause = Math.min(100, pause * 2)) {
    let releaseLock: () => void;
    try {
      releaseLock = acquireLock(store, kind);
    } catch (e) {
      if (!(e instanceof LockBusyError) || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, pause));
      continue;
    }
    try {
      return await change();
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
