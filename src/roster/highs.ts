import highsModule, { type Highs } from 'highs';
import { toLpFormat, type LinearProgram } from './lpFormat.js';

/** What a solver run established: a usable solution only with status `optimal` or `feasible`. */
export interface SolverOutcome {
  status: 'optimal' | 'feasible' | 'infeasible' | 'no_solution';
  /** Variable values by name (empty unless a solution exists). */
  values: Map<string, number>;
  objective: number | null;
  /** Proven lower bound on the objective (MIP dual bound, or the LP optimum for an LP). */
  bound: number | null;
  seconds: number;
  /** HiGHS' own words for the outcome, for messages. */
  detail: string;
}

/** Solve options; `relax` drops integrality (the LP relaxation). */
export interface SolveOptions {
  timeLimitSeconds: number;
  mipRelGap: number;
  relax?: boolean;
  /** A starting integer solution by variable name (HiGHS checks it; an infeasible one is ignored). */
  start?: Map<string, number>;
}

// The package's types describe its CommonJS face; under ESM the loader is the default export.
const loadHighs = highsModule as unknown as () => Promise<Highs>;
let instance: Promise<Highs> | null = null;

/**
 * Solves a linear program with HiGHS (WebAssembly, single-threaded). Each call owns a fresh native
 * model, disposed before returning, so solves never share state.
 */
export async function solveWithHighs(lp: LinearProgram, options: SolveOptions): Promise<SolverOutcome> {
  const highs = await (instance ??= loadHighs());
  const program = options.relax ? { ...lp, integers: [] } : lp;
  const started = performance.now();
  const model = highs.createModel({ format: 'lp', data: toLpFormat(program) });
  try {
    model.options.set({ output_flag: false, time_limit: options.timeLimitSeconds, mip_rel_gap: options.mipRelGap, random_seed: 0 });
    const names = variableNames(program);
    const index = new Map(names.map((name) => [name, model.getColByName(name)]));
    if (options.start) {
      const entries = [...options.start].filter(([name]) => index.has(name));
      model.setSolution({ indices: entries.map(([name]) => index.get(name)!), values: entries.map(([, v]) => v) });
    }
    model.run();
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    const seconds = (performance.now() - started) / 1000;
    const hasPrimal = model.info.get('primal_solution_status') === highs.constants.solutionStatus.feasible;
    const detail = statusName(status, codes);
    if (status === codes.infeasible) return { status: 'infeasible', values: new Map(), objective: null, bound: null, seconds, detail };
    if (!hasPrimal || (status !== codes.optimal && status !== codes.timeLimit && status !== codes.interrupted && status !== codes.iterationLimit && status !== codes.solutionLimit)) {
      return { status: 'no_solution', values: new Map(), objective: null, bound: null, seconds, detail };
    }
    const col = model.getSolution().colValue;
    const values = new Map(names.map((name) => [name, col[index.get(name)!]]));
    const objective = model.getObjectiveValue();
    const bound = program.integers.length > 0 ? Number(model.info.get('mip_dual_bound')) : status === codes.optimal ? objective : null;
    return { status: status === codes.optimal ? 'optimal' : 'feasible', values, objective, bound: Number.isFinite(bound) ? bound : null, seconds, detail };
  } finally {
    model.dispose();
  }
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
