import { hostname } from 'node:os';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { LockBusyError } from '../../src/store/lockBusy.js';
import { openStore } from '../../src/store/open.js';
import { SchemaOutdatedError, StoreUnavailableError } from '../../src/store/postgres/errors.js';
import { isSharedStore, type PgStore } from '../../src/store/postgres/pgStore.js';
import { assertSchemaCurrent, migrate } from '../../src/store/postgres/schema.js';
import type { Store } from '../../src/store/store.js';
import { noPostgres, testDatabase } from '../support/postgres.js';
import { storeContract } from './contract.js';

/** Every store a test opens, closed after the file so no pool outlives it. */
const opened: Store[] = [];
afterAll(() => Promise.all(opened.map((s) => s.close())));

async function freshStore(url?: string): Promise<PgStore> {
  const store = openStore(url ?? (await testDatabase()));
  opened.push(store);
  if (!isSharedStore(store)) throw new Error('a postgres:// URL must open a PgStore');
  return store;
}

/** One statement on a store's database, outside the store (what the store cannot be asked). */
async function sql<R extends pg.QueryResultRow>(store: Store, text: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: store.address });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(noPostgres)('the PostgreSQL store', () => {
  storeContract('postgres store', () => freshStore(), {
    rawKeys: async (store) => JSON.stringify(await sql(store, 'SELECT * FROM shiftcast.keys')),
  });

  describe("the queue's operations on jobs", () => {
    it('lets exactly one of ten concurrent claims win, and none once the job runs', async () => {
      const { jobs } = await freshStore();
      const job = await jobs.create('plan', { n: 1 });
      const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => jobs.claim(job.id, `worker-${i}`)));
      const won = claims.filter((c) => c !== null);
      expect(won).toHaveLength(1);
      expect(won[0]).toMatchObject({ id: job.id, status: 'running', attempts: 1, started: expect.any(String) });
      expect(await jobs.claim(job.id, 'late')).toBeNull();
      expect(await jobs.claim('0123456789abcdef', 'w')).toBeNull();
    });

    it('heartbeats only the worker’s own running jobs and hands back their cancel requests', async () => {
      const { jobs } = await freshStore();
      const [a, b] = [await jobs.create('plan', {}), await jobs.create('plan', {})];
      await jobs.claim(a.id, 'w1');
      await jobs.claim(b.id, 'w1');
      expect(await jobs.heartbeat('w1', [a.id, b.id])).toEqual([]);
      expect(await jobs.requestCancel(b.id)).toBe('requested');
      expect(await jobs.get(b.id)).toMatchObject({ status: 'running' });
      expect(await jobs.heartbeat('w1', [a.id, b.id])).toEqual([b.id]);
      expect(await jobs.heartbeat('w2', [a.id, b.id])).toEqual([]);
    });

    it('changes a job only for the worker running it; its end drops the inputs and is final', async () => {
      const { jobs } = await freshStore();
      const job = await jobs.create('plan', { n: 1 });
      expect(await jobs.updateOwned(job.id, 'w1', { stage: 'planning' })).toBeNull(); // queued: nobody owns it
      await jobs.claim(job.id, 'w1');
      expect(await jobs.updateOwned(job.id, 'w2', { stage: 'planning' })).toBeNull();
      expect(await jobs.updateOwned(job.id, 'w1', { stage: 'planning', progress: { incumbent: 5, bound: 4, gap: 0.2 } })).toMatchObject({
        stage: 'planning',
        progress: { incumbent: 5, bound: 4, gap: 0.2 },
      });
      const finished = new Date().toISOString();
      const done = await jobs.updateOwned(job.id, 'w1', { status: 'succeeded', stage: 'done', finished, result: [1, 'two'] });
      expect(done).toMatchObject({ status: 'succeeded', finished, result: [1, 'two'] });
      await expect(jobs.inputs(job.id)).rejects.toThrow(/no inputs/);
      expect(await jobs.updateOwned(job.id, 'w1', { status: 'failed' })).toBeNull();
      expect((await jobs.get(job.id))?.status).toBe('succeeded');
    });

    it('cancels a queued job at once, asks a running one to stop, and leaves an ended one alone', async () => {
      const { jobs } = await freshStore();
      const queued = await jobs.create('plan', { n: 1 });
      expect(await jobs.requestCancel(queued.id)).toBe('cancelled');
      expect(await jobs.get(queued.id)).toMatchObject({ status: 'cancelled', stage: 'done', finished: expect.any(String) });
      await expect(jobs.inputs(queued.id)).rejects.toThrow();
      expect(await jobs.claim(queued.id, 'w1')).toBeNull();
      expect(await jobs.requestCancel(queued.id)).toBeNull();
      expect(await jobs.requestCancel('0123456789abcdef')).toBeNull();
    });

    it('requeues the jobs of a dead worker, failing those out of attempts', async () => {
      const store = await freshStore();
      const { jobs } = store;
      const [again, spent, alive, queued] = [
        await jobs.create('plan', { n: 1 }),
        await jobs.create('plan', { n: 2 }),
        await jobs.create('plan', { n: 3 }),
        await jobs.create('plan', { n: 4 }),
      ];
      for (const j of [again, spent, alive]) await jobs.claim(j.id, 'w1');
      await jobs.updateOwned(spent.id, 'w1', { attempts: 3 });
      await sql(store, "UPDATE shiftcast.jobs SET heartbeat = now() - interval '5 minutes' WHERE id = ANY($1)", [[again.id, spent.id]]);
      const { requeued, failed } = await jobs.requeueStale(60, 3);
      expect(requeued.map((j) => j.id)).toEqual([again.id]);
      expect(requeued[0]).toMatchObject({ status: 'queued', stage: 'queued', attempts: 1 });
      expect(await jobs.inputs(again.id)).toEqual({ n: 1 });
      expect(failed.map((j) => j.id)).toEqual([spent.id]);
      expect(failed[0]).toMatchObject({ status: 'failed', finished: expect.any(String), error: { error: 'interrupted' } });
      expect(failed[0].error?.message).toMatch(/3 times/);
      await expect(jobs.inputs(spent.id)).rejects.toThrow();
      expect((await jobs.get(alive.id))?.status).toBe('running');
      expect((await jobs.get(queued.id))?.status).toBe('queued');
      // Back in the queue, the job is another worker's to claim (its worker was cleared).
      expect(await jobs.updateOwned(again.id, 'w1', { stage: 'x' })).toBeNull();
      expect(await jobs.claim(again.id, 'w2')).toMatchObject({ attempts: 2 });
      expect(await jobs.counts()).toEqual({ queued: 1, running: 2, succeeded: 0, failed: 1, cancelled: 0 });
    });

    it("remembers the queue library's id of a job, never showing it in the record", async () => {
      const { jobs } = await freshStore();
      const job = await jobs.create('scenarios', {});
      expect(await jobs.queueRef(job.id)).toBeNull();
      await jobs.setQueueRef(job.id, 'boss-123');
      expect(await jobs.queueRef(job.id)).toBe('boss-123');
      expect(await jobs.get(job.id)).toEqual(job);
    });

    it('finds the queued jobs no queue message carries, once they are older than asked', async () => {
      const { jobs } = await freshStore();
      const [sent, lost, fresh, ran] = [
        await jobs.create('plan', {}),
        await jobs.create('plan', {}),
        await jobs.create('plan', {}),
        await jobs.create('plan', {}),
      ];
      const old = new Date(Date.now() - 120_000).toISOString();
      for (const job of [sent, lost, ran]) await jobs.update(job.id, { created: old });
      await jobs.setQueueRef(sent.id, 'boss-1');
      await jobs.claim(ran.id, 'w1');
      expect(await jobs.unsent(60)).toEqual([lost.id]);
      expect((await jobs.unsent(0)).sort()).toEqual([lost.id, fresh.id].sort());
    });

    it('lists the queued jobs a queue message carries, with its id', async () => {
      const { jobs } = await freshStore();
      const [sent, bare, ran] = [await jobs.create('plan', {}), await jobs.create('plan', {}), await jobs.create('plan', {})];
      await jobs.setQueueRef(sent.id, 'boss-1');
      await jobs.setQueueRef(ran.id, 'boss-2');
      await jobs.claim(ran.id, 'w1');
      expect(await jobs.queuedRefs()).toEqual([{ id: sent.id, ref: 'boss-1' }]);
      expect(bare.status).toBe('queued');
    });
  });

  describe('two stores on one database (two machines)', () => {
    it('refuses a lock the other holds, naming its pid and host, until the holder closes', async () => {
      const url = await testDatabase();
      const [one, two] = [await freshStore(url), await freshStore(url)];
      await one.locks.acquire('plan');
      const refused = await two.locks.acquire('plan').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(LockBusyError);
      expect((refused as LockBusyError).holder).toMatchObject({ pid: process.pid, host: hostname() });
      expect((refused as Error).message).toContain(`(pid ${process.pid} on ${hostname()}, since `);
      expect((refused as Error).message).toContain(two.location);
      await one.close();
      await (await two.locks.acquire('plan'))();
    });

    it('keeps one plan when both write it at once', async () => {
      const url = await testDatabase();
      const [one, two] = [await freshStore(url), await freshStore(url)];
      const name = '2026-11-30_0123456789';
      const results = await Promise.all([one.plans.write(name, { f: 'one' }), two.plans.write(name, { f: 'two' })]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await two.plans.read(name, 'f')).toBe(results[0].created ? 'one' : 'two');
    });
  });

  describe('the schema', () => {
    it('migrates once: again applies nothing, and two at once apply it once', async () => {
      const url = await testDatabase({ migrated: false });
      const both = await Promise.all([migrate(url), migrate(url)]);
      expect(both.flat()).toEqual([expect.stringMatching(/^\d+_store$/), expect.stringMatching(/^\d+_workers$/)]);
      expect(await migrate(url)).toEqual([]);
      const store = await freshStore(url);
      await expect(store.ready()).resolves.toBeUndefined();
      expect(await store.writable()).toBe(true);
    });

    it('refuses a database without the schema, saying to run shiftcast migrate', async () => {
      const store = await freshStore(await testDatabase({ migrated: false }));
      const pool = new pg.Pool({ connectionString: store.address });
      await expect(assertSchemaCurrent(pool)).rejects.toThrow(SchemaOutdatedError);
      await pool.end();
      await expect(store.plans.scan()).rejects.toThrow(
        /^the database schema is at nothing \(no Shiftcast tables\), this Shiftcast needs \d+_workers: run `shiftcast migrate`$/,
      );
      expect(await store.writable()).toBe(false);
    });

    it('refuses a schema older than the newest migration', async () => {
      const store = await freshStore();
      await sql(store, "UPDATE shiftcast.migrations SET name = '1_older'");
      await expect(store.ready()).rejects.toThrow(/the database schema is at 1_older, this Shiftcast needs \d+_workers/);
    });
  });

  describe('the password', () => {
    it('is kept in the address only: never in the location, a plan’s place or an error', async () => {
      const plain = new URL(await testDatabase());
      plain.password = 'hunter2-secret';
      const store = await freshStore(plain.toString());
      expect(store.address).toContain('hunter2-secret');
      expect(store.location).toBe(plain.toString().replace(':hunter2-secret', ''));
      expect(store.plans.where('2026-11-30_0123456789')).toBe(`${store.location} plan 2026-11-30_0123456789`);
      await store.locks.acquire('write');
      const other = await freshStore(plain.toString());
      const busy = (await other.locks.acquire('write').catch((e: unknown) => e)) as Error;
      expect(busy.message).not.toContain('hunter2');
      await store.close();

      const unreachable = openStore('postgres://shiftcast:hunter2-secret@127.0.0.1:1/nowhere');
      const down = (await unreachable.keys.list().catch((e: unknown) => e)) as Error;
      expect(down).toBeInstanceOf(StoreUnavailableError);
      expect(down.message).toMatch(/^cannot use the database postgres:\/\/shiftcast@127\.0\.0\.1:1\/nowhere: /);
      expect(down.message).not.toContain('hunter2');
      await unreachable.close();

      const bad = (() => {
        try {
          openStore('postgres://shiftcast:hunter2-secret@[::1/x');
        } catch (e) {
          return e as Error;
        }
      })();
      expect(bad).toBeInstanceOf(InputError);
      expect(bad?.message).not.toContain('hunter2');
    });
  });
});
