import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../io/atomic.js';
import { countByStatus, JOB_ID, type JobKind, type JobRecord, type JobStatus, newJobRecord, TERMINAL } from '../jobRecord.js';
import type { JobStore } from '../store.js';

/**
 * The jobs of a folder store: one JSON file per job in `<store>/.jobs/`, written atomically, plus
 * the job's inputs in `<id>.inputs.json` until it ends (so a restart can run it again).
 */
export class FolderJobs implements JobStore {
  readonly dir: string;

  constructor(store: string) {
    this.dir = join(store, '.jobs');
  }

  async create(kind: JobKind, inputs: unknown): Promise<JobRecord> {
    mkdirSync(this.dir, { recursive: true });
    const job = newJobRecord(kind);
    writeFileAtomic(this.inputsPath(job.id), JSON.stringify(inputs));
    this.save(job);
    return job;
  }

  async get(id: string): Promise<JobRecord | null> {
    return this.read(id);
  }

  async update(id: string, change: Partial<JobRecord>): Promise<JobRecord> {
    const job = { ...this.read(id)!, ...change };
    this.save(job);
    if (TERMINAL.includes(job.status)) rmSync(this.inputsPath(id), { force: true });
    return job;
  }

  async inputs<T>(id: string): Promise<T> {
    return JSON.parse(readFileSync(this.inputsPath(id), 'utf8')) as T;
  }

  async all(): Promise<JobRecord[]> {
    return this.readAll();
  }

  async removeEndedBefore(cutoff: string): Promise<number> {
    const old = this.readAll().filter((j) => TERMINAL.includes(j.status) && j.finished !== null && j.finished < cutoff);
    for (const j of old) rmSync(this.path(j.id), { force: true });
    return old.length;
  }

  async counts(): Promise<Record<JobStatus, number>> {
    return countByStatus(this.readAll().map((j) => j.status));
  }

  private read(id: string): JobRecord | null {
    if (!JOB_ID.test(id)) return null;
    try {
      return JSON.parse(readFileSync(this.path(id), 'utf8')) as JobRecord;
    } catch {
      return null;
    }
  }

  private readAll(): JobRecord[] {
    if (!existsSync(this.dir)) return [];
    return readdirSync(this.dir)
      .map((f) => /^([0-9a-f]{16})\.json$/.exec(f)?.[1])
      .filter((id): id is string => id !== undefined)
      .map((id) => this.read(id))
      .filter((j): j is JobRecord => j !== null)
      .sort((a, b) => a.created.localeCompare(b.created));
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
