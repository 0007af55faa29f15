import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlanFolder, PLAN_MARKER } from '../../src/store/folder/planFolders.js';
import { openStore } from '../../src/store/open.js';
import { planFolderName, planId } from '../../src/store/planNames.js';
import { REPO } from '../support/cli.js';

const store = () => mkdtempSync(join(tmpdir(), 'shiftcast-store-'));
const write = (dir: string, name: string, files: Record<string, string>) => openStore(dir).plans.write(name, files);
const listPlanFolders = async (dir: string) => (await openStore(dir).plans.scan()).plans;

describe('plan store', () => {
  it('names a plan by its week and a hash of its inputs', () => {
    expect(planId(['a', 'b'])).toBe(planId(['a', 'b']));
    expect(planId(['a', 'b'])).not.toBe(planId(['ab', '']));
    expect(planFolderName('2026-11-30', 'abc')).toBe('2026-11-30_abc');
  });

  it('writes every file of a plan folder and leaves no temporary entry', async () => {
    const dir = store();
    const { created } = await write(dir, '2026-11-30_0123456789', { 'a.txt': 'A', 'b.txt': 'B' });
    const path = openStore(dir).plans.where('2026-11-30_0123456789');
    expect(path).toBe(join(dir, '2026-11-30_0123456789'));
    expect(created).toBe(true);
    expect(readdirSync(path).sort()).toEqual([PLAN_MARKER, 'a.txt', 'b.txt']);
    expect(readFileSync(join(path, 'b.txt'), 'utf8')).toBe('B');
    expect(readdirSync(dir)).toEqual(['2026-11-30_0123456789']);
  });

  it('keeps an existing plan folder untouched when the same plan is written again', async () => {
    const dir = store();
    await write(dir, '2026-11-30_0123456789', { 'a.txt': 'first' });
    const again = await write(dir, '2026-11-30_0123456789', { 'a.txt': 'second' });
    expect(again.created).toBe(false);
    expect(readFileSync(join(dir, '2026-11-30_0123456789', 'a.txt'), 'utf8')).toBe('first');
  });

  it('leaves nothing behind when a write fails half-way', async () => {
    const dir = store();
    // A file name with a slash cannot be written inside the folder: the write fails after the first file.
    await expect(write(dir, '2026-11-30_0123456789', { 'a.txt': 'A', 'no/such/dir.txt': 'B' })).rejects.toThrow();
    expect(existsSync(join(dir, '2026-11-30_0123456789'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("lists plan folders newest week first and hides the store's own entries", async () => {
    const dir = store();
    await write(dir, '2026-11-23_aaaaaaaaaa', { f: '' });
    await write(dir, '2026-11-30_bbbbbbbbbb', { f: '' });
    mkdirSync(join(dir, '.sample-center'));
    expect(await listPlanFolders(dir)).toEqual(['2026-11-30_bbbbbbbbbb', '2026-11-23_aaaaaaaaaa']);
  });

  it('writes only folders named as plans', async () => {
    for (const name of ['p', '.sample-center', '../2026-11-30_0123456789', '2026-11-30_01234567']) {
      await expect(write(store(), name, { f: '' })).rejects.toThrow(/not a plan folder name/);
    }
  });

  it('counts as a plan only a folder with a plan name and the marker naming that plan', async () => {
    const dir = store();
    await write(dir, '2026-11-30_0123456789', { f: '' });
    // Named like a plan, but not written by Shiftcast: a user's copy, a marker of another plan, a file.
    mkdirSync(join(dir, '2026-11-23_aaaaaaaaaa'));
    mkdirSync(join(dir, '2026-11-16_bbbbbbbbbb'));
    writeFileSync(join(dir, '2026-11-16_bbbbbbbbbb', PLAN_MARKER), JSON.stringify({ plan_id: 'cccccccccc' }));
    writeFileSync(join(dir, '2026-11-09_dddddddddd'), 'a file');
    mkdirSync(join(dir, 'data'));
    mkdirSync(join(dir, '.jobs'));
    expect(isPlanFolder(dir, '2026-11-30_0123456789')).toBe(true);
    expect(await listPlanFolders(dir)).toEqual(['2026-11-30_0123456789']);
    expect((await openStore(dir).plans.scan()).foreign).toEqual([
      '2026-11-09_dddddddddd',
      '2026-11-16_bbbbbbbbbb',
      '2026-11-23_aaaaaaaaaa',
      'data',
    ]);
  });
});

describe('writes and prunes of several processes', () => {
  it("a write waits while another process holds the store's write lock (a prune or a write), then lands", async () => {
    const dir = store();
    // Another process takes the write lock, says so, and holds it for a second.
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { acquireLock } = await import(${JSON.stringify(join(REPO, 'src/store/folder/lock.ts'))});
         const release = acquireLock(${JSON.stringify(dir)}, 'write');
         console.log('held');
         setTimeout(() => { release(); }, 1000);`,
      ],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    // Listened for at once: the write now waits without blocking, so the holder may exit before it lands.
    const exited = new Promise((done) => holder.on('exit', done));
    await new Promise<void>((held) => holder.stdout.once('data', () => held()));
    expect(existsSync(join(dir, '.write.lock'))).toBe(true);
    const started = Date.now();
    const { created } = await write(dir, '2026-11-30_0123456789', { f: '' });
    expect(created).toBe(true);
    expect(Date.now() - started).toBeGreaterThan(200);
    expect(readdirSync(dir)).toEqual(['2026-11-30_0123456789']);
    await exited;
  });
});
