import { assembleRoster, roundCounts, type Counts } from '../solve/assemble.js';
import { roundingCuts } from '../model/cuts.js';
import { mergeSplits } from '../model/dominance.js';
import { roundAndRepair } from '../solve/heuristic.js';
import { solveWithHighs, type SolverOutcome } from '../solve/highs.js';
import type { LinearProgram, LinearRow } from '../model/lpFormat.js';
import { buildRosterModel, lpName, type RosterModel, type RuleSelection } from '../model/model.js';
import { coverStandby } from '../solve/standbyCover.js';
import { startVector } from '../solve/startVector.js';
import type { Pool } from '../../domain/config.js';
import type { Roster, RosterProblem, RosterSlot } from '../types.js';
import { verifyRoster } from '../verify.js';
import { roundTo } from '../../domain/round.js';
import { addDaysToDate } from '../../domain/time.js';

/** How the diagnosis of a week without a roster runs. */
export interface ExplainOptions {
  /**
   * True when no roster exists for certain (the full model's LP relaxation is infeasible, or
   * HiGHS' search proved it); false when the search merely stopped without finding one.
   */
  proven: boolean;
  /** Time for the integer searches that pin the numbers down; the LP proofs do not depend on it. */
  timeLimitSeconds: number;
  /** Work budget of each integer search (simplex iterations), as for the roster's own solve. */
  iterationLimit: number;
  inThread?: boolean;
  /** Unproven case: HiGHS' words for why the search stopped, and the limit the user set. */
  stopped?: string;
  userLimitSeconds?: number;
}

// The LPs here solve in well under a second at every size measured; this limit is only a safety
// net, far above any solver time limit, so that a short limit or a loaded machine cannot change
// which rule is named (issue #11: the rule once came from what a time-limited MIP search reached).
const PROOF_SECONDS = 300;
// The floors are diagnosed without the standby cover first: a floor out of reach is named as such.
const FLOORS: RuleSelection = { budget: false, outsourcedShare: false, maxAgents: true, standby: false };
const FLOORS_AND_STANDBY: RuleSelection = { ...FLOORS, standby: true };
const FLOORS_AND_SHARE: RuleSelection = { budget: false, outsourcedShare: true, maxAgents: true, standby: true };

/** The roster model under some rules, minimising cost alone, with the rounding cuts (valid for every roster). */
interface CostModel {
  rules: RuleSelection;
  model: RosterModel;
  program: LinearProgram;
}

/** The least cost of a roster meeting a CostModel's rules, as far as the proofs and the search got. */
interface LeastCost {
  /** Total cost of a verified roster meeting the rules (a budget of this much is enough); null if none found. */
  cost: number | null;
  /** Proven lower bound on the least cost (LP relaxation or MIP dual bound); null if unknown. */
  bound: number | null;
  /** HiGHS proved that no integer roster meets the rules. */
  infeasible: boolean;
}

/**
 * Why no roster was found, in a sentence that names the rule and the number that would make the
 * week feasible. The rule is decided by proofs, never by how far a time-limited search got: LP
 * relaxations (with the rounding cuts, valid for every integer roster) of the floors under
 * max_agents, start hours and shift lengths; then with the outsourced share; then their least
 * cost against the budget. A relaxation that is infeasible, or whose least cost exceeds the
 * budget, proves the rule binds. Only when every relaxation holds but the integer model was
 * proven infeasible do integer searches decide (a roster found is itself the proof), and a search
 * that stops undecided is reported as such. Numbers come as a proven lower bound and, when a
 * verified roster reaches it, the exact figure.
 */
export async function explainInfeasible(problem: RosterProblem, options: ExplainOptions): Promise<string> {
  const team = problem.teams && problem.teams.length > 0 ? await teamShortfall(problem, options) : null;
  if (team) return team;
  const bare = costModel(problem, FLOORS);
  const bareLp = await relaxation(bare, options);
  if (bareLp.status === 'infeasible') return unreachableFloors(problem, true, options);
  // From here the floors come with the standby cover (their cost includes the retainers).
  const floors = problem.standby ? costModel(problem, FLOORS_AND_STANDBY) : bare;
  const floorsLp = floors === bare ? bareLp : await relaxation(floors, options);
  if (floorsLp.status === 'infeasible') return standbyOutOfReach(problem, options);

  const withShare = problem.maxOutsourcedShare !== null ? costModel(problem, FLOORS_AND_SHARE) : floors;
  const withShareLp = withShare === floors ? floorsLp : await relaxation(withShare, options);
  if (withShareLp.status === 'infeasible') return shareTooSmall(problem, floors, options);

  const lpCost = withShareLp.status === 'optimal' ? withShareLp.objective! : null;
  if (problem.budget !== null && lpCost !== null && exceeds(lpCost, problem.budget)) {
    return budgetTooSmall(problem, await leastCost(problem, withShare, withShareLp, options), lpCost, false);
  }
  const relaxed = floorsLp.status === 'optimal' && withShareLp.status === 'optimal';
  if (!options.proven) return noRosterInTime(options.userLimitSeconds ?? options.timeLimitSeconds, options.stopped ?? '', relaxed);

  // Every relaxation holds, yet HiGHS proved no integer roster exists: integer searches decide.
  const least = await leastCost(problem, withShare, withShareLp, options);
  if (least.cost !== null && problem.budget !== null && exceeds(least.cost, problem.budget))
    return budgetTooSmall(problem, least, lpCost, true);
  if (least.infeasible) {
    if (withShare === floors) return unreachableFloors(problem, false, options);
    const floorsOnly = await leastCost(problem, floors, floorsLp, options);
    if (floorsOnly.cost !== null) return shareTooSmall(problem, floors, options);
    if (floorsOnly.infeasible) return unreachableFloors(problem, false, options);
  }
  if (least.cost !== null) {
    // Only solver tolerances could bring this: say so rather than blame a rule.
    return `HiGHS reported no roster, yet a roster that meets every hard rule was found by the check (cost ${least.cost}); solve again with a longer solver.time_limit_seconds.`;
  }
  return `HiGHS proved that no roster meets every hard rule, but the LP relaxation meets them all and the searches that single out the rule stopped undecided within ${options.timeLimitSeconds} s; raise solver.time_limit_seconds to have the rule named.`;
}

/**
 * Named pools (issue 14): why their teams cannot staff the week, or null when they are not what
 * stands in the way. An agent whose contract no week meets is named first. Otherwise, when the
 * coverage floors' LP relaxation (then with the outsourced share cap) fails with the teams'
 * limits (TeamCapacity) and holds without them, the teams are proven to be the cause: an LP that relieves each team row by a slack, at
 * least cost in agent-hours (an agent or a shift weighs the pool's longest shift), says per pool
 * what is missing: agent-hours, agent-days, or agents free to start on a date.
 */
async function teamShortfall(problem: RosterProblem, options: ExplainOptions): Promise<string | null> {
  const teams = problem.teams!;
  const unschedulable = teams.flatMap((t) => t.unschedulable.map((u) => ({ pool: t.pool, ...u })));
  if (unschedulable.length > 0) {
    const shown = unschedulable.slice(0, 3).map((u) => `${u.why} (pool ${u.pool})`);
    const more = unschedulable.length > 3 ? `; and ${unschedulable.length - 3} more` : '';
    return `No schedule can meet every agent's contract: ${shown.join('; ')}${more}. Lower min_hours, shorten the leave or change the pool's shift lengths.`;
  }
  // The floors alone, then with the outsourced share cap (in-house teams too small push work to vendors).
  const share = problem.maxOutsourcedShare;
  let rules = FLOORS;
  let floors = costModel(problem, rules);
  if ((await relaxation(floors, options)).status !== 'infeasible') {
    const overBudget = () => (problem.budget !== null ? contractsOverBudget(problem, options) : null);
    if (share === null) return overBudget();
    rules = FLOORS_AND_SHARE;
    floors = costModel(problem, rules);
    if ((await relaxation(floors, options)).status !== 'infeasible') return overBudget();
  }
  const open = costModel({ ...problem, teams: undefined }, rules);
  if ((await relaxation(open, options)).status !== 'optimal') return null;

  const longest = new Map(problem.pools.map((p) => [lpName(p.id), Math.max(...p.shift_lengths)]));
  const relief = (row: LinearRow) => `relief_${row.name}`;
  const teamRow = (row: LinearRow) => row.name.startsWith('team_');
  // The longest pool id that prefixes the row's name (pool `a` must not claim pool `a_b`'s rows).
  const poolOf = (row: LinearRow) =>
    teams.filter((t) => row.name.startsWith(`team_${lpName(t.pool)}_`)).reduce((a, b) => (b.pool.length > a.pool.length ? b : a));
  const rows = floors.program.rows.map((r) =>
    teamRow(r) ? { ...r, terms: [...r.terms, { variable: relief(r), coef: r.sense === '<=' ? -1 : 1 }] } : r,
  );
  const weight = (r: LinearRow) => (/_hours_(min|max)$/.test(r.name) ? 1 : (longest.get(lpName(poolOf(r).pool)) ?? 8));
  const objective = floors.program.rows.filter(teamRow).map((r) => ({ variable: relief(r), coef: weight(r) }));
  const lp = await solveWithHighs(
    { objective, rows, integers: floors.program.integers },
    { timeLimitSeconds: PROOF_SECONDS, mipRelGap: 0, relax: true, inThread: options.inThread },
  );
  if (lp.status !== 'optimal') return null;
  const byPool = new Map<string, string[]>();
  // Largest relief (in agent-hours) first.
  const relieved = floors.program.rows
    .filter(teamRow)
    .map((r) => ({ r, v: lp.values.get(relief(r)) ?? 0 }))
    .filter(({ v }) => v > 1e-6)
    .sort((a, b) => b.v * weight(b.r) - a.v * weight(a.r));
  for (const { r, v } of relieved) {
    const team = poolOf(r);
    const kind = r.name.slice(`team_${lpName(team.pool)}_`.length);
    const date = (day: string) => addDaysToDate(problem.weekStart, Number(day));
    const agents = (k: number) => `${k} more agent${k === 1 ? '' : 's'}`;
    const k = Math.ceil(v - 1e-6);
    const [what, day] = kind.split('_');
    const text =
      kind === 'hours_max'
        ? `${roundTo(v, 2)} agent-hours beyond the ${team.maxHours} h its agents can work (max_hours, leave, max_days)`
        : kind === 'shifts_max'
          ? `${k} shifts beyond the ${team.maxShifts} days its agents can work (max_days, leave)`
          : kind === 'hours_min'
            ? `its agents' min_hours force ${roundTo(v, 2)} h more than the other rules allow`
            : kind === 'shifts_min'
              ? `its agents' min_hours force ${k} shifts more than the other rules allow`
              : what === 'starts'
                ? `${agents(k)} free to start a shift on ${date(day)} (${team.startsByDay[Number(day)]} can)`
                : what === 'night'
                  ? `${agents(k)} with night = yes free on ${date(day)} (${team.nightStartsByDay[Number(day)]} can take a night shift)`
                  : `${agents(k)} free for some of the shifts starting on ${date(day)} (${team.startCaps[Number(kind.split('_')[2])]?.agents ?? '?'} can)`;
    byPool.set(team.pool, [...(byPool.get(team.pool) ?? []), text]);
  }
  if (byPool.size === 0) return null;
  const parts = [...byPool].map(([pool, texts]) => {
    const shown = texts.slice(0, 4).join('; ') + (texts.length > 4 ? `; and ${texts.length - 4} more` : '');
    return `pool ${pool} is short by ${shown}`;
  });
  const withShare = rules === FLOORS_AND_SHARE ? ` with the outsourced share within its cap of ${pct(share!)}` : '';
  const orShare = rules === FLOORS_AND_SHARE ? ', raise max_outsourced_share' : '';
  return `The named agents cannot staff what the coverage floors need${withShare} (proven by the LP relaxation: the floors can be met without the teams' limits, not with them; the least relief it finds): ${parts.join('. Then ')}. Add agents, move leave, raise max_hours or max_days${orShare}, or lower min_coverage.`;
}

/**
 * Named pools with a budget: when the least cost of the floors (LP relaxation, the other rules
 * kept) exceeds the budget with the teams' minimums (min_hours, and the shifts they force) and not
 * without them, the contracts are what the budget cannot pay; else null.
 */
async function contractsOverBudget(problem: RosterProblem, options: ExplainOptions): Promise<string | null> {
  const budget = problem.budget!;
  const withMins = costModel(problem, problem.maxOutsourcedShare !== null ? FLOORS_AND_SHARE : FLOORS);
  const lp = await relaxation(withMins, options);
  if (lp.status !== 'optimal' || !exceeds(lp.objective!, budget)) return null;
  const isMin = (r: LinearRow) => r.name.startsWith('team_') && /_(hours|shifts)_min$/.test(r.name);
  const rows = withMins.program.rows.filter((r) => !isMin(r));
  const without = await relaxation({ ...withMins, program: { ...withMins.program, rows } }, options);
  if (without.status !== 'optimal' || exceeds(without.objective!, budget)) return null;
  const least = Math.ceil(lp.objective! - 1e-7 * Math.max(1, lp.objective!));
  const pools = problem
    .teams!.filter((t) => t.minHours > 0)
    .map((t) => `pool ${t.pool}: ${roundTo(t.minHours, 2)} h`)
    .join(', ');
  return `The budget of ${budget} cannot pay the agents' contract minimums (proven by the LP relaxation): with their min_hours (${pools}) the coverage floors cost at least ${least}, without them ${roundTo(without.objective!, 2)} fits the budget; lower min_hours or raise the budget to at least ${least}.`;
}

/**
 * The sentence for a search that stopped at its limit without any roster: not an infeasibility.
 * @param relaxed whether the LP relaxation meets every hard rule (then a rule is not the cause)
 */
export function noRosterInTime(limitSeconds: number, stopped: string, relaxed: boolean): string {
  const rules = relaxed
    ? 'no hard rule is proven to be in the way (the LP relaxation meets them all)'
    : 'whether a roster exists is not known';
  return `No roster found: the search reached its limit (${limitSeconds} s; ${stopped || 'stopped'}) before finding one, and ${rules}; raise solver.time_limit_seconds.`;
}

/**
 * The standby cover out of reach (proven by the LP relaxation): the largest share of the hi80
 * need that planned and on-call staff can back up in every hour at once, under max_agents, start
 * hours and shift lengths, and what to change.
 */
async function standbyOutOfReach(problem: RosterProblem, options: ExplainOptions): Promise<string> {
  const { model, program } = costModel(problem, FLOORS_AND_STANDBY);
  // Each standby row asks for theta x its need; the LP finds the largest theta (at most 1).
  const covers = new Set(model.standbyRows.map((r) => r.name));
  const rows = program.rows.map((r) =>
    covers.has(r.name) ? { ...r, terms: [...r.terms, { variable: 'theta', coef: -r.rhs }], rhs: 0 } : r,
  );
  rows.push({ name: 'theta_most', terms: [{ variable: 'theta', coef: 1 }], sense: '<=', rhs: 1 });
  const lp = await solveWithHighs(
    { objective: [{ variable: 'theta', coef: -1 }], rows, integers: [] },
    { timeLimitSeconds: PROOF_SECONDS, mipRelGap: 0, relax: true, inThread: options.inThread },
  );
  const { coverage, pools } = problem.standby!;
  const ids = pools.map((p) => p.id).join(', ');
  const reach = lp.status === 'optimal' ? Math.floor(-lp.objective! * coverage * 100 + 1e-7) / 100 : null;
  const most = reach !== null ? `; at most ${reach} can be met, so lower standby.coverage to ${reach}` : '';
  return `No roster backs up the forecast's hi80 in every hour with standby.coverage ${coverage} (proven by the LP relaxation): the standby pools' (${ids}) max_agents, start hours and shift lengths, with the other pools at their max_agents, cannot reach it${most}, or raise the standby pools' max_agents or allow them more start hours.`;
}

function costModel(problem: RosterProblem, rules: RuleSelection): CostModel {
  const model = buildRosterModel(problem, rules);
  const objective = [...model.decisions, ...model.onCall].map((d) => ({ variable: d.name, coef: d.cost }));
  // Shortfall rows constrain nothing once the penalty is out of the objective: left out.
  const rows = [...model.program.rows, ...roundingCuts(problem, model)].filter(
    (r) => !r.name.startsWith('cover_') && !r.name.startsWith('mir_cover_'),
  );
  return { rules, model, program: { objective, rows, integers: model.program.integers } };
}

function relaxation(m: CostModel, options: ExplainOptions): Promise<SolverOutcome> {
  return solveWithHighs(m.program, { timeLimitSeconds: PROOF_SECONDS, mipRelGap: 0, relax: true, inThread: options.inThread });
}

// An LP optimum above the budget beyond the solver's relative tolerance.
const exceeds = (cost: number, budget: number) => cost > budget + 1e-7 * Math.max(1, Math.abs(budget));

/** The problem the CostModel's rules describe: no budget, no penalty (cost alone), the share and standby cover if kept. */
function variantOf(problem: RosterProblem, rules: RuleSelection): RosterProblem {
  return {
    ...problem,
    budget: null,
    shortfallPenalty: 0,
    maxOutsourcedShare: rules.outsourcedShare ? problem.maxOutsourcedShare : null,
    standby: rules.standby ? problem.standby : undefined,
  };
}

/**
 * The least cost under the CostModel's rules: the LP optimum and the MIP dual bound below it,
 * and above it the cheapest verified roster among the rounded relaxation and HiGHS' incumbent.
 */
async function leastCost(problem: RosterProblem, m: CostModel, lp: SolverOutcome, options: ExplainOptions): Promise<LeastCost> {
  const variant = variantOf(problem, m.rules);
  const rounded = lp.status === 'optimal' ? roundAndRepair(variant, m.model, lp.values) : null;
  const seed = rounded && { counts: coverStandby(variant, m.model, rounded.counts) };
  const mip = await solveWithHighs(m.program, {
    timeLimitSeconds: options.timeLimitSeconds,
    mipRelGap: 0,
    start: seed ? startVector(variant, m.model, seed.counts) : undefined,
    iterationLimit: options.iterationLimit,
    inThread: options.inThread,
  });
  const found = [seed?.counts, mip.status === 'optimal' || mip.status === 'feasible' ? roundCounts(m.model, mip.values) : undefined];
  const costs = found.flatMap((counts) => (counts ? [verifiedCost(variant, m.model, counts)] : [])).filter((c): c is number => c !== null);
  const bounds = [lp.status === 'optimal' ? lp.objective : null, mip.bound].filter((b): b is number => b !== null && Number.isFinite(b));
  return {
    cost: costs.length > 0 ? Math.min(...costs) : null,
    bound: bounds.length > 0 ? Math.max(...bounds) : null,
    infeasible: mip.status === 'infeasible',
  };
}

/** A roster's total cost when it passes the independent check under the problem's rules, else null. */
function verifiedCost(problem: RosterProblem, model: RosterModel, counts: Counts): number | null {
  const body = assembleRoster(problem, model, mergeSplits(model.merges, counts));
  const roster: Roster = {
    status: 'feasible',
    ...body,
    solver: { name: 'highs', seconds: 0, objective: null, bound: null, gap: null },
    explanation: '',
  };
  return verifyRoster(problem, roster).length === 0 ? body.cost.total : null;
}

/**
 * The budget sentence: the least budget lies between the proven lower bound and the cost of a
 * verified roster; one figure when the two meet (in whole currency units).
 * @param aboveBudget the full model is proven infeasible and a roster under the other rules exists: the least cost exceeds the budget
 */
function budgetTooSmall(problem: RosterProblem, least: LeastCost, lpCost: number | null, aboveBudget: boolean): string {
  const budget = problem.budget!;
  const bounds = [least.bound, lpCost].filter((b): b is number => b !== null);
  let low = bounds.length > 0 ? Math.ceil(Math.max(...bounds) - 1e-7 * Math.max(1, Math.max(...bounds))) : -Infinity;
  if (aboveBudget) low = Math.max(low, Math.floor(budget) + 1);
  const high = least.cost === null ? null : Math.ceil(least.cost - 1e-6);
  const head = `The budget of ${budget} is too small: the least cost that meets the coverage floors under the other rules`;
  if (high !== null && low >= high) return `${head} is ${high}; raise the budget to at least ${high} or lower min_coverage.`;
  const proof = aboveBudget
    ? 'no roster within the budget exists, as HiGHS proved'
    : 'a proven lower bound, from the LP relaxation and the search';
  if (high !== null)
    return `${head} is at least ${low} (${proof}) and at most ${high} (a roster that meets them costs that); raise the budget to ${high}, which is known to be enough (none below ${low} can be), or lower min_coverage.`;
  return `${head} is at least ${low} (${proof}; the search found no roster within its limit to pin it down); raise the budget to at least ${low} or lower min_coverage.`;
}

/**
 * The share sentence, called once the share is proven to bind. The least share lies between
 * the LP relaxation's least ratio (a proven lower bound) and the share of a verified roster
 * found by the integer search; one figure when the two round (up, to 0.001) to the same.
 */
async function shareTooSmall(problem: RosterProblem, floors: CostModel, options: ExplainOptions): Promise<string> {
  const cap = problem.maxOutsourcedShare!;
  const ratio = await leastOutsourcedShare(problem, floors, true, options);
  const high = await leastOutsourcedShare(problem, floors, false, options);
  // The least cap on the 0.001 grid that the LP ratio allows: no smaller cap can hold.
  const low = ratio === null ? null : Math.ceil(ratio * 1000 - 1e-6) / 1000;
  const head = `The outsourced share cap of ${pct(cap)} cannot hold: the in-house pools' max_agents leave too few in-house hours, and the least outsourced share that meets the coverage floors`;
  if (high !== null && low !== null && low >= high)
    return `${head} is ${pct(high)}; raise max_outsourced_share to at least ${high} or in-house max_agents.`;
  if (high !== null)
    return `${head} is at most ${pct(high)} (a roster found has that share)${low !== null ? ` and at least ${pct(low)} (proven by the LP relaxation)` : ''}; raise max_outsourced_share to ${high}, which is known to be enough, or in-house max_agents.`;
  if (low !== null)
    return `${head} is at least ${pct(low)} (proven by the LP relaxation; the search found no roster within its limit to pin it down); raise max_outsourced_share to at least ${low} or in-house max_agents.`;
  return `The outsourced share cap of ${pct(cap)} cannot hold under the in-house pools' max_agents (proven by the LP relaxation); raise max_outsourced_share or in-house max_agents.`;
}

/**
 * The least outsourced share of paid hours among rosters meeting the floors and max_agents
 * (Dinkelbach's method: minimise outsourced - s x paid, move s to the ratio found, repeat).
 * `relax`: over the LP relaxation, where the method converges to the least ratio, a proven lower
 * bound (null when it cannot finish). Otherwise over integer rosters: the least share found,
 * rounded up to 0.001 and verified by its roster, so raising the cap to it works (null when no
 * roster was found).
 */
async function leastOutsourcedShare(
  problem: RosterProblem,
  floors: CostModel,
  relax: boolean,
  options: ExplainOptions,
): Promise<number | null> {
  const { model } = floors;
  const rows = floors.program.rows;
  let share = 1;
  let best: number | null = null;
  for (let round = 0; round < 8; round++) {
    const objective = model.decisions.map((d) => ({
      variable: d.name,
      coef: d.paidHours * ((d.pool.kind === 'outsourced' ? 1 : 0) - share),
    }));
    const timeLimitSeconds = relax ? PROOF_SECONDS : options.timeLimitSeconds / 8;
    const result = await solveWithHighs(
      { ...floors.program, objective, rows },
      { timeLimitSeconds, mipRelGap: 0, relax, iterationLimit: relax ? undefined : options.iterationLimit / 8, inThread: options.inThread },
    );
    if (result.status !== 'optimal' && result.status !== 'feasible') return relax ? null : best;
    const counts = roundCounts(model, result.values);
    let paid = 0;
    let outsourced = 0;
    for (const d of model.decisions) {
      const agents = relax ? (result.values.get(d.name) ?? 0) : counts.get(d.name)!;
      paid += agents * d.paidHours;
      if (d.pool.kind === 'outsourced') outsourced += agents * d.paidHours;
    }
    const found = paid > 0 ? outsourced / paid : 0;
    if (!relax) {
      const rounded = Math.ceil(found * 1000 - 1e-6) / 1000;
      const variant = { ...variantOf(problem, FLOORS), maxOutsourcedShare: rounded };
      if (verifiedCost(variant, model, counts) !== null && (best === null || rounded < best)) best = rounded;
    }
    // Converged: no roster has a ratio below `share` (the LP optimum is ~0; for the MIP, as far as it searched).
    if (found >= share - 1e-9) return relax ? (result.status === 'optimal' ? share : null) : best;
    share = found;
  }
  return relax ? null : best;
}

/**
 * The least raise of every capped pool's max_agents that lets the floors be met: over the LP
 * relaxation a proven lower bound (rounded up), over integer rosters the raise a roster needs.
 */
async function leastCapRaise(problem: RosterProblem, relax: boolean, options: ExplainOptions): Promise<number | null> {
  const { program: floors } = costModel(problem, FLOORS);
  const rows = floors.rows.map((r) => (r.name.startsWith('max_') ? { ...r, terms: [...r.terms, { variable: 'raise', coef: -1 }] } : r));
  const program = { objective: [{ variable: 'raise', coef: 1 }], rows, integers: [...floors.integers, 'raise'] };
  const result = await solveWithHighs(program, {
    timeLimitSeconds: relax ? PROOF_SECONDS : options.timeLimitSeconds,
    mipRelGap: 0,
    relax,
    iterationLimit: relax ? undefined : options.iterationLimit,
    inThread: options.inThread,
  });
  if (result.status !== 'optimal' && result.status !== 'feasible') return null;
  return Math.ceil(result.objective! - 1e-6);
}

/**
 * The floors out of reach of max_agents, start hours and shift lengths (proven by the LP
 * relaxation when `relax`, else by HiGHS' search): the hours whose floor exceeds what every pool
 * together may staff there, or else the least raise of every capped pool's max_agents.
 */
async function unreachableFloors(problem: RosterProblem, relax: boolean, options: ExplainOptions): Promise<string> {
  const { slots } = problem;
  // Untiered: all pools against the hour's floor. Tiered (Hall's condition): for every set U of
  // tiers, the pools serving any of them against the floors of U; the tiers are named.
  const groups = problem.tiers
    ? tierSets(problem.tiers.length).map((ks) => ({
        tiers: ks.map((k) => problem.tiers![k].name),
        pools: problem.pools.filter((p) => ks.some((k) => problem.tiers![k].pools.includes(p.id))),
        floor: (slot: RosterSlot) => ks.reduce((a, k) => a + slot.tiers![k].floor, 0),
      }))
    : [{ tiers: [] as string[], pools: problem.pools, floor: (slot: RosterSlot) => slot.floor }];
  const short = slots.flatMap((slot) => {
    // The hour's worst group (the first, fewest tiers, on ties).
    let worst: { label: string; floor: number; capacity: number; night: boolean; tiers: string[]; pools: Pool[] } | null = null;
    for (const g of groups) {
      const pools = g.pools.filter((p) => coversHour(p.start_hours, p.shift_lengths, slot.hourOfDay));
      const capacity = pools.reduce((a, p) => a + (p.max_agents ?? Infinity) * p.productivity, 0);
      const floor = g.floor(slot);
      if (floor > capacity + 1e-9 && (!worst || floor - capacity > worst.floor - worst.capacity + 1e-9))
        worst = { label: slot.label, floor, capacity, night: slot.night, tiers: g.tiers, pools };
    }
    return worst ? [worst] : [];
  });
  const lower = short.some((s) => s.night)
    ? short.some((s) => !s.night)
      ? 'min_coverage or night.min_coverage'
      : 'night.min_coverage'
    : 'min_coverage';
  if (short.length === 0) {
    const raise = await leastCapRaise(problem, relax, options);
    const proof = relax ? 'the LP relaxation' : "HiGHS' search";
    const by =
      raise !== null && raise > 0 ? `raise every capped pool's max_agents by ${relax ? 'at least ' : ''}${raise}` : 'raise max_agents';
    const tiers = problem.tiers ? ' (each tier staffed only by the pools that serve it)' : '';
    return `No roster meets the coverage floors${tiers} (proven by ${proof}): together, the pools' max_agents, start hours and shift lengths cannot reach them in every hour at once; ${by}, allow more start hours, or lower min_coverage.`;
  }
  const worst = short.reduce((a, b) => (b.floor - b.capacity > a.floor - a.capacity ? b : a));
  const listed =
    short
      .slice(0, 5)
      .map((s) => s.label)
      .join(', ') + (short.length > 5 ? ` and ${short.length - 5} more` : '');
  const missing = worst.floor - worst.capacity;
  // Per capped pool that can work that hour (and serves the tiers): the agents it alone would need on top of its cap.
  const hour = slots.find((s) => s.label === worst.label)!.hourOfDay;
  const covering = worst.pools;
  const perPool = covering
    .filter((p) => p.max_agents !== null)
    .map(
      (p) =>
        `${p.id}'s max_agents by ${Math.ceil(missing / p.productivity - 1e-9)} (to ${p.max_agents! + Math.ceil(missing / p.productivity - 1e-9)})`,
    );
  const fix =
    covering.length === 0
      ? `no pool${worst.tiers.length > 0 ? ' serving it' : ''}'s start hours and shift lengths reach ${String(hour).padStart(2, '0')}:00: allow a start hour that covers it${worst.tiers.length > 0 ? ' or let another pool serve the tier' : ''}`
      : `raise ${perPool.join(' or ')}${worst.tiers.length > 0 ? ', or let another pool serve the tier' : ''}`;
  const what = covering.length === 0 ? "pools' start hours and shift lengths" : "pools' max_agents";
  if (worst.tiers.length > 0) {
    const tier = worst.tiers.length === 1 ? `tier ${worst.tiers[0]}` : `tiers ${worst.tiers.join(', ')}`;
    const serving = covering.length > 0 ? ` (${covering.map((p) => p.id).join(', ')})` : '';
    const limits = covering.length === 0 ? 'start hours and shift lengths' : 'max_agents';
    return `The ${limits} of the pools serving ${tier}${serving} cannot reach the coverage floor of ${tier} in ${short.length} hour(s) (${listed}): at ${worst.label} they allow ${roundTo(worst.capacity, 2)} staff but the floor of ${tier} needs ${roundTo(worst.floor, 2)}; ${fix}, or lower ${lower}.`;
  }
  return `The ${what} cannot reach the coverage floor in ${short.length} hour(s) (${listed}): at ${worst.label} they allow ${roundTo(worst.capacity, 2)} staff but the floor needs ${roundTo(worst.floor, 2)}; ${fix}, or lower ${lower}.`;
}

/** Every non-empty set of tier indexes out of m, as index lists, singletons first. */
function tierSets(m: number): number[][] {
  const sets = Array.from({ length: (1 << m) - 1 }, (_, i) => Array.from({ length: m }, (_, k) => k).filter((k) => ((i + 1) >> k) & 1));
  return sets.sort((a, b) => a.length - b.length);
}

// Whether some shift of the pool can be on at this hour of day (a start within the last L hours).
function coversHour(startHours: number[] | null, lengths: number[], hour: number): boolean {
  if (startHours === null) return true;
  return startHours.some((s) => lengths.some((l) => (hour - s + 24) % 24 < l));
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;
