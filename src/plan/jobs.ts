import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorCode } from '../domain/errors.js';
import { writeFileAtomic } from '../io/atomic.js';

export type JobKind = 'plan' | 'scenarios';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** Solver progress of a running job (null until the solver reports). */
export interface JobProgress {
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
}

/** One job as persisted in `<store>/.jobs/<id>.json` and shown by `GET /v1/jobs/{id}`. */
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

const ID = /^[0-9a-f]{16}$/;

/**
 * The jobs of a store: one JSON file per job, written atomically, plus the job's inputs in
 * `<id>.inputs.json` until it ends (so a restart can run it again). Nothing here is cached:
 * the files are the truth, which is what makes restarts safe.
 */
export class JobStore {
  readonly dir: string;

  constructor(store: string) {
    this.dir = join(store, '.jobs');
  }

  /** Records a new queued job with its inputs; inputs first, so a listed job always has them. */
  create(kind: JobKind, inputs: unknown): JobRecord {
    mkdirSync(this.dir, { recursive: true });
    const job: JobRecord = {
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
    writeFileAtomic(this.inputsPath(job.id), JSON.stringify(inputs));
    this.save(job);
    return job;
  }

  /** The job, or null for an unknown (or malformed) id. */
  get(id: string): JobRecord | null {
    if (!ID.test(id)) return null;
    try {
      return JSON.parse(readFileSync(this.path(id), 'utf8')) as JobRecord;
    } catch {
      return null;
    }
  }

  /** Applies a change and writes the job back; returns the new record. */
  update(id: string, change: Partial<JobRecord>): JobRecord {
    const job = { ...this.get(id)!, ...change };
    this.save(job);
    if (TERMINAL.includes(job.status)) rmSync(this.inputsPath(id), { force: true });
    return job;
  }

  /** The inputs a job was created with. */
  inputs<T>(id: string): T {
    return JSON.parse(readFileSync(this.inputsPath(id), 'utf8')) as T;
  }

  /** Every job, oldest first. */
  all(): JobRecord[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .map((f) => /^([0-9a-f]{16})\.json$/.exec(f)?.[1])
      .filter((id): id is string => id !== undefined)
      .map((id) => this.get(id))
      .filter((j): j is JobRecord => j !== null)
      .sort((a, b) => a.created.localeCompare(b.created));
  }

  /** Deletes the records of jobs that ended before `cutoff` (ISO time); returns how many. */
  removeEndedBefore(cutoff: string): number {
    const old = this.all().filter((j) => TERMINAL.includes(j.status) && j.finished !== null && j.finished < cutoff);
    for (const j of old) rmSync(this.path(j.id), { force: true });
    return old.length;
  }

  private save(job: JobRecord): void {
    writeFileAtomic(this.path(job.id), `${JSON.stringify(job, null, 2)}\n`);
  }

  private path(id: string): string {
    return join(this.dir, `${id}.json`);
  }

  private inputsPath(id: string): string {
    return join(this.dir, `${id}.inputs.json`);
  }
}
