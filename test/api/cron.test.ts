import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shiftcast } from '../support/cli.js';
import { smallConfig, syntheticHistory, tempStore } from './support.js';

describe('shiftcast keys', () => {
  it('adds a key printed alone on the last line, lists it without the key, and revokes it', async () => {
    const store = tempStore();
    const added = await shiftcast(['keys', 'add', '--role', 'planner', '--name', 'cron box', '--store', store]);
    expect(added.code).toBe(0);
    const key = added.stdout.trim().split('\n').at(-1)!;
    expect(key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(join(store, '.keys.json'), 'utf8')).not.toContain(key);
    const listed = await shiftcast(['keys', 'list', '--store', store, '--json']);
    const [info] = JSON.parse(listed.stdout);
    expect(info).toMatchObject({ role: 'planner', name: 'cron box', revoked: null });
    expect(listed.stdout).not.toContain(key);
    expect((await shiftcast(['keys', 'revoke', info.id, '--store', store])).code).toBe(0);
    expect(JSON.parse((await shiftcast(['keys', 'list', '--store', store, '--json'])).stdout)[0].revoked).not.toBeNull();
    const again = await shiftcast(['keys', 'revoke', info.id, '--store', store]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/no active key/);
  });

  it('refuses an unknown role with exit 2', async () => {
    const r = await shiftcast(['keys', 'add', '--role', 'owner', '--store', tempStore()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--role/);
  });
});

describe('shiftcast plan on the cron path', () => {
  const files = () => {
    const dir = tempStore();
    writeFileSync(join(dir, 'history.csv'), syntheticHistory(4));
    const { week_start: _week, ...config } = smallConfig();
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    return { history: join(dir, 'history.csv'), config: join(dir, 'config.json'), store: join(dir, 'store') };
  };

  it('does not plan while another run holds the store lock, and says so in one line', async () => {
    const f = files();
    mkdirSync(f.store);
    writeFileSync(join(f.store, '.lock'), JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-11-24T00:00:00Z' }));
    const r = await shiftcast(['plan', '--history', f.history, '--config', f.config, '--store', f.store]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toMatch(/^shiftcast: not planning: another shiftcast run \(pid \d+/);
    expect(readdirSync(f.store)).toEqual(['.lock']);
  });

  it('keeps only the newest N plans with --keep and releases the lock', async () => {
    const f = files();
    for (const week of ['2026-11-30', '2026-12-07', '2026-12-14']) {
      const r = await shiftcast(['plan', '--history', f.history, '--config', f.config, '--week', week, '--store', f.store, '--keep', '2']);
      expect([0, 3]).toContain(r.code);
    }
    expect(
      readdirSync(f.store)
        .filter((n) => !n.startsWith('.'))
        .map((n) => n.slice(0, 10))
        .sort(),
    ).toEqual(['2026-12-07', '2026-12-14']);
    expect(existsSync(join(f.store, '.lock'))).toBe(false);
  }, 300_000);
});
