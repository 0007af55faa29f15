import type { Counts } from './assemble.js';
import { solveWithHighs } from './highs.js';
import type { RosterModel } from './model.js';
import type { RosterProblem } from './types.js';

/**
 * A quick integer roster to seed HiGHS and to fall back on: the LP relaxation rounded up (which
 * keeps every coverage floor), then agents taken off again, dearest shift first, wherever that
 * keeps the floors and lowers cost + shortfall penalty. Returns null when the rounded roster
 * breaks max_agents, the outsourced share or the budget (HiGHS then starts from nothing).
 */
export async function roundedRelaxation(problem: RosterProblem, model: RosterModel, timeLimitSeconds: number): Promise<{ counts: Counts; lpBound: number } | null> {
  const lp = await solveWithHighs(model.program, { timeLimitSeconds, mipRelGap: 0, relax: true });
  if (lp.status !== 'optimal') return null;
  const { slots } = problem;
  const n = slots.length;
  const counts: Counts = new Map(model.decisions.map((d) => [d.name, Math.ceil((lp.values.get(d.name) ?? 0) - 1e-6)]));
  const staffed = new Array<number>(n).fill(0);
  const covered = (d: RosterModel['decisions'][number]) => d.starts.flatMap((s) => Array.from({ length: d.hours }, (_, k) => (s + k) % n));
  for (const d of model.decisions) for (const h of covered(d)) staffed[h] += counts.get(d.name)! * d.pool.productivity;

  // Dearest first, name as tie-break: the trim is deterministic.
  const order = [...model.decisions].sort((a, b) => b.cost - a.cost || (a.name < b.name ? -1 : 1));
  for (const d of order) {
    const hours = covered(d);
    const p = d.pool.productivity;
    while (counts.get(d.name)! > 0) {
      const keepsFloors = hours.every((h) => staffed[h] - p + 1e-9 >= slots[h].floor);
      const addedPenalty = hours.reduce((a, h) => a + Math.max(0, slots[h].staffNeeded - (staffed[h] - p)) - Math.max(0, slots[h].staffNeeded - staffed[h]), 0) * problem.shortfallPenalty;
      if (!keepsFloors || addedPenalty >= d.cost) break;
      counts.set(d.name, counts.get(d.name)! - 1);
      for (const h of hours) staffed[h] -= p;
    }
  }
  return satisfiesOtherRules(problem, model, counts) ? { counts, lpBound: lp.objective! } : null;
}

// The floors hold by construction; these are the rules rounding up can break.
function satisfiesOtherRules(problem: RosterProblem, model: RosterModel, counts: Counts): boolean {
  const limits = model.program.rows.filter((r) => r.name === 'budget' || r.name === 'outsourced_share' || r.name.startsWith('max_'));
  return limits.every((row) => row.terms.reduce((a, t) => a + t.coef * (counts.get(t.variable) ?? 0), 0) <= row.rhs + 1e-6);
}
