import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { solveRoster } from '../../src/roster/solve/solve.js';
import type { RosterProblem } from '../../src/roster/types.js';
import { solveSchedule } from '../../src/schedule/solve.js';
import type { Agent, ScheduleInputs, ScheduleRow } from '../../src/schedule/types.js';
import { verifySchedule } from '../../src/schedule/verify.js';
import { makeProblem, plainConfig } from '../roster/helpers.js';
import { agent, at, POOLS, row, rules } from './fixtures.js';

const [inhouse, night, fixed, vendor] = POOLS;

/** Day hours 08:00-20:00 need `day` staff, the night `dark` (a shape that takes several shift starts). */
const shape = (day: number, dark: number) => (_: number, hour: number) => (hour >= 8 && hour < 20 ? day : hour >= 20 ? day / 2 : dark);

function week(pools: readonly object[], need: (slot: number, hour: number) => number, extra: Record<string, unknown> = {}): RosterProblem {
  return makeProblem(plainConfig(pools as never, { solver: { time_limit_seconds: 20, mip_rel_gap: 0.01 }, ...extra }), need);
}

/** Solves and checks the answer independently of the solver's own check. */
async function solved(problem: RosterProblem, inputs: ScheduleInputs) {
  const result = await solveSchedule(problem, inputs, { inThread: true });
  if (result.roster.status !== 'infeasible') {
    const verdict = verifySchedule(problem, { ...inputs, rows: result.rows, shifts: result.roster.shifts });
    expect(verdict.errors).toEqual([]);
    expect(result.roster.schedule).toEqual(verdict.figures);
  }
  return result;
}

const team = (n: number, pool = 'inhouse', extra: Partial<Agent> = {}) =>
  Array.from({ length: n }, (_, i) => agent(`${pool}-${i}`, pool, extra));

describe('solveSchedule: named agents under labour rules', () => {
  it('staffs a week with a team, vendors as head counts, and proves its gap against a bound below the head-count roster', async () => {
    const problem = week([inhouse, night, vendor], shape(6, 2));
    const agents = [...team(12, 'inhouse', { minHours: 24 }), ...team(4, 'night')];
    const { roster, rows } = await solved(problem, { agents, rules });
    expect(roster.status).not.toBe('infeasible');
    // Every named shift is a row of the schedule; vendors stay head counts.
    const named = roster.shifts.filter((s) => s.pool !== 'vendor').reduce((a, s) => a + s.agents, 0);
    expect(rows.length).toBe(named);
    // Contracts: every in-house agent works at least 24 h.
    for (const a of agents.filter((x) => x.pool === 'inhouse'))
      expect(rows.filter((r) => r.agent === a.id).reduce((h, r) => h + r.hours, 0)).toBeGreaterThanOrEqual(24);
    // The bound lies below the objective, and no schedule beats the head-count roster's bound.
    const headCount = await solveRoster(problem, { inThread: true });
    expect(roster.solver.bound!).toBeLessThanOrEqual(roster.solver.objective! + 1e-6);
    expect(roster.solver.objective!).toBeGreaterThanOrEqual(headCount.solver.bound! - 1e-6);
    expect(roster.solver.gap!).toBeLessThanOrEqual(0.05);
    expect(roster.explanation).toMatch(/named agents/);
  });

  it('gives each agent of a tour pool one tour: the same shift on five days, two adjacent days off', async () => {
    const problem = week([fixed], (_, hour) => (hour >= 8 && hour < 20 ? 2 : 0));
    const { roster, rows } = await solved(problem, { agents: team(8, 'fixed'), rules });
    expect(roster.status).not.toBe('infeasible');
    const byAgent = new Map<string, ScheduleRow[]>();
    for (const r of rows) byAgent.set(r.agent, [...(byAgent.get(r.agent) ?? []), r]);
    expect(byAgent.size).toBeGreaterThan(0);
    for (const shifts of byAgent.values()) {
      expect(shifts).toHaveLength(5);
      expect(new Set(shifts.map((r) => `${(r.t - shifts[0].t) % 86_400_000}/${r.hours}`)).size).toBe(1);
    }
  });

  it('honours days-off wishes when another agent can take the day at the same cost', async () => {
    const problem = week([inhouse], shape(1, 0));
    const agents = [agent('wants-monday', 'inhouse', { prefersOff: ['mon'] }), agent('b'), agent('c'), agent('d')];
    const { roster, rows } = await solved(problem, { agents, rules });
    expect(roster.schedule!.preferences_met).toBe(1);
    expect(rows.some((r) => r.agent === 'wants-monday' && r.date === '2026-11-30')).toBe(false);
  });

  it('counts last week from --previous: a Sunday late shift forbids an early Monday start', async () => {
    // Only Monday 06:00-14:00 needs anyone; the one agent's Sunday shift ends at 06:00.
    const problem = week([inhouse], (slot) => (slot >= 6 && slot < 14 ? 1 : 0));
    const agents = [agent('a')];
    const previous = [row('a', 'inhouse', at(-1, 22))];
    const wrapped = await solved(problem, { agents, rules });
    expect(wrapped.rows.some((r) => r.agent === 'a' && r.date === '2026-11-30')).toBe(true);
    const { rows } = await solved(problem, { agents, rules, previous });
    // 06:00 + 11 h of rest: nothing of Monday before 17:00.
    const monday = rows.filter((r) => r.date === '2026-11-30');
    for (const r of monday) expect(r.t).toBeGreaterThanOrEqual(row('a', 'inhouse', at(0, 17)).t);
    expect(
      verifySchedule(problem, { rules, agents, rows: [row('a', 'inhouse', at(0, 6))], shifts: [], previous }).errors.join(' '),
    ).toMatch(/rest/);
  });

  it('keeps pinned rows through a re-plan after a sick call', async () => {
    const problem = week([inhouse, vendor], shape(3, 0));
    const agents = team(6, 'inhouse', { minHours: 16 });
    const first = await solved(problem, { agents, rules });
    // Monday to Wednesday are published; inhouse-0 calls in sick from Thursday.
    const pins = first.rows.filter((r) => r.date <= '2026-12-02' && r.agent !== 'inhouse-0');
    const sick = agents.map((a) =>
      a.id === 'inhouse-0' ? { ...a, minHours: 0, unavailable: [{ from: '2026-12-03', to: '2026-12-06' }] } : a,
    );
    const again = await solved(problem, { agents: sick, rules, pins });
    const key = (r: ScheduleRow) => `${r.agent} ${r.t} ${r.hours}`;
    const kept = new Set(again.rows.map(key));
    for (const p of pins) expect(kept.has(key(p))).toBe(true);
    expect(again.rows.some((r) => r.agent === 'inhouse-0' && r.date >= '2026-12-03')).toBe(false);
  });
});

describe('solveSchedule: pins hold against cost and the soft goals', () => {
  it('keeps a pin nobody needs, of an agent who may idle, on a day it wished off', async () => {
    // Only Monday daytime needs anyone; the pin is Tuesday 08:00, a day its agent wished off.
    const problem = week([inhouse], (slot, hour) => (slot < 24 && hour >= 8 && hour < 16 ? 1 : 0));
    const agents = [agent('pinned', 'inhouse', { prefersOff: ['tue'] }), agent('b'), agent('c')];
    const pins = [row('pinned', 'inhouse', at(1, 8))];
    const { roster, rows } = await solved(problem, { agents, rules, pins });
    expect(roster.status).not.toBe('infeasible');
    expect(rows.filter((r) => r.agent === 'pinned').map((r) => r.t)).toContain(pins[0].t);
  });
});

describe('solveSchedule: impossible weeks explain themselves', () => {
  it('too few agents for the floors: names the pool and the agent-hours missing', async () => {
    const problem = week([inhouse], shape(6, 2));
    const { roster, rows } = await solved(problem, { agents: team(3), rules });
    expect(roster.status).toBe('infeasible');
    expect(rows).toEqual([]);
    expect(roster.explanation).toMatch(/inhouse/);
    expect(roster.explanation).toMatch(/agent-hours|shifts|agents/);
  });

  it('contract minimums dearer than the budget: says the budget', async () => {
    const problem = week([inhouse], shape(1, 0), { budget: 5_000 });
    const { roster } = await solved(problem, { agents: team(6, 'inhouse', { minHours: 40 }), rules });
    expect(roster.status).toBe('infeasible');
    expect(roster.explanation).toMatch(/budget/);
  });

  it('an agent whose contract no week meets: names the agent', async () => {
    const problem = week([inhouse], shape(1, 0));
    const { roster } = await solved(problem, { agents: [agent('a'), agent('over', 'inhouse', { minHours: 60, maxHours: 60 })], rules });
    expect(roster.status).toBe('infeasible');
    expect(roster.explanation).toMatch(/agent over: /);
    expect(roster.explanation).not.toMatch(/agent over: agent over/);
  });

  it('a pin that its agent cannot work (on leave) is infeasible and names the agent', async () => {
    const problem = week([inhouse], shape(1, 0));
    const agents = [agent('a', 'inhouse', { unavailable: [{ from: '2026-11-30', to: '2026-11-30' }] }), agent('b')];
    const { roster } = await solved(problem, { agents, rules, pins: [row('a', 'inhouse', at(0, 8))] });
    expect(roster.status).toBe('infeasible');
    expect(roster.explanation).toMatch(/\ba\b.*pinned/);
  });

  it('a previous-week row inside the planned week is an input error', async () => {
    const problem = week([inhouse], shape(1, 0));
    await expect(solveSchedule(problem, { agents: [agent('a')], rules, previous: [row('a', 'inhouse', at(0, 8))] })).rejects.toThrow(
      InputError,
    );
  });
});
