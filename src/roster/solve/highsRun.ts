import highsModule, { type Highs } from 'highs';
import { toLpFormat, type LinearProgram, type LinearRow, type LinearTerm } from '../model/lpFormat.js';

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
  /** LP only: also return the row duals (the shadow prices are read from them). */
  duals?: boolean;
  /**
   * LP only: variants of the same LP, each re-solved on the same HiGHS model warm from the basis
   * before it and undone after, so that a question about the LP ("one unit of this rule more?")
   * costs a few pivots instead of a model. Solved even when the LP itself has no optimum: a
   * variant may free the rule in the way.
   */
  variants?: LpVariant[];
  /**
   * LP only: rows added once the LP, its duals and its variants are read, then re-solved warm
   * from the LP's optimal basis (valid inequalities that tighten it, see cuts.ts). The outcome's
   * values, objective and bound are then those of the tightened LP; `base` keeps the LP's own.
   */
  cuts?: LinearRow[];
}

/** A variant of an LP: rows with another right-hand side (null frees the row) or other coefficients, columns with an upper bound. */
export interface LpVariant {
  rows?: { name: string; rhs: number | null; terms?: LinearTerm[] }[];
  /** Every column of a program is >= 0 with no upper bound; 0 fixes one at 0. */
  columns?: { name: string; upper: number }[];
}

/** The LP as given (before `cuts`), with what `duals` and `variants` asked for. */
export interface BaseOutcome {
  status: RunOutcome['status'];
  /** Its optimum; null without one. */
  objective: number | null;
  /** Variable values at the optimum as [name, value] pairs (empty without one). */
  values: [string, number][];
  /** With `duals`: each row's dual, d(objective)/d(right-hand side), as [row name, dual] pairs (empty without an optimum). */
  duals: [string, number][];
  /** Each variant's optimum, in the order given; null when it has none. */
  variants: (number | null)[];
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
  /** With `duals`, `variants` or `cuts`: the LP as given, before the cuts. */
  base?: BaseOutcome;
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
 * fixed seed: with no wall-clock stop the run is the same every time. An LP may also answer its
 * duals, its variants and its tightening by cuts on the same model (see RunOptions).
 */
export async function runHighs(lp: LinearProgram, options: RunOptions, onProgress?: (p: Progress) => void): Promise<RunOutcome> {
  const highs = await highsModuleOnce();
  const program = options.relax ? { ...lp, integers: [] } : lp;
  const asksBase = options.duals || options.variants !== undefined || options.cuts !== undefined;
  if (asksBase && program.integers.length > 0) throw new Error('duals, variants and cuts are for an LP: solve with relax');
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
    const codes = highs.constants.modelStatus;
    // The outcome of the model's last run.
    const read = (): RunOutcome => {
      const status = model.getModelStatus();
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
      return {
        status: status === codes.optimal ? 'optimal' : 'feasible',
        values,
        objective,
        bound: Number.isFinite(bound) ? bound : null,
        seconds,
        detail,
      };
    };
    let outcome = read();
    if (asksBase) {
      const optimal = outcome.status === 'optimal';
      const rowDual = optimal && options.duals ? model.getSolution().rowDual : [];
      const duals =
        optimal && options.duals ? program.rows.map((r): [string, number] => [r.name, rowDual[model.getRowByName(r.name)]]) : [];
      // Each variant starts from the basis the one before left; the cuts start from the LP's own.
      const basis = optimal ? model.getBasis() : null;
      const rowByName = new Map(program.rows.map((r) => [r.name, r]));
      const variants = (options.variants ?? []).map((v) => solveVariant(highs, model, rowByName, v));
      const base: BaseOutcome = {
        status: outcome.status,
        objective: optimal ? outcome.objective : null,
        values: outcome.values,
        duals,
        variants,
      };
      // Cuts only tighten: an LP with no optimum keeps its outcome.
      if (basis && options.cuts && options.cuts.length > 0) {
        model.setBasis(basis);
        for (const row of options.cuts) {
          const [lower, upper] = rowBounds(highs, row.sense, row.rhs);
          model.addRow(lower, upper, { indices: row.terms.map((t) => index.get(t.variable)!), values: row.terms.map((t) => t.coef) });
        }
        model.run();
        outcome = read();
      }
      outcome = { ...outcome, base };
    }
    if (outcome.status === 'optimal' || outcome.status === 'feasible')
      onProgress?.(progressOf(outcome.seconds, outcome.objective ?? undefined, outcome.bound ?? undefined));
    return outcome;
  } finally {
    model.dispose();
  }
}

/** One variant of the model's LP solved warm, then undone (a term a row left out had coefficient 0): its optimum or null. */
function solveVariant(
  highs: Highs,
  model: ReturnType<Highs['createModel']>,
  rowByName: ReadonlyMap<string, LinearRow>,
  variant: LpVariant,
): number | null {
  const edit = (undo: boolean) => {
    for (const change of variant.rows ?? []) {
      const row = rowByName.get(change.name);
      if (!row) throw new Error(`no row ${change.name} in the program`);
      const i = model.getRowByName(row.name);
      const [lower, upper] =
        undo || change.rhs !== null ? rowBounds(highs, row.sense, undo ? row.rhs : change.rhs!) : [-highs.infinity, highs.infinity];
      model.changeRowBounds(i, lower, upper);
      const coef = new Map(row.terms.map((t) => [t.variable, t.coef]));
      for (const t of change.terms ?? [])
        model.changeCoefficient(i, model.getColByName(t.variable), undo ? (coef.get(t.variable) ?? 0) : t.coef);
    }
    for (const c of variant.columns ?? []) model.changeColBounds(model.getColByName(c.name), 0, undo ? highs.infinity : c.upper);
  };
  edit(false);
  model.run();
  const objective = model.getModelStatus() === highs.constants.modelStatus.optimal ? model.getObjectiveValue() : null;
  edit(true);
  return objective;
}

/** A row's [lower, upper] bounds for its sense and right-hand side. */
function rowBounds(highs: Highs, sense: LinearRow['sense'], rhs: number): [number, number] {
  if (sense === '>=') return [rhs, highs.infinity];
  if (sense === '<=') return [-highs.infinity, rhs];
  return [rhs, rhs];
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
