/**
 * LP benchmark: HiGHS against javascript-lp-solver on two LPs of the roster model: the
 * full-coverage cost LP (src/roster/fullCoverage.ts: floors = need, no budget, cost only) and the
 * relaxation the preview rounds (the whole model, integrality dropped), on a small week (peak 30
 * staff) and a sample-size week (peak 357, as `npm start`'s center).
 *
 *   npm run bench:lp [-- --runs 5]
 *
 * HiGHS is timed as the plan calls it (solveWithHighs: worker already started by the roster
 * solve, so "warm") and on its first call in a fresh process ("cold": worker, tsx and WebAssembly
 * start-up included). javascript-lp-solver runs in-thread; its time includes building its model.
 * Both objectives are printed: the LP optimum must agree to 1e-6 relative.
 */
import { parseArgs } from 'node:util';
// @ts-expect-error the package ships no types; Solve's model and result are used as documented
import solver from 'javascript-lp-solver';
import { solveWithHighs } from '../src/roster/highs.js';
import type { LinearProgram } from '../src/roster/lpFormat.js';
import { buildRosterModel } from '../src/roster/model.js';
import type { RosterProblem } from '../src/roster/types.js';
import { makeProblem } from '../test/roster/helpers.js';
import { realisticWeek } from '../test/roster/weekShape.js';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const RUNS = Number(args.runs);

// SPEC section 3's default pools, as bench/roster.ts.
const POOLS = [
  { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, night_premium: 0.3, productivity: 1.0, shift_lengths: [8, 10] },
  { id: 'vendor', kind: 'outsourced', cost_per_hour: 38, night_premium: 0.2, productivity: 0.9, shift_lengths: [4, 8], max_agents: 300 },
  { id: 'night', kind: 'in_house', cost_per_hour: 55, night_premium: 0.5, productivity: 1.0, shift_lengths: [8], start_hours: [22, 23, 0] },
];

/** The LP fullCoverageCost hands to HiGHS (same three steps). */
function fullCoverageLp(problem: RosterProblem): LinearProgram {
  const full = { ...problem, budget: null, slots: problem.slots.map((s) => ({ ...s, floor: s.staffNeeded })) };
  const model = buildRosterModel(full);
  return { ...model.program, objective: model.decisions.map((d) => ({ variable: d.name, coef: d.cost })), integers: [] };
}

/** The relaxation solveRoster rounds for its preview: the model with a budget, no integers. */
const relaxationLp = (problem: RosterProblem): LinearProgram => ({ ...buildRosterModel(problem).program, integers: [] });

/** The same LP in javascript-lp-solver's model: a column per variable, a bound per row. */
function solveWithJsLp(lp: LinearProgram): number | null {
  const OBJ = '\u0000objective';
  const variables: Record<string, Record<string, number>> = {};
  const column = (name: string) => (variables[name] ??= {});
  for (const t of lp.objective) column(t.variable)[OBJ] = t.coef;
  const constraints: Record<string, Record<string, number>> = {};
  for (const row of lp.rows) {
    constraints[row.name] = row.sense === '>=' ? { min: row.rhs } : row.sense === '<=' ? { max: row.rhs } : { equal: row.rhs };
    for (const t of row.terms) column(t.variable)[row.name] = (column(t.variable)[row.name] ?? 0) + t.coef;
  }
  const result: { feasible: boolean; result: number } = solver.Solve({ optimize: OBJ, opType: 'min', constraints, variables });
  return result.feasible ? result.result : null;
}

async function time<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const value = await f();
  return [value, performance.now() - started];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

let cold: number | null = null;
// Budgets a little under the full-coverage cost, so the relaxation trades shortfall for cost.
for (const [peak, budget, name, lp] of [30, 357].flatMap((peak) => {
  const budget = peak === 30 ? 115_000 : 1_400_000;
  const problem = makeProblem({ pools: POOLS, budget }, (i) => realisticWeek(peak)[i].staffNeeded);
  return [[peak, budget, 'full coverage', fullCoverageLp(problem)], [peak, budget, 'relaxation', relaxationLp(problem)]] as const;
})) {
  const highs = () => solveWithHighs(lp, { timeLimitSeconds: 30, mipRelGap: 0, relax: true });
  if (cold === null) [, cold] = await time(highs);
  const h: number[] = [];
  const j: number[] = [];
  let objectives: [number | null, number | null] = [null, null];
  for (let r = 0; r < RUNS; r++) {
    const [outcome, th] = await time(highs);
    const [jsObjective, tj] = await time(() => solveWithJsLp(lp));
    h.push(th);
    j.push(tj);
    objectives = [outcome.objective, jsObjective];
  }
  const [oh, oj] = objectives;
  const agree = oh !== null && oj !== null && Math.abs(oh - oj) <= 1e-6 * Math.abs(oh);
  console.log(
    `peak ${peak}, ${name}${name === 'relaxation' ? ` (budget ${budget})` : ''}: ${new Set(lp.rows.flatMap((r) => r.terms.map((t) => t.variable))).size} columns, ${lp.rows.length} rows | HiGHS ${ms(median(h))} warm (${ms(cold)} cold, first call of the process)` +
      ` | javascript-lp-solver ${ms(median(j))} | objectives ${oh?.toFixed(2)} / ${oj?.toFixed(2)} ${agree ? 'agree' : 'DIFFER'} (median of ${RUNS})`,
  );
}
process.exit(0);
