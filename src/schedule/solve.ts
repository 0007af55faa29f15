import { InputError } from '../domain/errors.js';
import { roundTo } from '../domain/round.js';
import { addDaysToDate, HOUR_MS, type Weekday } from '../domain/time.js';
import { mergeSplits } from '../roster/model/dominance.js';
import type { LinearProgram, LinearRow } from '../roster/model/lpFormat.js';
import { narrateRoster } from '../roster/explain/narrate.js';
import { assembleRoster, type Counts, weekdayName } from '../roster/solve/assemble.js';
import { exactStandby } from '../roster/solve/standbyCover.js';
import { solveWithHighs } from '../roster/solve/highs.js';
import { infeasibleRoster, solveRoster, type RosterSolveOptions } from '../roster/solve/solve.js';
import type { Roster, RosterProblem } from '../roster/types.js';
import { verifyRoster } from '../roster/verify.js';
import { blockedDays, type WeekFacts } from './agentWeek.js';
import { assignPatterns, improveSoftGoals } from './assign.js';
import { teamCapacity } from './capacity.js';
import { agentClasses } from './classes.js';
import { generatePatterns, type Generation } from './generate.js';
import { buildMaster, masterProgram, mustWork, type PatternGroup } from './master.js';
import { previousTail, type PatternShift, type PricingBoundary } from './pricing.js';
import type { Agent, ScheduledRoster, ScheduleInputs, ScheduleRow } from './types.js';
import { verifySchedule } from './verify.js';

// Safety nets, shares of the clock (CLOCK_SAFETY x the time limit): the column generation stops
// by the first, the dive by the second; the soft goals keep the last share.
const CLOCK_SAFETY = 2;
const GENERATION_SHARE = 0.6;
const DIVE_SHARE = 0.8;
const SOFT_GOALS_SHARE = 0.1;
// Work budgets, so that the same inputs give the same schedule: the clock decides only on a slow
// machine. The MIP's simplex iterations per second of time limit (the master's root LP is larger
// than the roster's); trades tried per agent (a team of 4,000 used about 120 in 3 s here);
// pricing problems per second of time limit (370 agents in 76 groups converged in about 900; the
// sample's team and 2,400 agents in 186 groups stop at this budget, the clock unreached).
const ITERATIONS_PER_SECOND = 1000;
const TRADES_PER_AGENT = 150;
const PRICINGS_PER_SECOND = 60;
// The completion of the dive when the MIP found nothing in time (completedDive): a safety net.
const COMPLETION_SECONDS = 20;

/**
 * The cheapest week of named shifts (SPEC section 6): every shift of the named pools goes to one of
 * their agents under the labour rules, the roster's rules of section 3 hold on the whole week, and
 * the other pools stay head counts. One optimisation, by price-and-branch:
 * 1. agents alike (same pool, contract, leave, wishes, night flag, last week's tail; pinned agents
 *    alone) form groups; column generation (generate.ts) solves the LP of the master (master.ts:
 *    the roster model with each named pool's shift counts tied to its groups' weekly patterns)
 *    over all patterns, which bounds every schedule from below;
 * 2. a dive from that LP (fixing whole agents on patterns, re-pricing) finds a whole-agent
 *    solution, which starts HiGHS on the master as a MIP over the patterns generated;
 * 3. agents get their group's patterns, and trades of shifts between agents of a pool that keep
 *    every count improve the soft goals (assign.ts): wishes, then weekend and night spread;
 * 4. the schedule (verify.ts) and the roster (roster/verify.ts) are checked by code that shares
 *    nothing with the model before the answer is returned.
 * The gap is measured against the generation's bound. A week whose agents cannot staff it has
 * status `infeasible`, explained from the head-count roster capped by the teams (capacity.ts),
 * which names the pool, the hours and the agent-hours missing, or from the agents who have no
 * week at all.
 */
export async function solveSchedule(
  problem: RosterProblem,
  inputs: ScheduleInputs,
  options: RosterSolveOptions = {},
): Promise<ScheduledRoster> {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const timeLimitSeconds = options.timeLimitSeconds ?? problem.solver.timeLimitSeconds;
  // The work budgets below follow the time limit; the clock stops the solve only at CLOCK_SAFETY
  // times it, so a loaded machine takes longer but gives the same schedule.
  const clock = CLOCK_SAFETY * timeLimitSeconds;
  const mipRelGap = options.mipRelGap ?? problem.solver.mipRelGap;
  const { slots } = problem;
  const numDays = slots[slots.length - 1].day + 1;
  if (numDays > 7)
    throw new InputError(
      { file: 'agents.csv', field: 'pool' },
      `named schedules are planned one week at a time; the horizon has ${Math.ceil(numDays / 7)} weeks`,
    );
  const week: WeekFacts = { slots, rules: inputs.rules };
  const failed = (explanation: string): ScheduledRoster => ({ roster: infeasibleRoster(problem, explanation, elapsed()), rows: [] });

  const teams = teamCapacity(problem, inputs.agents, inputs.rules);
  const hopeless = teams.flatMap((t) => t.unschedulable);
  if (hopeless.length > 0)
    return failed(
      `No schedule exists: ${hopeless
        .slice(0, 5)
        .map((u) => u.why)
        .join('; ')}${hopeless.length > 5 ? ` (and ${hopeless.length - 5} more)` : ''}.`,
    );
  const capped: RosterProblem = { ...problem, teams };
  const groups = patternGroups(problem, inputs);
  const master = buildMaster(capped, groups);
  const generation = await generatePatterns(capped, master, week, {
    pricings: PRICINGS_PER_SECOND * timeLimitSeconds,
    deadline: started + GENERATION_SHARE * clock * 1000,
    diveDeadline: started + DIVE_SHARE * clock * 1000,
  });
  if (generation.unschedulable.length > 0) {
    const who = generation.unschedulable.map((g) => groups[g].members.join(', '));
    return failed(
      `No schedule exists: no week of agent(s) ${who.join('; ')} meets the labour rules${inputs.pins?.length ? ' with their pinned shifts' : ''} (rest, consecutive days, hours and days, leave, night).`,
    );
  }

  // On-call shifts stay continuous while the agents' patterns are searched (a start that HiGHS
  // need not complete over them); their whole cover is laid over the schedule found (exactStandby).
  // The relaxation only lowers the bound, so it stays valid.
  const onCall = new Set(master.model.onCall.map((d) => d.name));
  const whole = masterProgram(master, generation.patterns, null);
  const program = { ...whole, integers: whole.integers.filter((name) => !onCall.has(name)) };
  const remaining = Math.max(1, clock * (1 - SOFT_GOALS_SHARE) - elapsed());
  const mip = await solveWithHighs(program, {
    timeLimitSeconds: remaining,
    mipRelGap,
    iterationLimit: options.iterationLimit ?? ITERATIONS_PER_SECOND * timeLimitSeconds,
    onProgress: options.onProgress,
    inThread: options.inThread,
    start: generation.dive ?? roundedStart(groups, generation),
  });
  // HiGHS completes a partial start only within a few hundred nodes: on a loaded machine the
  // sample's vendor and senior head counts outran that, and the clock, before any incumbent.
  // The dive's patterns are then completed as a MIP of their own (completedDive).
  const found =
    mip.status === 'optimal' || mip.status === 'feasible'
      ? mip
      : generation.dive && (await completedDive(program, generation.dive, mipRelGap, options.inThread));
  if (!found || (found.status !== 'optimal' && found.status !== 'feasible'))
    return failed(await whyNoSchedule(capped, generation.slackUsed, mip.detail, options));

  const counts: Counts = new Map([...found.values].map(([name, v]) => [name, Math.max(0, Math.round(v))]));
  const agents = assignPatterns(groups, generation.patterns, counts, numDays, slots);
  improveSoftGoals(agents, slots, week, (day) => weekdayName(problem.weekStart, day), {
    trades: TRADES_PER_AGENT * inputs.agents.length,
    deadline: started + clock * 1000,
  });
  const rows: ScheduleRow[] = agents.flatMap((a) =>
    a.days.flatMap((s) =>
      s
        ? [
            {
              agent: a.id,
              pool: a.group.pool.id,
              t: slots[s.start].t,
              date: addDaysToDate(problem.weekStart, slots[s.start].day),
              hours: s.hours,
            },
          ]
        : [],
    ),
  );

  const decisions = await exactStandby(problem, master.model, counts, {
    timeLimitSeconds: Math.max(1, clock - elapsed()),
    inThread: options.inThread,
  });
  if (!decisions)
    return failed(
      "No verified schedule: no whole on-call cover of the forecast hi80 fits the standby pools over the schedule found; raise the standby pools' max_agents.",
    );
  const body = assembleRoster(problem, master.model, mergeSplits(master.model.merges, decisions));
  const objective = roundTo(body.cost.total + body.cost.shortfall_penalty, 6);
  // A bound above a verified schedule's objective would be wrong: then no bound is claimed.
  const bound =
    Number.isFinite(generation.bound) && generation.bound <= objective + 1e-6 * Math.abs(objective)
      ? roundTo(Math.min(generation.bound, objective), 6)
      : null;
  const gap = bound === null ? null : objective > 0 ? roundTo(Math.max(0, (objective - bound) / objective), 6) : 0;
  const draft: Roster = {
    status: gap !== null && gap <= mipRelGap + 1e-9 ? 'optimal' : 'feasible',
    ...body,
    solver: { name: 'highs-price-and-branch', seconds: 0, objective, bound, gap },
    explanation: '',
  };
  const verdict = verifySchedule(problem, {
    rules: inputs.rules,
    agents: inputs.agents,
    rows,
    shifts: draft.shifts,
    previous: inputs.previous,
  });
  const errors = [...verifyRoster(problem, draft), ...verdict.errors, ...missingPins(inputs.pins ?? [], rows)];
  if (errors.length > 0) return failed(`No verified schedule: the solver's answer failed the independent check (${errors[0]}).`);
  const done: Roster = { ...draft, solver: { ...draft.solver, seconds: roundTo(elapsed(), 6) }, schedule: verdict.figures };
  return { roster: { ...done, explanation: `${narrateRoster(problem, done)} ${narrateSchedule(done)}` }, rows };
}

/**
 * The master's MIP with the dive's patterns fixed: the rest of the week (head-count pools, head
 * counts, on-call shifts) around the agents' weeks the dive found. Past the time limit when it
 * must: a schedule a little late beats none.
 */
function completedDive(program: LinearProgram, dive: Map<string, number>, mipRelGap: number, inThread?: boolean) {
  const fixed = [...dive].map(
    ([name, v]): LinearRow => ({ name: `fix_${name}`, terms: [{ variable: name, coef: 1 }], sense: '=', rhs: v }),
  );
  return solveWithHighs({ ...program, rows: [...program.rows, ...fixed] }, { timeLimitSeconds: COMPLETION_SECONDS, mipRelGap, inThread });
}

/**
 * A start for the MIP: each group's agents shared among its patterns in proportion to the last
 * LP (largest remainders; as many agents as the LP put to work, all of them when none may idle).
 * Only the patterns are given: HiGHS completes the rest of the solution or drops the start.
 */
function roundedStart(groups: readonly PatternGroup[], generation: Generation): Map<string, number> {
  const start = new Map<string, number>();
  groups.forEach((g, k) => {
    const mine = generation.patterns.filter((p) => p.group === k).map((p) => ({ name: p.name, lp: generation.agentsOn.get(p.name) ?? 0 }));
    const total = mine.reduce((a, p) => a + p.lp, 0);
    const agents = mustWork(g) ? g.members.length : Math.min(g.members.length, Math.round(total));
    const share = mine.map((p) => ({ ...p, n: total > 0 ? Math.floor((p.lp / total) * agents) : 0 }));
    let left = agents - share.reduce((a, p) => a + p.n, 0);
    for (const p of [...share].sort((a, b) => b.lp - Math.floor(b.lp) - (a.lp - Math.floor(a.lp)))) {
      if (left <= 0 || total === 0) break;
      p.n++;
      left--;
    }
    for (const p of share) start.set(p.name, p.n);
  });
  return start;
}

/**
 * Groups of agents priced as one: pinned agents alone, the others by last week's tail (with
 * `previous`) and then by their attributes within the week and the next (classes.ts).
 */
function patternGroups(problem: RosterProblem, inputs: ScheduleInputs): PatternGroup[] {
  const { slots, weekStart } = problem;
  const numDays = slots[slots.length - 1].day + 1;
  const poolOf = new Map(problem.pools.map((p) => [p.id, p]));
  const allDays = Array.from({ length: numDays }, (_, d) => d);
  const boundaryOf = boundaries(problem, inputs);
  const pinsOf = pinnedShifts(problem, inputs);
  const window = { from: weekStart, to: addDaysToDate(weekStart, 2 * numDays - 1) };
  const byBoundary = new Map<string, Agent[]>();
  const groups: PatternGroup[] = [];
  const add = (members: readonly Agent[], boundary: PricingBoundary, required: PatternShift[]) => {
    for (const c of agentClasses(members, window)) {
      const pool = poolOf.get(c.pool)!;
      groups.push({
        name: `g${groups.length}`,
        pool,
        members: c.members,
        agent: c,
        boundary,
        required,
        wishes: new Set(allDays.filter((d) => c.prefersOff.includes(weekdayName(weekStart, d) as Weekday))),
        week: { agent: c, blocked: blockedDays(c, weekStart, numDays), pool, boundary },
      });
    }
  };
  for (const agent of inputs.agents) {
    const pins = pinsOf.get(agent.id);
    if (pins) add([agent], boundaryOf(agent.id), pins);
    else {
      const key = JSON.stringify(boundaryOf(agent.id));
      byBoundary.set(key, [...(byBoundary.get(key) ?? []), agent]);
    }
  }
  for (const [key, members] of byBoundary) add(members, JSON.parse(key) as PricingBoundary, []);
  return groups;
}

/** Each agent's boundary with last week: the repeating week without `previous`, else its tail. */
function boundaries(problem: RosterProblem, inputs: ScheduleInputs): (agent: string) => PricingBoundary {
  if (!inputs.previous) return () => ({ wrap: true });
  const t0 = problem.slots[0].t;
  const day0 = Date.parse(`${problem.weekStart}T00:00Z`);
  const shifts = new Map<string, { start: number; hours: number; day: number }[]>();
  for (const r of inputs.previous) {
    const start = Math.round((r.t - t0) / HOUR_MS);
    if (start >= 0)
      throw new InputError(
        { file: 'previous schedule', line: r.line, field: 'start' },
        `agent ${r.agent}'s shift on ${r.date} is not before the week starting ${problem.weekStart}`,
      );
    const day = Math.round((Date.parse(`${r.date}T00:00Z`) - day0) / (24 * HOUR_MS));
    shifts.set(r.agent, [...(shifts.get(r.agent) ?? []), { start, hours: r.hours, day }]);
  }
  return (agent) => ({ wrap: false, ...previousTail(shifts.get(agent) ?? []) });
}

/** Pinned shifts by agent, as start slots of the week; a pin outside the week or off the hour grid is an input error. */
function pinnedShifts(problem: RosterProblem, inputs: ScheduleInputs): Map<string, PatternShift[]> {
  const t0 = problem.slots[0].t;
  const n = problem.slots.length;
  const out = new Map<string, PatternShift[]>();
  for (const r of inputs.pins ?? []) {
    const start = Math.round((r.t - t0) / HOUR_MS);
    if (start < 0 || start >= n)
      throw new InputError(
        { file: 'pinned schedule', line: r.line, field: 'start' },
        `agent ${r.agent}'s pinned shift on ${r.date} is not in the week starting ${problem.weekStart}`,
      );
    const list = out.get(r.agent) ?? [];
    if (list.some((s) => problem.slots[s.start].day === problem.slots[start].day))
      throw new InputError(
        { file: 'pinned schedule', line: r.line, field: 'start' },
        `agent ${r.agent} has two pinned shifts starting on ${r.date} (one start a date)`,
      );
    out.set(r.agent, [...list, { start, hours: r.hours }]);
  }
  return out;
}

function missingPins(pins: readonly ScheduleRow[], rows: readonly ScheduleRow[]): string[] {
  const kept = new Set(rows.map((r) => `${r.agent}|${r.t}|${r.hours}`));
  return pins
    .filter((p) => !kept.has(`${p.agent}|${p.t}|${p.hours}`))
    .map((p) => `pinned shift of agent ${p.agent} on ${p.date} was not kept`);
}

/**
 * Why the MIP found no schedule: the head-count roster with each named pool capped by its team
 * (a relaxation) names the pool and the agent-hours missing when it fails too; else the labour
 * rules between days (rest, runs of days, one start a date) are what stands in the way.
 */
async function whyNoSchedule(capped: RosterProblem, slackUsed: boolean, detail: string, options: RosterSolveOptions): Promise<string> {
  const relaxed = await solveRoster(capped, { inThread: options.inThread, timeLimitSeconds: options.timeLimitSeconds });
  if (relaxed.status === 'infeasible') return relaxed.explanation;
  return slackUsed
    ? 'No schedule exists under the labour rules: the named agents could staff the floors by hours and days, but not with the rest between shifts, the runs of consecutive days and one start a date (no combination of their weekly patterns meets every floor). Add agents to the named pools or relax schedule.min_rest_hours or schedule.max_consecutive_days.'
    : `No schedule was found in the time allowed (HiGHS: ${detail}); no rule is proven in the way. Allow more time (solver.time_limit_seconds).`;
}

function narrateSchedule(roster: Roster): string {
  const s = roster.schedule!;
  return `The schedule gives ${s.agents} named agents ${roundTo(s.assigned_hours, 1)} paid hours; ${Math.round(s.preferences_met * 100)}% of their days-off wishes are met (weekend spread ${s.weekend_spread}, night spread ${s.night_spread}).`;
}
