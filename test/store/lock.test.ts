import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockBusyError } from '../../src/store/lockBusy.js';
import { openStore } from '../../src/store/open.js';
import { tempStore } from '../api/synthetic.js';
import { deadPid } from '../support/process.js';

const locks = (store: string) => openStore(store).locks;

describe('the store lock', () => {
  it('is exclusive while held and free again once released', async () => {
    const store = tempStore();
    const release = await locks(store).acquire('plan');
    expect(JSON.parse(readFileSync(join(store, '.lock'), 'utf8')).pid).toBe(process.pid);
    await expect(locks(store).acquire('plan')).rejects.toThrow(LockBusyError);
    await release();
    expect(existsSync(join(store, '.lock'))).toBe(false);
    await (await locks(store).acquire('plan'))();
  });

  it('takes over a stale lock whose process has died', async () => {
    const store = tempStore();
    writeFileSync(join(store, '.lock'), JSON.stringify({ pid: await deadPid(), host: hostname(), since: '2026-01-01T00:00:00Z' }));
    const release = await locks(store).acquire('plan');
    expect(JSON.parse(readFileSync(join(store, '.lock'), 'utf8')).pid).toBe(process.pid);
    await release();
  });

  it('leaves no store behind when it created the folder and nothing was written', async () => {
    const store = join(tempStore(), 'new-store');
    await (await locks(store).acquire('plan'))();
    expect(existsSync(store)).toBe(false);
  });

  it("keeps the kinds apart: a server's lock does not stop a plan run, and names who holds it", async () => {
    const store = tempStore();
    const server = await locks(store).acquire('serve');
    await (await locks(store).acquire('plan'))();
    await expect(locks(store).acquire('serve')).rejects.toThrow(
      /^not serving: another shiftcast serve \(pid \d+ on .*\) holds the store lock of /,
    );
    await server();
  });

  it('withLock gives up with the busy error once its wait is over', async () => {
    const store = tempStore();
    const held = await locks(store).acquire('keys');
    await expect(locks(store).withLock('keys', () => 'changed', 50)).rejects.toThrow(LockBusyError);
    await held();
    expect(await locks(store).withLock('keys', () => 'changed', 50)).toBe('changed');
  });
});
