import { assembleRoster, round6, type Counts } from './assemble.js';
import { explainInfeasible } from './explain.js';
import { solveWithHighs } from './highs.js';
import { buildRosterModel, type RosterModel } from './model.js';
import { narrateRoster } from './narrate.js';
import type { Roster, RosterProblem } from './types.js';
import { verifyRoster } from './verify.js';
import { roundedRelaxation } from './warmStart.js';

/**
 * The cheapest roster for the week under the hard rules (SPEC section 3), solved with HiGHS and
 * verified from its shifts before it is returned. Never throws for an infeasible week: the
 * result then has status `infeasible` and an explanation naming the rule and the number that
 * fixes it. Same problem in, same roster out.
 */
export async function solveRoster(problem: RosterProblem): Promise<Roster> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const { timeLimitSeconds, mipRelGap } = problem.solver;
  const model = buildRosterModel(problem);

  // The relaxation rounded up seeds HiGHS with a roster and is the fallback if HiGHS finds none.
  const seed = await roundedRelaxation(problem, model, timeLimitSeconds);
  const mip = await solveWithHighs(model.program, { timeLimitSeconds: Math.max(1, timeLimitSeconds - elapsed()), mipRelGap, start: seed?.counts });
  if (mip.status === 'infeasible') {
    const why = await explainInfeasible(problem, Math.max(1, timeLimitSeconds - elapsed()));
    return infeasibleRoster(problem, why, elapsed());
  }

  // Integer values rounded, then checked from the shifts alone; a failing answer is not returned.
  const candidates: Counts[] = [];
  if (mip.status === 'optimal' || mip.status === 'feasible') candidates.push(roundCounts(model, mip.values));
  if (seed) candidates.push(seed.counts);
  const failures: string[] = [];
  for (const counts of candidates) {
    const body = assembleRoster(problem, model, counts);
    const objective = round6(body.cost.total + body.cost.shortfall_penalty);
    const bound = mip.bound ?? seed?.lpBound ?? null;
    const gap = bound === null ? null : objective > 0 ? round6(Math.max(0, (objective - bound) / objective)) : 0;
    const solver = { name: 'highs', seconds: round6(elapsed()), objective, bound: bound === null ? null : round6(bound), gap };
    const draft: Roster = { status: gap !== null && gap <= mipRelGap + 1e-9 ? 'optimal' : 'feasible', ...body, solver, explanation: '' };
    const errors = verifyRoster(problem, draft);
    if (errors.length === 0) return { ...draft, explanation: narrateRoster(problem, draft) };
    failures.push(errors[0]);
  }
  const why = failures.length > 0
    ? `No verified roster: the solver's answer failed the independent check (${failures[0]}).`
    : `HiGHS found no roster within the time limit of ${timeLimitSeconds} s (${mip.detail}); raise solver.time_limit_seconds.`;
  return infeasibleRoster(problem, why, elapsed());
}

function roundCounts(model: RosterModel, values: Map<string, number>): Counts {
  return new Map(model.decisions.map((d) => [d.name, Math.max(0, Math.round(values.get(d.name) ?? 0))]));
}

/** The roster.json of a week with no valid roster: no shifts, every hour short of its need. */
function infeasibleRoster(problem: RosterProblem, explanation: string, seconds: number): Roster {
  const need = problem.slots.reduce((a, s) => a + s.staffNeeded, 0);
  return {
    status: 'infeasible',
    week_start: problem.slots[0].label,
    shifts: [],
    tours: [],
    hourly: problem.slots.map((s) => ({ timestamp: s.label, staff_needed: s.staffNeeded, staffed: 0, shortfall: s.staffNeeded })),
    cost: { total: 0, by_pool: Object.fromEntries(problem.pools.map((p) => [p.id, 0])), shortfall_penalty: round6(problem.shortfallPenalty * need) },
    kpis: { outsourced_share: 0, night_coverage: problem.slots.some((s) => s.night && s.staffNeeded > 0) ? 0 : 1, coverage: need > 0 ? 0 : 1, budget_used: problem.budget ? 0 : null },
    solver: { name: 'highs', seconds: round6(seconds), objective: null, bound: null, gap: null },
    shadow_prices: [],
    explanation,
  };
}
