import type { Queryable } from './db.js';

/** A worker process not seen for this long is taken for gone (it is seen every second). */
export const WORKER_SEEN_SECONDS = 10;

/** A guess of a job's run time before any job has run (Retry-After). */
const FIRST_RUN_SECONDS = 10;

/**
 * The `shiftcast worker` processes of a database store, each seen every second while it runs:
 * readiness (are any up?) and Retry-After (how many jobs run at once?) read them.
 */
export class PgWorkers {
  constructor(private readonly db: Queryable) {}

  /** Records a worker process that has started, or marks it seen. */
  async seen(worker: { id: string; host: string; pid: number; concurrency: number }): Promise<void> {
    await this.db.query(
      `INSERT INTO shiftcast.workers (id, host, pid, concurrency, started, seen) VALUES ($1, $2, $3, $4, now(), now())
       ON CONFLICT (id) DO UPDATE SET seen = now()`,
      [worker.id, worker.host, worker.pid, worker.concurrency],
    );
  }

  /** A worker that stops cleanly leaves; one that died is forgotten a day after it was last seen. */
  async left(id: string): Promise<void> {
    await this.db.query(`DELETE FROM shiftcast.workers WHERE id = $1 OR seen < now() - interval '1 day'`, [id]);
  }

  /** The worker processes seen lately, and the jobs they run at once. */
  async live(): Promise<{ processes: number; slots: number }> {
    const { rows } = await this.db.query<{ processes: string; slots: string | null }>(
      `SELECT count(*) AS processes, sum(concurrency) AS slots FROM shiftcast.workers WHERE seen > now() - make_interval(secs => $1)`,
      [WORKER_SEEN_SECONDS],
    );
    return { processes: Number(rows[0].processes), slots: Number(rows[0].slots ?? 0) };
  }

  /** The mean run time of the last 20 jobs that succeeded, seconds. */
  async recentRunSeconds(): Promise<number> {
    const { rows } = await this.db.query<{ seconds: number | null }>(
      `SELECT avg(extract(epoch FROM finished - started))::float8 AS seconds FROM
         (SELECT started, finished FROM shiftcast.jobs WHERE status = 'succeeded' AND started IS NOT NULL
          ORDER BY finished DESC LIMIT 20) recent`,
    );
    return rows[0].seconds ?? FIRST_RUN_SECONDS;
  }
}
