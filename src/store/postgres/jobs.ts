import { countByStatus, JOB_ID, type JobKind, type JobRecord, type JobStatus, newJobRecord, TERMINAL } from '../jobRecord.js';
import type { JobStore } from '../store.js';
import { type Db, iso, json } from './db.js';

/** What the distributed queue needs of the jobs table: each change one atomic statement. */
export interface SharedJobs extends JobStore {
  /** queued -> running for `worker` (attempts+1, started now, heartbeat now, cancel_requested false). Null when the job is not queued (ended, cancelled, or running already): the caller then does nothing. */
  claim(id: string, worker: string): Promise<JobRecord | null>;
  /** Marks `worker`'s running jobs among `ids` alive now; returns the ids among them whose cancel was requested. */
  heartbeat(worker: string, ids: readonly string[]): Promise<string[]>;
  /** Applies a change only while the job is running on `worker`; a job ended, cancelled or taken over meanwhile is left alone (null). A terminal status drops the inputs. Exactly-once ends rest on this. */
  updateOwned(id: string, worker: string, change: Partial<JobRecord>): Promise<JobRecord | null>;
  /** A queued job ends `cancelled` at once ('cancelled'); a running one gets cancel_requested ('requested'); an ended one: null. */
  requestCancel(id: string): Promise<'cancelled' | 'requested' | null>;
  /** Running jobs whose heartbeat is older than `staleSeconds` (their worker died): those with attempts < maxAttempts go back to queued (worker cleared) and are returned in `requeued`; the others end `failed` with error {error:'interrupted', message naming the attempts} and are returned in `failed`. */
  requeueStale(staleSeconds: number, maxAttempts: number): Promise<{ requeued: JobRecord[]; failed: JobRecord[] }>;
  /** Queued jobs older than `seconds` that no queue message carries (their server died between recording and sending them). */
  unsent(seconds: number): Promise<string[]>;
  /** Queued jobs that a queue message carries, with the message's queue id. */
  queuedRefs(): Promise<{ id: string; ref: string }[]>;
  /** Remembers the queue library's id for a job / reads it. */
  setQueueRef(id: string, ref: string): Promise<void>;
  queueRef(id: string): Promise<string | null>;
}

/** The columns a JobRecord is read from (the queue's own columns are never shown). */
const RECORD = 'id, kind, status, stage, progress, plan_id, result, error, created, started, finished, attempts';

/** The record's fields a change may set, with the SQL type each parameter is cast to. */
const FIELDS: Record<Exclude<keyof JobRecord, 'id'>, string> = {
  kind: 'text',
  status: 'text',
  stage: 'text',
  progress: 'jsonb',
  plan_id: 'text',
  result: 'jsonb',
  error: 'jsonb',
  created: 'timestamptz',
  started: 'timestamptz',
  finished: 'timestamptz',
  attempts: 'integer',
};

type JobRow = Omit<JobRecord, 'created' | 'started' | 'finished'> & { created: Date; started: Date | null; finished: Date | null };

const record = (row: JobRow): JobRecord => ({ ...row, created: iso(row.created)!, started: iso(row.started), finished: iso(row.finished) });

/** `SET` assignments for a change, numbered from `$first` (names from FIELDS only; values as parameters). A job that ends loses its inputs. */
function assignments(change: Partial<JobRecord>, first: number): { sql: string; values: unknown[] } {
  const set = Object.entries(change).filter(([field]) => field in FIELDS) as [keyof typeof FIELDS, unknown][];
  const sql = set.map(([field], i) => `${field} = $${first + i}::${FIELDS[field]}`);
  if (change.status !== undefined && TERMINAL.includes(change.status)) sql.push('inputs = NULL');
  return {
    sql: sql.length > 0 ? sql.join(', ') : 'attempts = attempts',
    values: set.map(([field, value]) => (FIELDS[field] === 'jsonb' ? json(value) : (value ?? null))),
  };
}

/** `interrupted` for a job whose worker died on its last allowed attempt (the message names the attempts). */
const INTERRUPTED = `jsonb_build_object('error', 'interrupted', 'message',
  format('its worker stopped while this job ran, %s times; it is not started again', attempts))`;

/**
 * The jobs of a PostgreSQL store: one row each, the record's fields as columns, plus the queue's
 * own (worker, heartbeat, cancel_requested, queue_ref) that the API never shows.
 */
export class PgJobs implements SharedJobs {
  constructor(private readonly db: Db) {}

  async create(kind: JobKind, inputs: unknown): Promise<JobRecord> {
    const job = newJobRecord(kind);
    await this.db.query(
      `INSERT INTO shiftcast.jobs (id, kind, status, stage, progress, created, attempts, inputs)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb)`,
      [job.id, job.kind, job.status, job.stage, json(job.progress), job.created, job.attempts, JSON.stringify(inputs ?? null)],
    );
    return job;
  }

  async get(id: string): Promise<JobRecord | null> {
    if (!JOB_ID.test(id)) return null;
    return this.one(`SELECT ${RECORD} FROM shiftcast.jobs WHERE id = $1`, [id]);
  }

  async update(id: string, change: Partial<JobRecord>): Promise<JobRecord> {
    const { sql, values } = assignments(change, 2);
    const job = await this.one(`UPDATE shiftcast.jobs SET ${sql} WHERE id = $1 RETURNING ${RECORD}`, [id, ...values]);
    if (job === null) throw new Error(`no job ${id} in ${this.db.location}`);
    return job;
  }

  async inputs<T>(id: string): Promise<T> {
    const { rows } = await this.db.query<{ inputs: T | null }>('SELECT inputs FROM shiftcast.jobs WHERE id = $1', [id]);
    if (!rows[0] || rows[0].inputs === null) throw new Error(`job ${id} has no inputs (it ended, or there is no such job)`);
    return rows[0].inputs;
  }

  async all(): Promise<JobRecord[]> {
    return this.many(`SELECT ${RECORD} FROM shiftcast.jobs ORDER BY created, seq`);
  }

  async removeEndedBefore(cutoff: string): Promise<number> {
    const { rowCount } = await this.db.query('DELETE FROM shiftcast.jobs WHERE status = ANY($1) AND finished < $2', [TERMINAL, cutoff]);
    return rowCount ?? 0;
  }

  async counts(): Promise<Record<JobStatus, number>> {
    const { rows } = await this.db.query<{ status: JobStatus; n: number }>(
      'SELECT status, count(*)::integer AS n FROM shiftcast.jobs GROUP BY status',
    );
    const counts = countByStatus([]);
    for (const { status, n } of rows) counts[status] = n;
    return counts;
  }

  claim(id: string, worker: string): Promise<JobRecord | null> {
    return this.one(
      `UPDATE shiftcast.jobs
          SET status = 'running', attempts = attempts + 1, started = now(), heartbeat = now(), cancel_requested = false, worker = $2
        WHERE id = $1 AND status = 'queued'
        RETURNING ${RECORD}`,
      [id, worker],
    );
  }

  async heartbeat(worker: string, ids: readonly string[]): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string; cancel_requested: boolean }>(
      `UPDATE shiftcast.jobs SET heartbeat = now()
        WHERE worker = $1 AND status = 'running' AND id = ANY($2)
        RETURNING id, cancel_requested`,
      [worker, ids],
    );
    return rows.filter((r) => r.cancel_requested).map((r) => r.id);
  }

  updateOwned(id: string, worker: string, change: Partial<JobRecord>): Promise<JobRecord | null> {
    const { sql, values } = assignments(change, 3);
    return this.one(`UPDATE shiftcast.jobs SET ${sql} WHERE id = $1 AND worker = $2 AND status = 'running' RETURNING ${RECORD}`, [
      id,
      worker,
      ...values,
    ]);
  }

  async requestCancel(id: string): Promise<'cancelled' | 'requested' | null> {
    // In SET, `status` is the value before the update: a queued job ends now, a running one is asked to stop.
    const { rows } = await this.db.query<{ status: JobStatus }>(
      `UPDATE shiftcast.jobs
          SET status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
              stage = CASE WHEN status = 'queued' THEN 'done' ELSE stage END,
              finished = CASE WHEN status = 'queued' THEN now() ELSE finished END,
              inputs = CASE WHEN status = 'queued' THEN NULL ELSE inputs END,
              cancel_requested = status = 'running'
        WHERE id = $1 AND status IN ('queued', 'running')
        RETURNING status`,
      [id],
    );
    if (!rows[0]) return null;
    return rows[0].status === 'cancelled' ? 'cancelled' : 'requested';
  }

  async requeueStale(staleSeconds: number, maxAttempts: number): Promise<{ requeued: JobRecord[]; failed: JobRecord[] }> {
    // A running job without a heartbeat counts from its start. In SET, `attempts` is the value before the update.
    const jobs = await this.many(
      `UPDATE shiftcast.jobs
          SET status = CASE WHEN attempts < $2 THEN 'queued' ELSE 'failed' END,
              stage = CASE WHEN attempts < $2 THEN 'queued' ELSE 'done' END,
              worker = CASE WHEN attempts < $2 THEN NULL ELSE worker END,
              heartbeat = NULL,
              finished = CASE WHEN attempts < $2 THEN NULL ELSE now() END,
              error = CASE WHEN attempts < $2 THEN NULL ELSE ${INTERRUPTED} END,
              inputs = CASE WHEN attempts < $2 THEN inputs ELSE NULL END
        WHERE status = 'running' AND coalesce(heartbeat, started) < now() - make_interval(secs => $1)
        RETURNING ${RECORD}`,
      [staleSeconds, maxAttempts],
    );
    return { requeued: jobs.filter((j) => j.status === 'queued'), failed: jobs.filter((j) => j.status === 'failed') };
  }

  async unsent(seconds: number): Promise<string[]> {
    const { rows } = await this.db.query<{ id: string }>(
      `SELECT id FROM shiftcast.jobs WHERE status = 'queued' AND queue_ref IS NULL AND created < now() - make_interval(secs => $1)`,
      [seconds],
    );
    return rows.map((r) => r.id);
  }

  async queuedRefs(): Promise<{ id: string; ref: string }[]> {
    const { rows } = await this.db.query<{ id: string; ref: string }>(
      `SELECT id, queue_ref AS ref FROM shiftcast.jobs WHERE status = 'queued' AND queue_ref IS NOT NULL`,
    );
    return rows;
  }

  async setQueueRef(id: string, ref: string): Promise<void> {
    await this.db.query('UPDATE shiftcast.jobs SET queue_ref = $2 WHERE id = $1', [id, ref]);
  }

  async queueRef(id: string): Promise<string | null> {
    const { rows } = await this.db.query<{ queue_ref: string | null }>('SELECT queue_ref FROM shiftcast.jobs WHERE id = $1', [id]);
    return rows[0]?.queue_ref ?? null;
  }

  private async one(sql: string, params: unknown[]): Promise<JobRecord | null> {
    return (await this.many(sql, params))[0] ?? null;
  }

  private async many(sql: string, params: unknown[] = []): Promise<JobRecord[]> {
    return (await this.db.query<JobRow>(sql, params)).rows.map(record);
  }
}
