import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { SchemaOutdatedError } from '../../src/store/postgres/errors.js';

/** The pg-boss queue every Shiftcast job goes through; its messages carry only the job id. */
export const JOB_QUEUE = 'shiftcast-jobs';

/** pg-boss keeps its tables in a schema of its own, beside Shiftcast's `shiftcast` schema. */
const SCHEMA = 'shiftcast_queue';

/**
 * Which of the messages `refs` a worker took more than `seconds` ago and still holds (active): a
 * live worker claims its job the moment it takes the message, so one held that long beside a job
 * still queued was taken by a worker that stopped in between. pg-boss would hold it until its
 * expiry, the job time limit plus two minutes.
 */
export async function heldSince(boss: PgBoss, refs: readonly string[], seconds: number): Promise<Set<string>> {
  if (refs.length === 0) return new Set();
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT id::text AS id FROM ${SCHEMA}.job WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active' AND started_on < now() - make_interval(secs => $3)`,
      [JOB_QUEUE, refs, seconds],
    );
  return new Set(rows.map((r: { id: string }) => r.id));
}

/** What a queue message holds: the job's record (inputs included) is in the store. */
export interface JobMessage {
  id: string;
}

/**
 * Delivery settings of every job message. A handler that throws (its worker lost the database
 * mid-job, or handed the job back when stopping) is retried with exponential backoff; the
 * expiry is only a backstop behind the worker's own time limit, so it is the limit plus a margin.
 */
export const deliveryOptions = (jobTimeoutSeconds: number): PgBoss.SendOptions => ({
  retryLimit: 10,
  retryDelay: 2,
  retryBackoff: true,
  expireInSeconds: jobTimeoutSeconds + 120,
});

/**
 * Starts pg-boss on the database without touching its schema (that is `shiftcast migrate`'s), so a
 * server or worker on an old schema refuses to run rather than changing it under the others.
 * `supervise` runs pg-boss's maintenance (expiring and archiving jobs): the workers do it.
 */
export async function startBoss(url: string, o: { supervise: boolean; logger: Logger }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: SCHEMA,
    application_name: 'shiftcast',
    max: 4,
    migrate: false,
    schedule: false,
    supervise: o.supervise,
  });
  boss.on('error', (e) => o.logger.error({ err: e }, 'job queue error'));
  try {
    await boss.start();
  } catch (e) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    const message = (e as Error).message;
    if (/not installed|requires migrations/.test(message))
      throw new SchemaOutdatedError(
        `the database's job queue ${message.includes('not installed') ? 'is not installed' : 'schema is older than this Shiftcast'}: run \`shiftcast migrate\``,
      );
    throw e;
  }
  return boss;
}

/** Installs or updates pg-boss's schema and the job queue (`shiftcast migrate`); safe to run again. */
export async function installQueue(url: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: url,
    schema: SCHEMA,
    application_name: 'shiftcast migrate',
    max: 2,
    schedule: false,
    supervise: false,
  });
  await boss.start();
  try {
    if (!(await boss.getQueue(JOB_QUEUE))) await boss.createQueue(JOB_QUEUE, { name: JOB_QUEUE, policy: 'standard' });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
