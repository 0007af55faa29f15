import type { Roster, RosterProblem } from '../types.js';
import { roundTo } from '../../domain/round.js';

/**
 * A manager's summary of a valid roster: what it costs and which rules bind (budget, outsourced
 * share, max_agents) or where it falls short, so they know which lever moves the plan.
 */
export function narrateRoster(problem: RosterProblem, roster: Omit<Roster, 'explanation'>): string {
  const parts = [
    `The roster costs ${money(roster.cost.total)} and covers ${pct(roster.kpis.coverage)} of the staff-hours needed (night ${pct(roster.kpis.night_coverage)}).`,
  ];
  const binding: string[] = [];
  if (problem.budget !== null && roster.kpis.budget_used !== null && roster.kpis.budget_used >= 0.999)
    binding.push(`the budget (${pct(roster.kpis.budget_used)} used)`);
  if (problem.maxOutsourcedShare !== null && roster.kpis.outsourced_share >= problem.maxOutsourcedShare - 0.005) {
    binding.push(`the outsourced share cap (${pct(roster.kpis.outsourced_share)} of paid hours, cap ${pct(problem.maxOutsourcedShare)})`);
  }
  for (const pool of problem.pools) {
    if (pool.max_agents === null) continue;
    const hours = atMaxAgents(problem, roster, pool.id, pool.max_agents);
    if (hours > 0) binding.push(`${pool.id}'s max_agents of ${pool.max_agents} (reached in ${hours} hour(s))`);
  }
  parts.push(
    binding.length > 0
      ? `Binding: ${binding.join('; ')}.`
      : 'No budget, share or max_agents rule binds: the cost is driven by the hours needed.',
  );
  const shortHours = roster.hourly.filter((r) => r.shortfall > 1e-9);
  if (shortHours.length > 0) {
    const total = shortHours.reduce((a, r) => a + r.shortfall, 0);
    parts.push(
      `${roundTo(total, 1)} staff-hours are left short in ${shortHours.length} hour(s), where one more shift would cost more than the shortfall penalty of ${problem.shortfallPenalty} per staff-hour.`,
    );
  }
  if (roster.status === 'feasible') parts.push(`The solver stopped at a gap of ${pct(roster.solver.gap ?? 1)} to the best possible cost.`);
  return parts.join(' ');
}

// Agents of the pool on shift per slot, from the shifts, compared with the cap.
function atMaxAgents(problem: RosterProblem, roster: Omit<Roster, 'explanation'>, poolId: string, max: number): number {
  const index = new Map(problem.slots.map((s, h) => [s.label, h]));
  const n = problem.slots.length;
  const heads = new Array<number>(n).fill(0);
  for (const s of roster.shifts.filter((s) => s.pool === poolId))
    for (let k = 0; k < s.hours; k++) heads[(index.get(s.start)! + k) % n] += s.agents;
  return heads.filter((h) => h >= max).length;
}

const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
const money = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });
