import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, LockBusyError, withLock } from '../../src/plan/lock.js';
import { tempStore } from '../api/synthetic.js';
import { deadPid } from '../support/process.js';

describe('the store lock', () => {
  it('is exclusive while held and free again once released', () => {
    const store = tempStore();
    const release = acquireLock(store);
    expect(JSON.parse(readFileSync(join(store, '.lock'), 'utf8')).pid).toBe(process.pid);
    expect(() => acquireLock(store)).toThrow(LockBusyError);
    release();
    expect(existsSync(join(store, '.lock'))).toBe(false);
    acquireLock(store)();
  });

  it('takes over a stale lock whose process has died', async () => {
    const store = tempStore();
    writeFileSync(join(store, '.lock'), JSON.stringify({ pid: await deadPid(), host: hostname(), since: '2026-01-01T00:00:00Z' }));
    const release = acquireLock(store);
    expect(JSON.parse(readFileSync(join(store, '.lock'), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('leaves no store behind when it created the folder and nothing was written', () => {
    const store = join(tempStore(), 'new-store');
    acquireLock(store)();
    expect(existsSync(store)).toBe(false);
  });

  it("keeps the kinds apart: a server's lock does not stop a plan run, and names who holds it", () => {
    const store = tempStore();
    const server = acquireLock(store, 'serve');
    acquireLock(store, 'plan')();
    expect(() => acquireLock(store, 'serve')).toThrow(/^not serving: another shiftcast serve \(pid \d+ on .*\) holds the store lock of /);
    server();
  });

  it('withLock gives up with the busy error once its wait is over', () => {
    const store = tempStore();
    const held = acquireLock(store, 'keys');
    expect(() => withLock(store, 'keys', () => 'changed', 50)).toThrow(LockBusyError);
    held();
    expect(withLock(store, 'keys', () => 'changed', 50)).toBe('changed');
  });
});
