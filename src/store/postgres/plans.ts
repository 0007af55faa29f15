import { checkedPlanId } from '../planNames.js';
import { type DatedPlan, datedPlan, newestFirst, summaryObject } from '../retention.js';
import type { PlanFiles, PlanStore } from '../store.js';
import { type Db, inTransaction, iso, json, type Queryable } from './db.js';
import { lockKey, type PgLocks } from './locks.js';

/**
 * The plans of a PostgreSQL store: a row per plan and a row per file, written in one
 * transaction, so a plan appears whole or not at all and a crash leaves nothing behind.
 */
export class PgPlans implements PlanStore {
  constructor(
    private readonly db: Db,
    private readonly locks: PgLocks,
  ) {}

  async write(name: string, files: PlanFiles): Promise<{ created: boolean }> {
    checkedPlanId(name);
    return this.db.transaction(async (tx) => {
      // Shared: writers run side by side, but wait for a prune (or any holder of the write lock).
      await tx.query('SELECT pg_advisory_xact_lock_shared($1)', [lockKey('write')]);
      // A racing writer of the same plan waits here for the first to commit, then inserts nothing.
      const plan = await tx.query('INSERT INTO shiftcast.plans (name) VALUES ($1) ON CONFLICT DO NOTHING', [name]);
      if (plan.rowCount === 0) return { created: false };
      await tx.query('INSERT INTO shiftcast.plan_files (plan, file, content) SELECT $1, * FROM unnest($2::text[], $3::text[])', [
        name,
        Object.keys(files),
        Object.values(files),
      ]);
      return { created: true };
    });
  }

  async has(name: string, file: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM shiftcast.plan_files WHERE plan = $1 AND file = $2', [name, file])).rowCount! > 0;
  }

  async read(name: string, file: string): Promise<string> {
    const text = await this.file(name, file);
    if (text === null) throw new Error(`${this.where(name)} has no file ${file}`);
    return text;
  }

  async summary(name: string): Promise<Record<string, unknown> | null> {
    return summaryObject(await this.file(name, 'summary.json'));
  }

  async list(names?: readonly string[]): Promise<DatedPlan[]> {
    return listPlans(this.db, names);
  }

  async scan(): Promise<{ plans: string[]; foreign: string[] }> {
    const { rows } = await this.db.query<{ name: string }>('SELECT name FROM shiftcast.plans');
    // Newest week first, ordered as the folder store orders its folder names (not by collation).
    return {
      plans: rows
        .map((r) => r.name)
        .sort()
        .reverse(),
      foreign: [],
    };
  }

  async prune(keep: number, protect: readonly string[] = []): Promise<string[]> {
    // The transaction runs on the lock's own session: waiting writers may hold every other connection.
    const { client, release } = await this.locks.holdWaiting('write');
    try {
      return await inTransaction(client, async (tx) => {
        const kept = new Set(protect);
        const doomed = (await listPlans(tx)).map((p) => p.name).filter((name, i) => i >= keep && !kept.has(name));
        await tx.query('DELETE FROM shiftcast.plans WHERE name = ANY($1)', [doomed]);
        return doomed;
      });
    } finally {
      await release();
    }
  }

  async removeAbandoned(): Promise<string[]> {
    return []; // a transaction leaves nothing half-written
  }

  where(name: string): string {
    return `${this.db.location} plan ${name}`;
  }

  async appendDayLog(name: string, entry: object): Promise<void> {
    await this.db.query('INSERT INTO shiftcast.day_log (plan, entry) VALUES ($1, $2::jsonb)', [name, json(entry)]);
  }

  private async file(name: string, file: string): Promise<string | null> {
    const { rows } = await this.db.query<{ content: string }>('SELECT content FROM shiftcast.plan_files WHERE plan = $1 AND file = $2', [
      name,
      file,
    ]);
    return rows[0]?.content ?? null;
  }
}

/** The plans (or the ones named), most recently created first, dated as every store dates them (see datedPlan). */
async function listPlans(db: Queryable, names?: readonly string[]): Promise<DatedPlan[]> {
  const { rows } = await db.query<{ name: string; stored: Date; summary: string | null }>(
    `SELECT p.name, p.stored, f.content AS summary
       FROM shiftcast.plans p LEFT JOIN shiftcast.plan_files f ON f.plan = p.name AND f.file = 'summary.json'
      WHERE $1::text[] IS NULL OR p.name = ANY($1)`,
    [names ?? null],
  );
  return rows.map((r) => datedPlan(r.name, summaryObject(r.summary), () => iso(r.stored)!)).sort(newestFirst);
}
