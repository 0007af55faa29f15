import { describe, expect, it } from 'vitest';
import { hashKey } from '../../src/store/keyRecord.js';
import { LockBusyError } from '../../src/store/lockBusy.js';
import type { Store } from '../../src/store/store.js';

/** What a backend's contract run can do that the interface cannot (both optional: their tests are skipped without them). */
export interface ContractHooks {
  /** Puts an entry into the store that is not a plan (a user's folder in a folder store). */
  addForeign?: (store: Store, name: string) => Promise<void>;
  /** Everything the store keeps about its keys, as text (to prove the keys themselves are not in it). */
  rawKeys?: (store: Store) => Promise<string>;
}

const A = '2026-11-16_aaaaaaaaaa';
const B = '2026-11-23_bbbbbbbbbb';
const C = '2026-11-30_cccccccccc';
const D = '2026-11-09_dddddddddd';

const summaryOf = (created: string) => ({ 'summary.json': JSON.stringify({ created }) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The behaviour every Store backend owes its callers (makePlan, the CLI, the API): registers
 * the contract's tests for one backend. `makeStore` gives a fresh, empty store each call.
 */
export function storeContract(name: string, makeStore: () => Promise<Store>, hooks: ContractHooks = {}): void {
  describe(`the Store contract: ${name}`, () => {
    it('names where it is and can be written', async () => {
      const store = await makeStore();
      expect(store.location).toEqual(expect.any(String));
      expect(store.location.length).toBeGreaterThan(0);
      expect(store.address.length).toBeGreaterThan(0);
      await store.plans.write(A, { f: '' });
      expect(await store.writable()).toBe(true);
    });

    describe('plans', () => {
      it('writes a plan whole: every file readable, the plan listed', async () => {
        const store = await makeStore();
        expect(await store.plans.write(C, { 'a.txt': 'A', 'summary.json': '{"created":"2026-11-27T10:00:00Z"}' })).toEqual({
          created: true,
        });
        expect(await store.plans.has(C, 'a.txt')).toBe(true);
        expect(await store.plans.has(C, 'b.txt')).toBe(false);
        expect(await store.plans.has(B, 'a.txt')).toBe(false);
        expect(await store.plans.read(C, 'a.txt')).toBe('A');
        expect(await store.plans.summary(C)).toEqual({ created: '2026-11-27T10:00:00Z' });
        expect(await store.plans.scan()).toEqual({ plans: [C], foreign: [] });
        expect(store.plans.where(C)).toContain(C);
      });

      it('keeps the first plan when the same name is written again', async () => {
        const store = await makeStore();
        await store.plans.write(C, { 'a.txt': 'first' });
        expect(await store.plans.write(C, { 'a.txt': 'second' })).toEqual({ created: false });
        expect(await store.plans.read(C, 'a.txt')).toBe('first');
      });

      it('gives one plan when the same plan is written by several at once', async () => {
        const store = await makeStore();
        const texts = ['1', '2', '3', '4', '5'];
        const results = await Promise.all(texts.map((t) => store.plans.write(C, { 'a.txt': t })));
        const created = results.flatMap((r, i) => (r.created ? [texts[i]] : []));
        expect(created).toHaveLength(1);
        expect(await store.plans.read(C, 'a.txt')).toBe(created[0]);
        expect((await store.plans.scan()).plans).toEqual([C]);
      });

      it('refuses a name that is not a plan name, storing nothing', async () => {
        const store = await makeStore();
        for (const bad of ['p', '.sample-center', `../${C}`, '2026-11-30_01234567'])
          await expect(store.plans.write(bad, { f: '' })).rejects.toThrow(/not a plan folder name/);
        expect(await store.plans.scan()).toEqual({ plans: [], foreign: [] });
      });

      it('lists plans most recently created first, with their dates and summaries; scans by week', async () => {
        const store = await makeStore();
        await store.plans.write(A, summaryOf('2026-11-20T00:00:00Z'));
        await store.plans.write(B, summaryOf('2026-11-27T00:00:00Z'));
        await store.plans.write(C, summaryOf('2026-11-13T00:00:00Z'));
        const listed = await store.plans.list();
        expect(listed.map((p) => [p.name, p.created])).toEqual([
          [B, '2026-11-27T00:00:00Z'],
          [A, '2026-11-20T00:00:00Z'],
          [C, '2026-11-13T00:00:00Z'],
        ]);
        expect(listed[0].summary).toEqual({ created: '2026-11-27T00:00:00Z' });
        expect((await store.plans.list([A, C])).map((p) => p.name)).toEqual([A, C]);
        expect((await store.plans.scan()).plans).toEqual([C, B, A]);
      });

      it('reads a damaged summary as null, still listing the plan with a date', async () => {
        const store = await makeStore();
        await store.plans.write(C, { 'summary.json': '{"plan_id": "cccccccccc", trunc' });
        await store.plans.write(B, { 'summary.json': '[1, 2]' });
        await store.plans.write(A, { 'roster.csv': '' });
        for (const name of [A, B, C]) expect(await store.plans.summary(name)).toBeNull();
        const listed = await store.plans.list();
        expect(listed.map((p) => p.name).sort()).toEqual([A, B, C]);
        for (const p of listed) {
          expect(p.summary).toBeNull();
          expect(Number.isNaN(Date.parse(p.created))).toBe(false);
        }
      });

      it('prunes to the newest N, keeping the protected ones, and says what went', async () => {
        const store = await makeStore();
        await store.plans.write(A, summaryOf('2026-11-13T00:00:00Z'));
        await store.plans.write(B, summaryOf('2026-11-20T00:00:00Z'));
        await store.plans.write(C, summaryOf('2026-11-27T00:00:00Z'));
        await store.plans.write(D, summaryOf('2026-11-06T00:00:00Z'));
        expect(await store.plans.prune(2, [D])).toEqual([A]);
        expect((await store.plans.scan()).plans).toEqual([C, B, D]);
        expect(await store.plans.has(A, 'summary.json')).toBe(false);
        expect((await store.plans.prune(5)).sort()).toEqual([]);
        expect((await store.plans.prune(0)).sort()).toEqual([B, C, D].sort());
        expect(await store.plans.scan()).toEqual({ plans: [], foreign: [] });
      });

      it.skipIf(!hooks.addForeign)('refuses to prune a store holding foreign entries, naming them and deleting nothing', async () => {
        const store = await makeStore();
        await store.plans.write(A, summaryOf('2026-11-13T00:00:00Z'));
        await store.plans.write(B, summaryOf('2026-11-20T00:00:00Z'));
        await hooks.addForeign!(store, 'my-notes');
        expect(await store.plans.scan()).toEqual({ plans: [B, A], foreign: ['my-notes'] });
        await expect(store.plans.prune(1)).rejects.toThrow(/not Shiftcast plans \(my-notes\)/);
        expect((await store.plans.scan()).plans).toEqual([B, A]);
      });

      it("keeps a plan's intraday log beside it: the plan and the list unchanged", async () => {
        const store = await makeStore();
        await store.plans.write(A, { 'summary.json': '{}' });
        await Promise.all([store.plans.appendDayLog(A, { n: 1 }), store.plans.appendDayLog(A, { n: 2 })]);
        expect(await store.plans.scan()).toEqual({ plans: [A], foreign: [] });
        expect(await store.plans.has(A, 'summary.json')).toBe(true);
        expect(await store.plans.read(A, 'summary.json')).toBe('{}');
        expect(await store.plans.removeAbandoned()).toEqual([]);
        // Nor does it stop a prune, which refuses stores holding what is not theirs.
        await store.plans.write(B, summaryOf('2026-11-20T00:00:00Z'));
        expect(await store.plans.prune(0, [B])).toEqual([A]);
      });

      it('finds nothing abandoned in a store whose writes all finished', async () => {
        const store = await makeStore();
        await store.plans.write(A, { f: '' });
        expect(await store.plans.removeAbandoned()).toEqual([]);
        expect((await store.plans.scan()).plans).toEqual([A]);
      });
    });

    describe('jobs', () => {
      it('records a job from queued to its end, and drops its inputs when it ends', async () => {
        const store = await makeStore();
        const job = await store.jobs.create('plan', { kind: 'plan', inputs: { n: 1 } });
        expect(job).toEqual({
          id: expect.stringMatching(/^[0-9a-f]{16}$/),
          kind: 'plan',
          status: 'queued',
          stage: 'queued',
          progress: { incumbent: null, bound: null, gap: null },
          plan_id: null,
          result: null,
          error: null,
          created: expect.any(String),
          started: null,
          finished: null,
          attempts: 0,
        });
        expect(await store.jobs.get(job.id)).toEqual(job);
        expect(await store.jobs.inputs(job.id)).toEqual({ kind: 'plan', inputs: { n: 1 } });
        const started = new Date().toISOString();
        const running = await store.jobs.update(job.id, { status: 'running', stage: 'starting', started, attempts: 1 });
        expect(running).toEqual({ ...job, status: 'running', stage: 'starting', started, attempts: 1 });
        expect(await store.jobs.get(job.id)).toEqual(running);
        const progress = { incumbent: 10, bound: 9, gap: 0.1 };
        await store.jobs.update(job.id, { stage: 'roster', progress });
        expect(await store.jobs.inputs(job.id)).toEqual({ kind: 'plan', inputs: { n: 1 } });
        const done = await store.jobs.update(job.id, {
          status: 'succeeded',
          stage: 'done',
          plan_id: 'cccccccccc',
          result: { plan_id: 'cccccccccc' },
          finished: new Date().toISOString(),
        });
        expect(done).toMatchObject({
          status: 'succeeded',
          stage: 'done',
          progress,
          plan_id: 'cccccccccc',
          result: { plan_id: 'cccccccccc' },
        });
        expect(await store.jobs.get(job.id)).toEqual(done);
        await expect(store.jobs.inputs(job.id)).rejects.toThrow();
      });

      it('answers null for an unknown or malformed id', async () => {
        const store = await makeStore();
        expect(await store.jobs.get('0123456789abcdef')).toBeNull();
        expect(await store.jobs.get('../../etc/passwd')).toBeNull();
        expect(await store.jobs.all()).toEqual([]);
      });

      it('lists every job oldest first', async () => {
        const store = await makeStore();
        const ids: string[] = [];
        for (const kind of ['plan', 'scenarios', 'plan'] as const) {
          ids.push((await store.jobs.create(kind, {})).id);
          await sleep(5); // distinct creation times
        }
        expect((await store.jobs.all()).map((j) => j.id)).toEqual(ids);
        expect((await store.jobs.all()).map((j) => j.kind)).toEqual(['plan', 'scenarios', 'plan']);
      });

      it('removes only the jobs that ended before the cutoff', async () => {
        const store = await makeStore();
        const day = 86_400_000;
        const ago = (days: number) => new Date(Date.now() - days * day).toISOString();
        const old = await store.jobs.create('plan', {});
        await store.jobs.update(old.id, { status: 'succeeded', finished: ago(40) });
        const oldFailed = await store.jobs.create('plan', {});
        await store.jobs.update(oldFailed.id, { status: 'failed', finished: ago(31) });
        const recent = await store.jobs.create('plan', {});
        await store.jobs.update(recent.id, { status: 'cancelled', finished: ago(1) });
        const running = await store.jobs.create('plan', {});
        await store.jobs.update(running.id, { status: 'running', started: ago(40) });
        const queued = await store.jobs.create('plan', {});
        expect(await store.jobs.removeEndedBefore(ago(30))).toBe(2);
        expect(await store.jobs.get(old.id)).toBeNull();
        expect(await store.jobs.get(oldFailed.id)).toBeNull();
        expect((await store.jobs.all()).map((j) => j.id).sort()).toEqual([recent.id, running.id, queued.id].sort());
        expect(await store.jobs.inputs(queued.id)).toEqual({});
      });

      it('counts jobs by status, every status present', async () => {
        const store = await makeStore();
        expect(await store.jobs.counts()).toEqual({ queued: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0 });
        const [a, b] = [await store.jobs.create('plan', {}), await store.jobs.create('plan', {})];
        await store.jobs.create('scenarios', {});
        await store.jobs.update(a.id, { status: 'running' });
        await store.jobs.update(b.id, { status: 'failed', finished: new Date().toISOString() });
        expect(await store.jobs.counts()).toEqual({ queued: 1, running: 1, succeeded: 0, failed: 1, cancelled: 0 });
      });
    });

    describe('keys', () => {
      it('adds a key shown once, verifies it, and stops accepting it once revoked', async () => {
        const store = await makeStore();
        const { info, key } = await store.keys.add('planner', 'cron');
        expect(key).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
        expect(info).toEqual({ id: expect.any(String), name: 'cron', role: 'planner', created: expect.any(String), revoked: null });
        expect(await store.keys.list()).toEqual([info]);
        expect(await store.keys.verify(key)).toEqual(info);
        expect(await store.keys.verify(`${key}x`)).toBeNull();
        expect(await store.keys.verify('')).toBeNull();
        expect(await store.keys.revoke(info.id)).toBe(true);
        expect(await store.keys.verify(key)).toBeNull();
        expect(await store.keys.revoke(info.id)).toBe(false);
        expect(await store.keys.revoke('nosuchkey')).toBe(false);
        const [revoked] = await store.keys.list();
        expect(revoked).toMatchObject({ id: info.id, role: 'planner' });
        expect(revoked.revoked).toEqual(expect.any(String));
      });

      it('tells keys apart by role and gives the name a default', async () => {
        const store = await makeStore();
        const admin = await store.keys.add('admin', 'ops');
        const finance = await store.keys.add('finance');
        expect(finance.info.name).toBe('');
        expect((await store.keys.verify(admin.key))?.role).toBe('admin');
        expect((await store.keys.verify(finance.key))?.role).toBe('finance');
        expect((await store.keys.list()).map((k) => k.role)).toEqual(['admin', 'finance']);
      });

      it('keeps every key added at once', async () => {
        const store = await makeStore();
        const added = await Promise.all(Array.from({ length: 8 }, (_, i) => store.keys.add('planner', `box ${i}`)));
        expect((await store.keys.list()).map((k) => k.name).sort()).toEqual(added.map((a) => a.info.name).sort());
        for (const a of added) expect(await store.keys.verify(a.key)).toEqual(a.info);
      });

      it('never shows or keeps the key itself, only its hash', async () => {
        const store = await makeStore();
        const { key } = await store.keys.add('admin', 'root');
        expect(JSON.stringify(await store.keys.list())).not.toContain(key);
        expect(JSON.stringify(await store.keys.list())).not.toContain(hashKey(key));
        if (hooks.rawKeys) {
          const raw = await hooks.rawKeys(store);
          expect(raw).toContain(hashKey(key));
          expect(raw).not.toContain(key);
        }
      });
    });

    describe('locks', () => {
      it('is busy while held, keeps kinds apart, and is free again once released', async () => {
        const store = await makeStore();
        const release = await store.locks.acquire('plan');
        await expect(store.locks.acquire('plan')).rejects.toThrow(LockBusyError);
        await expect(store.locks.acquire('plan')).rejects.toThrow(/^not planning: another shiftcast run \(pid \d+ on /);
        const serve = await store.locks.acquire('serve');
        await release();
        await (await store.locks.acquire('plan'))();
        await serve();
      });

      it('withLock waits for a held lock, runs once it is released, and releases it after', async () => {
        const store = await makeStore();
        const held = await store.locks.acquire('keys');
        const order: string[] = [];
        const waiting = store.locks.withLock('keys', async () => {
          order.push('ran');
          return 'changed';
        });
        await sleep(200);
        order.push('released');
        await held();
        expect(await waiting).toBe('changed');
        expect(order).toEqual(['released', 'ran']);
        await (await store.locks.acquire('keys'))();
      });

      it('withLock releases the lock when the change fails', async () => {
        const store = await makeStore();
        await expect(
          store.locks.withLock('write', () => {
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        await (await store.locks.acquire('write'))();
      });

      it('withLock gives up with the busy error once its wait is over', async () => {
        const store = await makeStore();
        const held = await store.locks.acquire('keys');
        await expect(store.locks.withLock('keys', () => 'changed', 50)).rejects.toThrow(LockBusyError);
        await held();
        expect(await store.locks.withLock('keys', () => 'changed', 50)).toBe('changed');
      });

      it('a plan write waits for the write lock another holder has, then lands', async () => {
        const store = await makeStore();
        const held = await store.locks.acquire('write');
        const writing = store.plans.write(C, { f: 'x' });
        await sleep(100);
        await held();
        expect(await writing).toEqual({ created: true });
        expect(await store.plans.read(C, 'f')).toBe('x');
      });
    });
  });
}
