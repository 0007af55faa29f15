import { randomBytes } from 'node:crypto';
import type { ErrorCode } from '../domain/errors.js';

export type JobKind = 'plan' | 'scenarios';
/** Every status a job can have, in the order a job goes through them. */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Solver progress of a running job (null until the solver reports). */
export interface JobProgress {
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
}

/** One job as a store keeps it and `GET /v1/jobs/{id}` shows it. */
export interface JobRecord {
  id: string;
  kind: JobKind;
  status: JobStatus;
  /** What the job is doing now: `queued`, `starting`, `planning`, `done`. */
  stage: string;
  progress: JobProgress;
  plan_id: string | null;
  result: unknown;
  error: { error: ErrorCode; message: string } | null;
  created: string;
  started: string | null;
  finished: string | null;
  /** How many times it has been started (a restart re-runs a job that was running once). */
  attempts: number;
}

export const TERMINAL: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

/** A job id: 16 hex digits (anything else is no job of any store). */
export const JOB_ID = /^[0-9a-f]{16}$/;

/** A new queued job, as every store records it. */
export function newJobRecord(kind: JobKind): JobRecord {
  return {
    id: randomBytes(8).toString('hex'),
    kind,
    status: 'queued',
    stage: 'queued',
    progress: { incumbent: null, bound: null, gap: null },
    plan_id: null,
    result: null,
    error: null,
    created: new Date().toISOString(),
    started: null,
    finished: null,
    attempts: 0,
  };
}

/** How many jobs have each status (every status present, 0 when none). */
export function countByStatus(statuses: readonly JobStatus[]): Record<JobStatus, number> {
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const s of statuses) counts[s]++;
  return counts;
}
