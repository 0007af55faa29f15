import { solveRoster } from '../solve/solve.js';
import type { Roster, RosterProblem } from '../types.js';
import { fullCoverageProblem } from './fullCoverage.js';

/** The seed operation's remedy for a week whose full coverage is over budget: outsource more. */
export interface BudgetRemedy {
  /** The least max_outsourced_share (0.01 steps above the cap) whose re-solved full-coverage roster fits the budget; null if none does. */
  share: number | null;
  /** The roster re-solved at that share (with no cap when none fits); null when no roster covering every hour was found. */
  roster: Roster | null;
  /** Per outsourced pool, its part of the roster's outsourced paid hours (the vendor split). */
  split: Record<string, number>;
  /** Roster solves the search made (at most 1 + log2 of the grid points above the cap). */
  solves: number;
}

/** The grid the share is searched on: a cap finance can type. */
const STEP = 0.01;
/** Each re-solve is short: the search makes up to eight, and a plan should not take minutes more. */
const SOLVE_SECONDS = 5;

/**
 * Searches the least outsourced share cap for which the real solver's roster covering every
 * hour (floors raised to the whole need, budget left out) costs no more than the budget. One
 * solve with no cap decides whether any share can fit; then bisection over the grid above the
 * current cap, which is assumed over budget (the `over_budget` alert's bound says so). The cost
 * falls as the cap rises, up to the solver's limits: the share returned is the one whose own
 * solve fitted, so re-solving at it fits.
 */
export async function budgetRemedy(problem: RosterProblem): Promise<BudgetRemedy> {
  const budget = problem.budget;
  if (budget === null) throw new Error('budgetRemedy needs a budget');
  const full = fullCoverageProblem(problem);
  const timeLimitSeconds = Math.min(SOLVE_SECONDS, problem.solver.timeLimitSeconds);
  let solves = 0;
  const solveAt = async (share: number | null) => {
    solves++;
    const roster = await solveRoster({ ...full, maxOutsourcedShare: share }, { timeLimitSeconds });
    return roster.status === 'infeasible' ? null : roster;
  };
  const fits = (roster: Roster | null): roster is Roster => roster !== null && roster.cost.total <= budget * (1 + 1e-9);

  const uncapped = await solveAt(null);
  if (!fits(uncapped)) return { share: null, roster: uncapped, split: vendorSplit(problem, uncapped), solves };
  // Grid indices: `low` over budget (the current cap), `high` fits (with its roster).
  let low = Math.floor((problem.maxOutsourcedShare ?? 1) / STEP + 1e-9);
  let high = Math.round(1 / STEP);
  let best = uncapped;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    const roster = await solveAt(mid * STEP);
    if (fits(roster)) [high, best] = [mid, roster];
    else low = mid;
  }
  const share = Math.round(high * STEP * 100) / 100;
  return { share, roster: best, split: vendorSplit(problem, best), solves };
}

/** Each outsourced pool's part of the roster's outsourced paid hours; empty without any. */
function vendorSplit(problem: RosterProblem, roster: Roster | null): Record<string, number> {
  const outsourced = new Set(problem.pools.filter((p) => p.kind === 'outsourced').map((p) => p.id));
  const hours = new Map<string, number>();
  for (const s of roster?.shifts ?? []) if (outsourced.has(s.pool)) hours.set(s.pool, (hours.get(s.pool) ?? 0) + s.agents * s.hours);
  const total = [...hours.values()].reduce((a, b) => a + b, 0);
  return total > 0 ? Object.fromEntries([...hours].map(([pool, h]) => [pool, Math.round((h / total) * 1000) / 1000])) : {};
}
