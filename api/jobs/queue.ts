import { ShiftcastError } from '../../src/domain/errors.js';
import type { JobRecord } from '../../src/store/jobRecord.js';
import type { JobStore } from '../../src/store/store.js';
import type { JobTask } from './jobTask.js';

/** What a cancel achieved: a job is `cancelled` only when it really stopped. */
export type CancelOutcome = { cancelled: true; job: JobRecord } | { cancelled: false; job: JobRecord; reason: string };

/** What `GET /v1/ready` checks of the jobs: each true when that part works. */
export type QueueChecks = Record<string, boolean>;

/**
 * Where the API sends its jobs: the workers inside `serve` (JobRunner, the folder store) or the
 * PostgreSQL queue that `shiftcast worker` processes anywhere take jobs from (SharedQueue).
 * The routes see only this.
 */
export interface JobQueue {
  readonly jobs: JobStore;
  /** Records and queues a job; throws QueueFullError (storing nothing) when the queue is full. */
  submit(task: JobTask): Promise<JobRecord>;
  /** Cancels a queued or running job of the store. */
  cancel(id: string): Promise<CancelOutcome>;
  /** What readiness checks of the jobs, by name (store writability is checked apart). */
  checks(): Promise<QueueChecks>;
  close(): Promise<void>;
}

/** Thrown by submit when the queue is full (429 with Retry-After). */
export class QueueFullError extends ShiftcastError {
  readonly code = 'busy';
  constructor(override readonly retryAfterSeconds: number) {
    super('the job queue is full; try again later');
  }
}

/** Days an ended job's record is kept, by either queue. */
export const KEEP_JOBS_DAYS = 30;

/** What ready() says when a check fails, in the order it is worth saying. */
export const NOT_READY: Record<string, string> = {
  store: 'the plan store is not writable',
  queue: 'the job queue is not running',
  workers: 'the plan workers are not running',
};
