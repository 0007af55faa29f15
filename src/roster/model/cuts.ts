import type { LinearRow } from './lpFormat.js';
import { lpName, type RosterModel } from './model.js';
import type { RosterProblem } from '../types.js';

const EPS = 1e-6;

/**
 * Valid inequalities that tighten the roster model's LP relaxation without cutting off any
 * integer roster: per slot, the mixed-integer rounding (MIR) of its coverage floor and of its
 * shortfall row over the integer head counts, scaled by 1/productivity of each pool. At small
 * sizes the relaxation staffs fractions of an agent; these rows charge the whole agent (or the
 * shortfall instead), which raises the bound and lets HiGHS spend its root on harder cuts.
 * Kept out of the model itself: `--export-lp` and the shadow prices see the plain rules.
 */
export function roundingCuts(problem: RosterProblem, model: RosterModel): LinearRow[] {
  const pools = problem.pools.filter((p) => model.decisions.some((d) => d.pool === p));
  const scales = [...new Set(pools.map((p) => 1 / p.productivity))];
  const rows: LinearRow[] = [];
  problem.slots.forEach((slot, h) => {
    scales.forEach((u, k) => {
      const heads = pools.map((p) => ({ variable: `on_${lpName(p.id)}_${h}`, coef: p.productivity * u }));
      if (slot.floor > 0) rows.push(...mir(`mir_floor_${h}_${k}`, heads, null, slot.floor * u));
      const short = model.shortfall[h];
      if (short) rows.push(...mir(`mir_cover_${h}_${k}`, heads, { variable: short, coef: u }, slot.staffNeeded * u));
    });
  });
  return rows;
}

/**
 * The MIR of `sum a_j x_j + c y >= b` (x integer >= 0, y continuous >= 0, c > 0):
 * `sum G(a_j) x_j + c / (1 - f0) y >= ceil(b)` with f0 = frac(-b) and
 * G(a) = ceil(a) - max(0, frac(-a) - f0) / (1 - f0). None when b is integral (nothing to round).
 */
function mir(
  name: string,
  ints: { variable: string; coef: number }[],
  cont: { variable: string; coef: number } | null,
  b: number,
): LinearRow[] {
  const f0 = frac(-b);
  if (f0 < EPS || f0 > 1 - EPS) return [];
  const terms = ints.map((t) => ({ variable: t.variable, coef: Math.ceil(t.coef - EPS) - Math.max(0, frac(-t.coef) - f0) / (1 - f0) }));
  if (cont) terms.push({ variable: cont.variable, coef: cont.coef / (1 - f0) });
  return [{ name, terms: terms.filter((t) => t.coef > EPS), sense: '>=', rhs: Math.ceil(b - EPS) }];
}

// Fractional part in [0, 1), with values within EPS of an integer taken as integral.
function frac(v: number): number {
  const f = v - Math.floor(v);
  return f > 1 - EPS ? 0 : f;
}
