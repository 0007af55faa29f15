import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { LockBusyError } from '../../src/store/lockBusy.js';
import { shiftcast } from '../support/cli.js';
import { bearer, makeKeys, serve, tempStore, waitForJob, waitReady, withServer } from './support.js';

describe('one server per folder store', () => {
  it("refuses a second server on the same store, leaving the first one's jobs alone", async () => {
    const store = tempStore();
    const first = await serve(store);
    try {
      // A job of the first server, as it stands while that server runs it.
      const job = await openStore(store).jobs.create('plan', { kind: 'plan', inputs: {} });
      await openStore(store).jobs.update(job.id, { status: 'running', stage: 'planning', attempts: 1 });
      await expect(serve(store)).rejects.toThrow(LockBusyError);
      await expect(serve(store)).rejects.toThrow(/not serving: another shiftcast serve \(pid \d+/);
      expect(await openStore(store).jobs.get(job.id)).toMatchObject({ status: 'running', attempts: 1 });
    } finally {
      await first.close();
    }
    // Once the first has stopped, the store is free again.
    await (await serve(store)).close();
  });

  it('`shiftcast serve` on a held store exits 1 with one line saying who holds it', async () => {
    const store = tempStore();
    const first = await serve(store);
    try {
      const r = await shiftcast(['serve', '--port', '0', '--store', store]);
      expect(r.code).toBe(1);
      expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^shiftcast: not serving: another shiftcast serve \\(pid ${process.pid} `));
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await first.close();
    }
  });
});

describe('cancellation says only what happened', () => {
  it('does not call a job cancelled that this server is not running', async () => {
    await withServer({}, async ({ server, keys, store }) => {
      // Running in another process: this server neither queued nor started it.
      const jobs = openStore(store).jobs;
      const job = await jobs.create('plan', { kind: 'plan', inputs: {} });
      await jobs.update(job.id, { status: 'running', stage: 'planning', attempts: 1 });
      const r = await fetch(`${server.url}/v1/jobs/${job.id}`, { method: 'DELETE', headers: bearer(keys.planner) });
      expect(r.status).toBe(409);
      expect(((await r.json()) as { message: string }).message).toMatch(/not cancelled/);
      expect(await jobs.get(job.id)).toMatchObject({ status: 'running', stage: 'planning' });
    });
  });
});

describe('a job the store lost the inputs of', () => {
  it('fails with the reason instead of staying queued or running forever', async () => {
    const store = tempStore();
    const keys = await makeKeys(store);
    const jobs = openStore(store).jobs;
    const job = await jobs.create('plan', { kind: 'plan', inputs: {} });
    rmSync(join(store, '.jobs', `${job.id}.inputs.json`));
    const server = await serve(store);
    try {
      await waitReady(server.url);
      const ended = await waitForJob(server.url, keys.planner, job.id, 30_000);
      expect(ended).toMatchObject({ status: 'failed', error: { message: expect.stringMatching(/inputs of this job are missing/) } });
    } finally {
      await server.close();
    }
  });
});

describe('GET /v1/plans on a store with stray entries', () => {
  it('lists the plans, skipping a stray folder and a plan whose summary is corrupt; that plan alone answers an error', async () => {
    await withServer({}, async ({ server, keys, store }) => {
      const summary = (id: string) =>
        JSON.stringify({
          plan_id: id,
          week_start: '2026-11-30T00:00',
          created: '2026-11-27T10:00:00.000Z',
          status: 'optimal',
          cost: { total: 1 },
        });
      await openStore(store).plans.write('2026-11-30_aaaaaaaaaa', { 'summary.json': summary('aaaaaaaaaa') });
      await openStore(store).plans.write('2026-11-23_bbbbbbbbbb', { 'summary.json': '{"plan_id": "bbbbbbbbbb", trunc' });
      mkdirSync(join(store, 'backup-old'));
      writeFileSync(join(store, 'backup-old', 'summary.json'), 'not json');
      const list = await fetch(`${server.url}/v1/plans`, { headers: bearer(keys.finance) });
      expect(list.status).toBe(200);
      expect(((await list.json()) as { plans: { plan_id: string }[] }).plans.map((p) => p.plan_id)).toEqual(['aaaaaaaaaa']);
      const bad = await fetch(`${server.url}/v1/plans/bbbbbbbbbb`, { headers: bearer(keys.finance) });
      expect(bad.status).toBe(500);
      const body = (await bad.json()) as { error: string; message: string };
      expect(body.error).toBe('corrupt_plan');
      expect(body.message).toMatch(/2026-11-23_bbbbbbbbbb.*summary\.json cannot be read/);
      expect(body.message).not.toContain(store);
      expect((await fetch(`${server.url}/v1/plans/aaaaaaaaaa`, { headers: bearer(keys.finance) })).status).toBe(200);
    });
  });
});

describe('keys changed by several processes at once', () => {
  it('stores every key that ten concurrent `keys add` printed', async () => {
    const store = tempStore();
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, i) => shiftcast(['keys', 'add', '--role', 'planner', '--name', `box ${i}`, '--store', store])),
    );
    expect(runs.map((r) => r.code)).toEqual(new Array(10).fill(0));
    const stored = (JSON.parse(readFileSync(join(store, '.keys.json'), 'utf8')) as { keys: { name: string }[] }).keys
      .map((k) => k.name)
      .sort();
    expect(stored).toEqual(Array.from({ length: 10 }, (_, i) => `box ${i}`).sort());
  }, 180_000);
});

describe('an unwritable store on the command line', () => {
  it('ends with one line naming the path and exit 2, not a stack', async () => {
    const dir = tempStore();
    writeFileSync(join(dir, 'a-file'), '');
    // A store inside a regular file cannot be made, whoever runs the test (root ignores modes).
    const r = await shiftcast(['keys', 'add', '--role', 'planner', '--store', join(dir, 'a-file', 'store')]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^shiftcast: cannot mkdir .*a-file\/store: a part of the path is a file, not a folder \(ENOTDIR\)/);
  });
});
