import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { smallConfig, syntheticHistory } from '../api/synthetic.js';
import { shiftcast } from '../support/cli.js';
import { noPostgres, testDatabase } from '../support/postgres.js';

const dir = mkdtempSync(join(tmpdir(), 'shiftcast-cli-db-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

const opened: Store[] = [];
afterAll(() => Promise.all(opened.map((s) => s.close())));
const store = (url: string) => {
  const s = openStore(url);
  opened.push(s);
  return s;
};

/** A database URL with a password in it (the test server trusts any), which no output may show. */
const withPassword = (url: string) => {
  const u = new URL(url);
  u.password = 'hunter2-secret';
  return u.toString();
};

describe.skipIf(noPostgres)('the command line on a PostgreSQL store', () => {
  it('migrate applies the schema once, saying what it applied, never the password', async () => {
    const url = withPassword(await testDatabase({ migrated: false }));
    // A server or worker refuses a database that was never migrated, naming the fix.
    for (const args of [['serve', '--port', '0'], ['worker']]) {
      const refused = await shiftcast([...args, '--database', url]);
      expect(refused.code, args[0]).toBe(1);
      expect(refused.stderr).toMatch(/run `shiftcast migrate`/);
    }
    const first = await shiftcast(['migrate', '--database', url]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^applied \d+_store\napplied \d+_workers\n.*: schema up to date \(2 applied\)\n$/);
    const again = await shiftcast(['migrate', '--database', url]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/schema already up to date/);
    expect(first.stdout + again.stdout + first.stderr).not.toContain('hunter2');
  });

  it('keys add, list and revoke with --database', async () => {
    const url = withPassword(await testDatabase());
    const added = await shiftcast(['keys', 'add', '--role', 'planner', '--name', 'cron', '--database', url]);
    expect(added.code, added.stderr).toBe(0);
    const key = added.stdout.trim().split('\n').at(-1)!;
    const [info] = await store(url).keys.list();
    expect(await store(url).keys.verify(key)).toEqual(info);
    const listed = await shiftcast(['keys', 'list', '--database', url]);
    expect(listed.stdout).toContain(`${info.id}  planner`);
    expect((await shiftcast(['keys', 'revoke', info.id, '--database', url])).code).toBe(0);
    expect(await store(url).keys.verify(key)).toBeNull();
  });

  it('plans into the database: the plan stored whole, named by the database without its password', async () => {
    const url = withPassword(await testDatabase());
    const { week_start: _week, ...config } = smallConfig();
    const r = await shiftcast([
      'plan',
      '--history',
      file('history.csv', syntheticHistory(2)),
      '--config',
      file('config.json', JSON.stringify(config)),
      '--database',
      url,
    ]);
    expect([0, 3], r.stderr).toContain(r.code);
    expect(r.stdout + r.stderr).not.toContain('hunter2');
    const { plans } = await store(url).plans.scan();
    expect(plans).toHaveLength(1);
    expect(r.stdout).toContain(`${store(url).location} plan ${plans[0]}`);
    for (const f of ['summary.json', 'roster.json', 'report.html']) expect(await store(url).plans.has(plans[0], f)).toBe(true);
  }, 300_000);
});

describe('the command line choosing a store', () => {
  it('refuses --store with --database, and migrate without a database', async () => {
    const both = await shiftcast(['keys', 'list', '--store', dir, '--database', 'postgres://localhost/x']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^shiftcast: command line, field --database: --database and --store each name a store/);
    const none = await shiftcast(['migrate']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^shiftcast: command line, field --database: no database to migrate/);
    const worker = await shiftcast(['worker']);
    expect(worker.code).toBe(2);
    expect(worker.stderr).toMatch(/^shiftcast: command line, field --database: a worker runs the jobs of a database store/);
  });

  it('says in one line, without the password, that a database cannot be reached', async () => {
    for (const args of [['keys', 'list'], ['migrate'], ['serve', '--port', '0'], ['worker']]) {
      const r = await shiftcast([...args, '--database', 'postgres://shiftcast:hunter2-secret@127.0.0.1:1/nowhere']);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr).toMatch(/^shiftcast: cannot use the database postgres:\/\/shiftcast@127\.0\.0\.1:1\/nowhere: .*\n$/);
      expect(r.stderr).not.toContain('hunter2');
    }
  });
});
