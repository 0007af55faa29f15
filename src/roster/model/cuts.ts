import type { Pool } from '../../domain/config.js';
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
  if (problem.tiers) return tierCuts(problem, model, pools, scales);
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
 * With tiers the floor and cover rows are over continuous allocations, so the cuts round rows
 * every roster keeps over the head counts instead: the staff of the pools serving a tier is at
 * least what that tier takes, and all staff at least what all tiers take. Hence per slot, for
 * each tier t with the pools N(t) serving it, sum_{N(t)} productivity x on >= floor_t and
 * sum_{N(t)} productivity x on + short_t >= need_t; for all tiers at once the same with every
 * pool, the slot's floor and need and the sum of the tier shortfalls. Their MIRs are valid.
 */
function tierCuts(problem: RosterProblem, model: RosterModel, pools: readonly Pool[], scales: number[]): LinearRow[] {
  const tiers = problem.tiers!;
  const rows: LinearRow[] = [];
  problem.slots.forEach((slot, h) => {
    const shorts = model.tierShortfall![h];
    const groups = [
      { key: '', pools, floor: slot.floor, need: slot.staffNeeded, shorts: shorts.filter((v): v is string => v !== null) },
      ...tiers.map((t, k) => ({
        key: `${lpName(t.name)}_`,
        pools: pools.filter((p) => t.pools.includes(p.id)),
        floor: slot.tiers![k].floor,
        need: slot.tiers![k].staffNeeded,
        shorts: shorts[k] ? [shorts[k]] : [],
      })),
    ];
    for (const g of groups) {
      if (g.pools.length === 0 || g.need <= 0) continue;
      scales.forEach((u, i) => {
        const heads = g.pools.map((p) => ({ variable: `on_${lpName(p.id)}_${h}`, coef: p.productivity * u }));
        if (g.floor > 0) rows.push(...mir(`mir_floor_${g.key}${h}_${i}`, heads, [], g.floor * u));
        const cont = g.shorts.map((variable) => ({ variable, coef: u }));
        rows.push(...mir(`mir_cover_${g.key}${h}_${i}`, heads, cont, g.need * u));
      });
    }
  });
  return rows;
}

/**
 * The MIR of `sum a_j x_j + sum c_k y_k >= b` (x integer >= 0, y continuous >= 0, c > 0):
 * `sum G(a_j) x_j + sum c_k / (1 - f0) y_k >= ceil(b)` with f0 = frac(-b) and
 * G(a) = ceil(a) - max(0, frac(-a) - f0) / (1 - f0). None when b is integral (nothing to round).
 */
function mir(
  name: string,
  ints: { variable: string; coef: number }[],
  cont: { variable: string; coef: number } | { variable: string; coef: number }[] | null,
  b: number,
): LinearRow[] {
  const f0 = frac(-b);
  if (f0 < EPS || f0 > 1 - EPS) return [];
  const terms = ints.map((t) => ({ variable: t.variable, coef: Math.ceil(t.coef - EPS) - Math.max(0, frac(-t.coef) - f0) / (1 - f0) }));
  for (const c of cont === null ? [] : Array.isArray(cont) ? cont : [cont]) terms.push({ variable: c.variable, coef: c.coef / (1 - f0) });
  return [{ name, terms: terms.filter((t) => t.coef > EPS), sense: '>=', rhs: Math.ceil(b - EPS) }];
}

// Fractional part in [0, 1), with values within EPS of an integer taken as integral.
function frac(v: number): number {
  const f = v - Math.floor(v);
  return f > 1 - EPS ? 0 : f;
}
