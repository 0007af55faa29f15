import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { JOB_STATUSES, type JobKind, type JobStatus } from '../src/store/jobRecord.js';
import type { JobStore } from '../src/store/store.js';

/** What the job runners tell the metrics: a job started after waiting, a job ended after running. */
export interface JobMetrics {
  started(kind: JobKind, waitSeconds: number): void;
  ended(kind: JobKind, status: JobStatus, runSeconds: number, gap: number | null): void;
}

/** Seconds from a few milliseconds (an HTTP read) to the per-job time limit (15 minutes). */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900];
/** Relative MIP gaps: proven optimal, the config's default target (0.5%), up to nothing proven. */
const GAPS = [0, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1];

/**
 * One process's Prometheus metrics (prom-client, a registry of its own so that several apps in
 * one process never share counters): HTTP latency by route, queue wait and run seconds of jobs,
 * the solver's final gap, and, where `jobs` is given (the API servers), the store's jobs by state.
 * Each process exposes its own: a server its requests, a worker the jobs it ran.
 */
export class Metrics implements JobMetrics {
  readonly registry = new Registry();
  private readonly http: Histogram<'method' | 'route' | 'status'>;
  private readonly wait: Histogram<'kind'>;
  private readonly run: Histogram<'kind' | 'status'>;
  private readonly gap: Histogram;

  constructor(jobs?: JobStore) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'shiftcast_' });
    this.http = new Histogram({
      name: 'shiftcast_http_request_duration_seconds',
      help: 'HTTP request latency by route (the route pattern, not the path)',
      labelNames: ['method', 'route', 'status'],
      buckets: SECONDS,
      registers,
    });
    this.wait = new Histogram({
      name: 'shiftcast_job_queue_wait_seconds',
      help: 'Seconds a job waited in the queue before a worker started it',
      labelNames: ['kind'],
      buckets: SECONDS,
      registers,
    });
    this.run = new Histogram({
      name: 'shiftcast_job_run_seconds',
      help: 'Seconds from a job start to its end (the solve and the plan write), by how it ended',
      labelNames: ['kind', 'status'],
      buckets: SECONDS,
      registers,
    });
    this.gap = new Histogram({
      name: 'shiftcast_solver_gap',
      help: "The roster solver's final relative gap of each plan job",
      buckets: GAPS,
      registers,
    });
    if (jobs)
      new Gauge({
        name: 'shiftcast_jobs',
        help: "The store's jobs by state (every process of the store sees the same)",
        labelNames: ['state'],
        registers,
        async collect() {
          const counts = await jobs.counts();
          for (const state of JOB_STATUSES) this.set({ state }, counts[state]);
        },
      });
  }

  started(kind: JobKind, waitSeconds: number): void {
    this.wait.observe({ kind }, Math.max(0, waitSeconds));
  }

  ended(kind: JobKind, status: JobStatus, runSeconds: number, gap: number | null): void {
    this.run.observe({ kind, status }, Math.max(0, runSeconds));
    if (gap !== null) this.gap.observe(gap);
  }

  /**
   * Times every request of the router it is used in by the route that answered it (`unmatched`
   * for a 404 no route took). Used inside the router, where its mount path is known: by the
   * time the answer is sent, express has already restored `baseUrl`.
   */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const stop = this.http.startTimer({ method: req.method });
      const base = req.baseUrl;
      res.on('finish', () => {
        const route = req.route?.path === undefined ? 'unmatched' : `${base}${String(req.route.path)}`;
        stop({ route, status: String(res.statusCode) });
      });
      next();
    };
  }

  /** `GET /metrics`: the Prometheus text format. */
  handler(): RequestHandler {
    return async (_req, res) => {
      res.type(this.registry.contentType).send(await this.registry.metrics());
    };
  }
}

/** Seconds between two ISO times (null start: 0). */
export const secondsBetween = (from: string | null, to: Date) => (from === null ? 0 : (to.getTime() - Date.parse(from)) / 1000);
