import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_MARKER } from '../../src/store/folder/planFolders.js';
import { openStore } from '../../src/store/open.js';
import { smallConfig, syntheticHistory, tempStore } from '../api/synthetic.js';
import { shiftcast } from '../support/cli.js';
import { deadPid } from '../support/process.js';

const plan = (store: string, name: string, created: string) =>
  openStore(store).plans.write(name, { 'summary.json': JSON.stringify({ created }) });
const prunePlans = (store: string, keep: number, protect?: string[]) => openStore(store).plans.prune(keep, protect);

describe('plan retention (--keep)', () => {
  it('keeps the newest N plan folders, the protected one, and every hidden entry', async () => {
    const store = tempStore();
    await plan(store, '2026-11-16_aaaaaaaaaa', '2026-11-13T00:00:00Z');
    await plan(store, '2026-11-23_bbbbbbbbbb', '2026-11-20T00:00:00Z');
    await plan(store, '2026-11-30_cccccccccc', '2026-11-27T00:00:00Z');
    await plan(store, '2026-11-09_dddddddddd', '2026-11-06T00:00:00Z');
    mkdirSync(join(store, '.jobs'));
    const removed = await prunePlans(store, 2, ['2026-11-09_dddddddddd']);
    expect(removed.sort()).toEqual(['2026-11-16_aaaaaaaaaa']);
    expect(readdirSync(store).sort()).toEqual(['.jobs', '2026-11-09_dddddddddd', '2026-11-23_bbbbbbbbbb', '2026-11-30_cccccccccc']);
  });
});

describe('retention deletes only what Shiftcast wrote', () => {
  it("refuses a store holding a user's folders and files, naming them, and deletes nothing", async () => {
    const store = tempStore();
    await plan(store, '2026-11-16_aaaaaaaaaa', '2026-11-13T00:00:00Z');
    await plan(store, '2026-11-23_bbbbbbbbbb', '2026-11-20T00:00:00Z');
    mkdirSync(join(store, 'my-notes'));
    writeFileSync(join(store, 'my-notes', 'todo.txt'), 'keep me');
    writeFileSync(join(store, 'README.md'), 'notes');
    await expect(prunePlans(store, 1)).rejects.toThrow(/not Shiftcast plans \(README\.md, my-notes\)/);
    expect(readdirSync(store).sort()).toEqual(['2026-11-16_aaaaaaaaaa', '2026-11-23_bbbbbbbbbb', 'README.md', 'my-notes']);
  });

  it('treats a folder named like a plan without its marker as foreign, never as a plan to delete', async () => {
    const store = tempStore();
    await plan(store, '2026-11-23_bbbbbbbbbb', '2026-11-20T00:00:00Z');
    mkdirSync(join(store, '2026-11-16_aaaaaaaaaa'));
    writeFileSync(join(store, '2026-11-16_aaaaaaaaaa', 'summary.json'), JSON.stringify({ created: '2026-11-13T00:00:00Z' }));
    await expect(prunePlans(store, 1)).rejects.toThrow(/2026-11-16_aaaaaaaaaa/);
    expect(existsSync(join(store, '2026-11-16_aaaaaaaaaa', 'summary.json'))).toBe(true);
  });

  it('never follows a link named like a plan', async () => {
    const store = tempStore();
    const outside = tempStore();
    await plan(outside, '2026-11-16_aaaaaaaaaa', '2026-11-13T00:00:00Z');
    await plan(store, '2026-11-23_bbbbbbbbbb', '2026-11-20T00:00:00Z');
    // A link to a real plan elsewhere: deleting it would be deleting what this store did not write.
    symlinkSync(join(outside, '2026-11-16_aaaaaaaaaa'), join(store, '2026-11-16_aaaaaaaaaa'));
    await expect(prunePlans(store, 1)).rejects.toThrow(/2026-11-16_aaaaaaaaaa/);
    expect(existsSync(join(outside, '2026-11-16_aaaaaaaaaa', PLAN_MARKER))).toBe(true);
  });

  it('removes only half-written plan folders of dead processes', async () => {
    const store = tempStore();
    const dead = await deadPid();
    for (const name of [
      `.tmp-2026-11-30_0123456789-${dead}-0a1b2c3d`,
      `.tmp-2026-11-30_0123456789-${process.pid}-0a1b2c3d`,
      `.tmp-notes-${dead}-0a1b2c3d`,
      '.tmp-mine',
    ])
      mkdirSync(join(store, name));
    expect(await openStore(store).plans.removeAbandoned()).toEqual([`.tmp-2026-11-30_0123456789-${dead}-0a1b2c3d`]);
    expect(readdirSync(store).sort()).toEqual(
      [`.tmp-2026-11-30_0123456789-${process.pid}-0a1b2c3d`, '.tmp-mine', `.tmp-notes-${dead}-0a1b2c3d`].sort(),
    );
  });
});

describe('shiftcast plan --keep', () => {
  /** A project folder as a user keeps it: inputs in data/, scripts beside them. */
  function project(): { dir: string; history: string; config: string } {
    const dir = tempStore();
    mkdirSync(join(dir, 'data'));
    mkdirSync(join(dir, 'scripts'));
    writeFileSync(join(dir, 'scripts', 'export.sh'), 'echo export\n');
    writeFileSync(join(dir, 'data', 'history.csv'), syntheticHistory(4));
    const { week_start: _week, ...config } = smallConfig();
    writeFileSync(join(dir, 'data', 'config.json'), JSON.stringify(config));
    return { dir, history: join(dir, 'data', 'history.csv'), config: join(dir, 'data', 'config.json') };
  }

  it("run with --store . in a project folder refuses, names the user's folders, and deletes and writes nothing", async () => {
    const p = project();
    const before = readdirSync(p.dir).sort();
    const r = await shiftcast(
      ['plan', '--history', 'data/history.csv', '--config', 'data/config.json', '--store', '.', '--keep', '1'],
      p.dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(/--keep.*not Shiftcast plans \(data, scripts\)/);
    expect(readdirSync(p.dir).sort()).toEqual(before);
    expect(existsSync(join(p.dir, 'data', 'history.csv'))).toBe(true);
    expect(existsSync(join(p.dir, 'scripts', 'export.sh'))).toBe(true);
  });

  it('cleans a half-written plan folder a killed run left behind', async () => {
    const p = project();
    const store = join(p.dir, 'store');
    const left = `.tmp-2026-11-30_0123456789-${await deadPid()}-0a1b2c3d`;
    mkdirSync(join(store, left), { recursive: true });
    writeFileSync(join(store, left, 'forecast.csv'), 'half');
    const r = await shiftcast(['plan', '--history', p.history, '--config', p.config, '--week', '2026-11-30', '--store', store]);
    expect([0, 3]).toContain(r.code);
    expect(r.stderr).toContain(`removed ${left}`);
    expect(readdirSync(store).filter((n) => n.startsWith('.tmp'))).toEqual([]);
  }, 300_000);
});
