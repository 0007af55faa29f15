import type { Pool, ScheduleRules } from '../domain/config.js';
import { addDaysToDate } from '../domain/time.js';
import { dailyStart, offDaySets } from '../roster/model/model.js';
import type { RosterProblem, RosterSlot, TeamCapacity } from '../roster/types.js';
import type { Agent, LocalDate } from './types.js';

const TOL = 1e-9;
/** Beyond this many kinds of shift a day, only each kind alone and the whole day get a Hall row. */
const MAX_HALL_GROUPS = 10;

/** A shift of a pool: start slot and hours. */
interface Shift {
  start: number;
  hours: number;
}

/**
 * What one agent can work in the week, from its contract, its leave and night flag and the pool's
 * shift lengths and start hours (rest and overlap left out: a relaxation). When no week meets the
 * contract, `unschedulable` says why (and the figures mean nothing).
 */
export interface AgentCapacity {
  agent: string;
  /** Least and most paid hours of any week the agent can work within [min_hours, max_hours]. */
  minHours: number;
  maxHours: number;
  /** Least and most shifts (= days worked) of such a week. */
  minShifts: number;
  maxShifts: number;
  /** Set when no week of the agent meets its contract: why. */
  unschedulable?: string;
}

/**
 * Each named pool's TeamCapacity (one per pool that has agents, in the order of the problem's
 * pools): a relaxation that every schedule obeying SPEC section 6 satisfies, so the roster model
 * capped by it (`cappedProblem`) bounds every schedule's objective from below. Per agent, a shift
 * (start, hours) is open when it covers no unavailable date (hours past the week's end fall on the
 * next week's dates, as the repeating week has them), no night slot for night = no, and is no
 * longer than the agent's most paid hours; from the open shifts:
 * - hours: each agent works a sum of at most K open shifts on distinct days (K = max_days, and at
 *   most the days a week can hold without a run beyond max_consecutive_days) within [min_hours,
 *   max_hours]; the team's range is the sum of each agent's least and most such sums;
 * - shifts: the same, counting shifts (one start a local date: shifts = days worked);
 * - per day: the day's shifts grouped by which agents they are open to; every set of groups takes
 *   at most the agents open to one of them (Hall's condition: each agent starts at most one shift
 *   a date). The whole day is `startsByDay`, the night-covering shifts `nightStartsByDay`, the
 *   other sets that bind tighter are `startCaps`.
 * week_pattern pools: an agent works no shift or exactly `days` of the same start hour and length
 * with its days off as the pattern allows, all open. One-week horizons only (the schedule's rules
 * are per week).
 * @example teamCapacity(problem, [], rules) //=> []
 */
export function teamCapacity(problem: RosterProblem, agents: readonly Agent[], rules: ScheduleRules): TeamCapacity[] {
  const { slots } = problem;
  const days = slots[slots.length - 1].day + 1;
  if (agents.length > 0 && days > 7)
    throw new Error(`named schedules are planned one week at a time: the horizon has ${Math.ceil(days / 7)} weeks`);
  const out: TeamCapacity[] = [];
  for (const pool of problem.pools) {
    const team = agents.filter((a) => a.pool === pool.id);
    if (team.length > 0) out.push(capacityOf(problem, pool, team, rules));
  }
  return out;
}

/** The problem with each named pool capped by its team (`teams` set; see teamCapacity). */
export function cappedProblem(problem: RosterProblem, agents: readonly Agent[], rules: ScheduleRules): RosterProblem {
  return { ...problem, teams: teamCapacity(problem, agents, rules) };
}

/** Each agent's capacity in its pool (see teamCapacity), in the order given. */
export function agentCapacities(problem: RosterProblem, agents: readonly Agent[], rules: ScheduleRules): AgentCapacity[] {
  return agents.map((a) => {
    const pool = problem.pools.find((p) => p.id === a.pool);
    if (!pool) throw new Error(`agent ${a.id}: pool ${a.pool} is not a pool of the problem`);
    const capacity = agentCapacity(problem.slots, datesOf(problem.weekStart), pool, a, rules);
    return capacity.unschedulable ? { ...capacity, unschedulable: `agent ${a.id}: ${capacity.unschedulable}` } : capacity;
  });
}

function capacityOf(problem: RosterProblem, pool: Pool, team: readonly Agent[], rules: ScheduleRules): TeamCapacity {
  const { slots, weekStart } = problem;
  const days = slots[slots.length - 1].day + 1;
  // Agents alike in everything the capacity reads (night, leave in this week and the next, contract)
  // are one profile, counted `weight` times: a large team has few profiles.
  const dates = datesOf(weekStart);
  const profiles = new Map<string, { free: Availability; agent: Agent; weight: number }>();
  const profileOf: string[] = [];
  for (const a of team) {
    const free = availability(a, dates);
    const key = `${free.night}|${[...free.blocked].join(',')}|${a.minHours}|${a.maxHours}|${a.maxDays}`;
    const p = profiles.get(key) ?? { free, agent: a, weight: 0 };
    p.weight++;
    profiles.set(key, p);
    profileOf.push(key);
  }
  const list = [...profiles.values()];
  const caps = list.map((p) => agentCapacity(slots, dates, pool, p.agent, rules));
  const sum = (f: (c: AgentCapacity) => number) => caps.reduce((s, c, i) => s + list[i].weight * f(c), 0);
  const startsByDay: number[] = [];
  const nightStartsByDay: number[] = [];
  const startCaps: TeamCapacity['startCaps'] = [];
  for (let day = 0; day < days; day++) {
    // The day's shifts grouped by the profiles they are open to (a key of profile indexes).
    const groups = new Map<string, { open: number[]; shifts: Shift[]; night: boolean }>();
    for (const shift of shiftsOn(slots, pool, day)) {
      const night = coversNight(slots, shift);
      const open = list.flatMap((p, i) => (isOpen(slots, p.free, shift, night) && shift.hours <= caps[i].maxHours + TOL ? [i] : []));
      const key = `${night ? 'n' : 'd'}:${open.join(',')}`;
      const g = groups.get(key) ?? { open, shifts: [], night };
      g.shifts.push(shift);
      groups.set(key, g);
    }
    const kinds = [...groups.values()];
    const agentsOf = (open: Set<number>) => [...open].reduce((a, i) => a + list[i].weight, 0);
    const union = (members: number[]) => agentsOf(new Set(members.flatMap((k) => kinds[k].open)));
    const all = kinds.map((_, k) => k);
    const nights = all.filter((k) => kinds[k].night);
    startsByDay.push(union(all));
    nightStartsByDay.push(union(nights));
    const subsets =
      kinds.length <= MAX_HALL_GROUPS
        ? Array.from({ length: (1 << kinds.length) - 1 }, (_, m) => all.filter((k) => ((m + 1) >> k) & 1))
        : all.map((k) => [k]);
    const same = (a: number[], b: number[]) => a.length === b.length && a.every((k, i) => k === b[i]);
    for (const set of subsets) {
      if (same(set, all) || same(set, nights)) continue;
      const open = new Set(set.flatMap((k) => kinds[k].open));
      // Only closed sets bind tighter: a group all of whose agents are already counted joins for free.
      if (all.some((k) => !set.includes(k) && kinds[k].open.every((i) => open.has(i)))) continue;
      const agents = agentsOf(open);
      // Implied by the whole day's row, or by the night row when all night-covering.
      if (agents >= startsByDay[day]) continue;
      if (set.every((k) => kinds[k].night) && agents >= nightStartsByDay[day]) continue;
      startCaps.push({ day, shifts: set.flatMap((k) => kinds[k].shifts), agents });
    }
  }
  const capOf = new Map([...profiles.keys()].map((key, i) => [key, caps[i]]));
  return {
    pool: pool.id,
    minHours: sum((c) => c.minHours),
    maxHours: sum((c) => c.maxHours),
    minShifts: sum((c) => c.minShifts),
    maxShifts: sum((c) => c.maxShifts),
    startsByDay,
    nightStartsByDay,
    startCaps,
    unschedulable: team.flatMap((a, i) => {
      const why = capOf.get(profileOf[i])!.unschedulable;
      return why ? [{ agent: a.id, why: `agent ${a.id}: ${why}` }] : [];
    }),
  };
}

/** One agent's capacity: the paid hours and shift counts its open shifts can make (see teamCapacity). */
function agentCapacity(
  slots: readonly RosterSlot[],
  dates: readonly LocalDate[],
  pool: Pool,
  agent: Agent,
  rules: ScheduleRules,
): AgentCapacity {
  const days = slots[slots.length - 1].day + 1;
  // No run of more than c consecutive dates: a week holds at most 7 - floor(7 / (c + 1)) days worked.
  const most = Math.min(agent.maxDays, 7 - Math.floor(7 / (rules.maxConsecutiveDays + 1)));
  const free = availability(agent, dates);
  const open = (shift: Shift) => isOpen(slots, free, shift, coversNight(slots, shift)) && shift.hours <= agent.maxHours + TOL;
  // Reachable (shifts, hours) pairs, as `count|hours`.
  let states = new Set<string>(['0|0']);
  const pattern = pool.week_pattern;
  if (pattern) {
    if (pattern.days <= most)
      for (const startHour of pool.start_hours ?? Array.from({ length: 24 }, (_, h) => h))
        for (const hours of pool.shift_lengths)
          for (const off of offDaySets(pattern)) {
            const worked = Array.from({ length: days }, (_, d) => d).filter((d) => !off.includes(d % 7));
            if (worked.length > 0 && worked.every((d) => open({ start: dailyStart(slots, d, startHour), hours })))
              states.add(`${worked.length}|${worked.length * hours}`);
          }
  } else {
    for (let day = 0; day < days; day++) {
      const lengths = [
        ...new Set(
          shiftsOn(slots, pool, day)
            .filter(open)
            .map((s) => s.hours),
        ),
      ];
      const next = new Set(states);
      for (const st of states) {
        const [c, h] = st.split('|').map(Number);
        if (c < most) for (const L of lengths) next.add(`${c + 1}|${h + L}`);
      }
      states = next;
    }
  }
  const pairs = [...states].map((st) => st.split('|').map(Number) as [number, number]);
  const fit = pairs.filter(([, h]) => h >= agent.minHours - TOL && h <= agent.maxHours + TOL);
  const id = agent.id;
  if (fit.length === 0) {
    const reach = Math.max(...pairs.map(([, h]) => h));
    const why =
      reach < agent.minHours - TOL
        ? `min_hours ${agent.minHours} cannot be met, at most ${reach} h can be worked this week (leave, night, max_days ${agent.maxDays} and ${pool.id}'s shifts)`
        : `no set of ${pool.id}'s shifts (${pool.shift_lengths.join(', ')} h) on the days open to the agent adds up to paid hours within [${agent.minHours}, ${agent.maxHours}]`;
    return { agent: id, minHours: agent.minHours, maxHours: 0, minShifts: 0, maxShifts: 0, unschedulable: why };
  }
  return {
    agent: id,
    minHours: Math.min(...fit.map(([, h]) => h)),
    maxHours: Math.max(...fit.map(([, h]) => h)),
    minShifts: Math.min(...fit.map(([c]) => c)),
    maxShifts: Math.max(...fit.map(([c]) => c)),
  };
}

/** The pool's shifts starting on local day `day`: its start hours' slots (a tour's daily start) by each length. */
function shiftsOn(slots: readonly RosterSlot[], pool: Pool, day: number): Shift[] {
  const starts = pool.week_pattern
    ? [...new Set((pool.start_hours ?? Array.from({ length: 24 }, (_, h) => h)).map((h) => dailyStart(slots, day, h)))].filter(
        (s) => s >= 0 && slots[s].day === day,
      )
    : slots.flatMap((s, i) => (s.day === day && (pool.start_hours === null || pool.start_hours.includes(s.hourOfDay)) ? [i] : []));
  return starts.flatMap((start) => pool.shift_lengths.map((hours) => ({ start, hours })));
}

/** Whether a shift covers a night slot (around the repeating week past its end). */
function coversNight(slots: readonly RosterSlot[], shift: Shift): boolean {
  for (let k = 0; k < shift.hours; k++) if (slots[(shift.start + k) % slots.length].night) return true;
  return false;
}

/** The local dates of days 0-13: this week and the next (where a Sunday shift may end). */
const datesOf = (weekStart: LocalDate) => Array.from({ length: 14 }, (_, d) => addDaysToDate(weekStart, d));

/** An agent as the shifts see it: night flag and the day indexes (0-13: this week and the next) it is unavailable. */
interface Availability {
  night: boolean;
  blocked: Set<number>;
}

/** `dates`: the local dates of days 0-13. */
function availability(agent: Agent, dates: readonly LocalDate[]): Availability {
  const blocked = new Set<number>();
  dates.forEach((date, day) => {
    if (agent.unavailable.some((u) => u.from <= date && date <= u.to)) blocked.add(day);
  });
  return { night: agent.night, blocked };
}

/** Whether the agent may work the shift: no unavailable date covered (the next week's dates past the end), no night for night = no. */
function isOpen(slots: readonly RosterSlot[], agent: Availability, shift: Shift, night: boolean): boolean {
  if (night && !agent.night) return false;
  const n = slots.length;
  for (let k = 0; k < shift.hours; k++) {
    const h = shift.start + k;
    if (agent.blocked.has(slots[h % n].day + 7 * Math.floor(h / n))) return false;
  }
  return true;
}
