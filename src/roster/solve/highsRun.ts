import highsModule, { type Highs } from 'highs';
import { toLpFormat, type LinearProgram } from '../model/lpFormat.js';

/** Incumbent and bound of a running MIP solve; null until known. */
export interface Progress {
  seconds: number;
  incumbent: number | null;
  bound: number | null;
  /** Relative gap (incumbent - bound) / incumbent. */
  gap: number | null;
}

/** Options of one HiGHS run; `relax` drops integrality (the LP relaxation). */
export interface RunOptions {
  timeLimitSeconds: number;
  mipRelGap: number;
  relax?: boolean;
  /** A starting integer solution as [name, value] pairs (HiGHS checks it; a bad one is ignored). */
  start?: [string, number][];
  /**
   * Stop after this many simplex iterations of the MIP's LPs: a budget of work, not of time, so
   * a run cut short stops at the same point on every machine and gives the same roster.
   */
  iterationLimit?: number;
}

/** What a run established: a usable solution only with status `optimal` or `feasible`. */
export interface RunOutcome {
  status: 'optimal' | 'feasible' | 'infeasible' | 'no_solution';
  /** Variable values as [name, value] pairs (empty unless a solution exists). */
  values: [string, number][];
  objective: number | null;
  /** Proven lower bound on the objective (MIP dual bound, or the LP optimum for an LP). */
  bound: number | null;
  seconds: number;
  /** HiGHS' own words for the outcome, for messages. */
  detail: string;
}

// The package's types describe its CommonJS face; under ESM the loader is the default export.
const loadHighs = highsModule as unknown as () => Promise<Highs>;
let instance: Promise<Highs> | null = null;

/** The HiGHS module of this thread, loaded once. */
export function highsModuleOnce(): Promise<Highs> {
  instance ??= loadHighs();
  return instance;
}
const PROGRESS_EVERY_SECONDS = 1;

/**
 * One HiGHS solve on the calling thread (highs.ts decides which thread that is). Each call owns
 * a fresh native model, disposed before returning, so solves never share state. Single thread,
 * fixed seed: with no wall-clock stop the run is the same every time.
 */
export async function runHighs(lp: LinearProgram, options: RunOptions, onProgress?: (p: Progress) => void): Promise<RunOutcome> {
  const highs = await highsModuleOnce();
  const program = options.relax ? { ...lp, integers: [] } : lp;
  const started = performance.now();
  const model = highs.createModel({ format: 'lp', data: toLpFormat(program) });
  try {
    // No strong branching to initialise pseudocosts: on a small, fractional week it ran ~10 s of
    // LPs on the first nodes between two interrupt checks, beyond the work budget.
    model.options.set({
      output_flag: false,
      time_limit: options.timeLimitSeconds,
      mip_rel_gap: options.mipRelGap,
      random_seed: 0,
      mip_pscost_minreliable: 0,
    });
    const names = variableNames(program);
    const index = new Map(names.map((name) => [name, model.getColByName(name)]));
    if (options.start) {
      const entries = options.start.filter(([name]) => index.has(name));
      model.setSolution({ indices: entries.map(([name]) => index.get(name)!), values: entries.map(([, v]) => v) });
    }
    let reported = -Infinity;
    const limit = options.iterationLimit ?? Infinity;
    model.run({
      [highs.constants.callbackType.mipInterrupt](event) {
        const d = event.data;
        if (Number(d.mip_total_lp_iterations ?? 0) >= limit) event.interrupt();
        const seconds = (performance.now() - started) / 1000;
        if (onProgress && seconds - reported >= PROGRESS_EVERY_SECONDS) {
          reported = seconds;
          onProgress(progressOf(seconds, d.mip_primal_bound, d.mip_dual_bound));
        }
      },
    });
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    const seconds = (performance.now() - started) / 1000;
    const hasPrimal = model.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible;
    const detail = statusName(status, codes);
    if (status === codes.infeasible) return { status: 'infeasible', values: [], objective: null, bound: null, seconds, detail };
    if (
      !hasPrimal ||
      (status !== codes.optimal &&
        status !== codes.timeLimit &&
        status !== codes.interrupted &&
        status !== codes.iterationLimit &&
        status !== codes.solutionLimit)
    ) {
      return { status: 'no_solution', values: [], objective: null, bound: null, seconds, detail };
    }
    const col = model.getSolution().colValue;
    const values = names.map((name): [string, number] => [name, col[index.get(name)!]]);
    const objective = model.getObjectiveValue();
    const bound = program.integers.length > 0 ? Number(model.info.get('mip_dual_bound')) : status === codes.optimal ? objective : null;
    onProgress?.(progressOf(seconds, objective, bound ?? undefined));
    return {
      status: status === codes.optimal ? 'optimal' : 'feasible',
      values,
      objective,
      bound: Number.isFinite(bound) ? bound : null,
      seconds,
      detail,
    };
  } finally {
    model.dispose();
  }
}

function progressOf(seconds: number, incumbent: number | undefined, bound: number | undefined): Progress {
  const inc = incumbent !== undefined && Number.isFinite(incumbent) ? incumbent : null;
  const bnd = bound !== undefined && Number.isFinite(bound) ? bound : null;
  const gap = inc !== null && bnd !== null ? (inc > 0 ? Math.max(0, (inc - bnd) / inc) : 0) : null;
  return { seconds, incumbent: inc, bound: bnd, gap };
}

function variableNames(lp: LinearProgram): string[] {
  const names = new Set<string>();
  for (const t of lp.objective) names.add(t.variable);
  for (const row of lp.rows) for (const t of row.terms) names.add(t.variable);
  return [...names];
}

function statusName(code: number, codes: Record<string, number>): string {
  return Object.entries(codes).find(([, c]) => c === code)?.[0] ?? `status ${code}`;
}
