import type { ScheduleRules } from '../domain/config.js';
import { addDaysToDate, HOUR_MS, WEEKDAYS, weekdayOfDate } from '../domain/time.js';
import type { Roster, RosterProblem } from '../roster/types.js';
import type { Agent, LocalDate, ScheduleFigures, ScheduleRow } from './types.js';

const TOL = 1e-9;
const DAY_MS = 24 * HOUR_MS;

/** What a schedule is checked against, besides the roster problem. */
export interface ScheduleCheckInput {
  rules: ScheduleRules;
  agents: readonly Agent[];
  rows: readonly ScheduleRow[];
  /** The roster's shifts; those of named pools must be the schedule counted by (pool, start, hours). */
  shifts: Roster['shifts'];
  /** Last week's schedule (`--previous`): counted for rest and consecutive days instead of the wrap. */
  previous?: readonly ScheduleRow[];
}

/** The problems found (empty: valid) and the soft figures. */
export interface ScheduleVerdict {
  errors: string[];
  figures: ScheduleFigures;
}

/** A shift placed on the week: start slot (may be negative for last week's), length, day index of its start. */
interface Placed {
  start: number;
  hours: number;
  day: number;
  label: string;
}

/**
 * Checks a named schedule against every hard rule of SPEC section 6, recomputing from the rows
 * alone (it shares no code with any model): per shift the agent's pool, its pool's lengths and
 * start hours, unavailable dates and night slots; per agent one start a local date, no overlap,
 * rest, paid hours, days worked, consecutive days and the pool's week_pattern; and that the
 * roster's shifts of named pools are the schedule counted. Without `previous` the week repeats:
 * rest and runs of days wrap from Sunday into Monday; with it, last week's shifts count instead.
 * Also computes the soft figures of roster.json's `schedule` block.
 * @example verifySchedule(problem, { rules, agents, rows: [], shifts: [] }).figures.assigned_hours //=> 0
 */
export function verifySchedule(problem: RosterProblem, input: ScheduleCheckInput): ScheduleVerdict {
  const { slots, pools, weekStart } = problem;
  const { rules, agents, rows, previous } = input;
  const n = slots.length;
  const t0 = slots[0].t;
  const slotAt = (t: number) => Math.round((t - t0) / HOUR_MS);
  const errors: string[] = [];
  const agentById = new Map(agents.map((a) => [a.id, a]));
  const named = new Set(agents.map((a) => a.pool));
  const where = (r: ScheduleRow) => (r.line !== undefined ? `line ${r.line}: ` : '');
  // Dates and weekdays by day index, computed once (a large team asks for them per hour of every shift).
  const dates = new Map<number, LocalDate>();
  const dateOf = (day: number): LocalDate => {
    let date = dates.get(day);
    if (date === undefined) dates.set(day, (date = addDaysToDate(weekStart, day)));
    return date;
  };
  const weekdays = new Map<number, string>();
  const weekdayOf = (day: number) => {
    let name = weekdays.get(day);
    if (name === undefined) weekdays.set(day, (name = WEEKDAYS[weekdayOfDate(dateOf(day))]));
    return name;
  };
  // Hour k of the week; past its end, the next week's (same hour of day, dates a week on).
  const hourAt = (h: number) => {
    const slot = slots[((h % n) + n) % n];
    return { slot, day: slot.day + 7 * Math.floor(h / n) };
  };

  const mine = new Map<string, Placed[]>(agents.map((a) => [a.id, []]));
  for (const r of rows) {
    const agent = agentById.get(r.agent);
    if (!agent) {
      errors.push(`${where(r)}unknown agent ${r.agent}`);
      continue;
    }
    if (r.pool !== agent.pool) errors.push(`${where(r)}agent ${r.agent} of pool ${agent.pool} is scheduled in pool ${r.pool}`);
    const pool = pools.find((p) => p.id === r.pool);
    if (!pool) {
      errors.push(`${where(r)}unknown pool ${r.pool}`);
      continue;
    }
    const start = slotAt(r.t);
    if (start < 0 || start >= n || slots[start].t !== r.t) {
      errors.push(`${where(r)}agent ${r.agent}: shift at ${r.date} does not start at an hour of the week`);
      continue;
    }
    const label = slots[start].label;
    if (!pool.shift_lengths.includes(r.hours))
      errors.push(
        `${where(r)}agent ${r.agent}: ${r.hours} h at ${label} is not a shift length of ${pool.id} (${pool.shift_lengths.join(', ')})`,
      );
    if (pool.start_hours && !pool.start_hours.includes(slots[start].hourOfDay))
      errors.push(`${where(r)}agent ${r.agent}: ${pool.id} may not start at ${slots[start].hourOfDay}:00 (${label})`);
    const blockedOn = new Set<LocalDate>();
    let night = false;
    for (let k = 0; k < r.hours; k++) {
      const { slot, day } = hourAt(start + k);
      const date = dateOf(day);
      if (agent.unavailable.some((u) => u.from <= date && date <= u.to)) blockedOn.add(date);
      night ||= slot.night;
    }
    for (const date of blockedOn)
      errors.push(`${where(r)}agent ${r.agent}: the shift at ${label} covers ${date}, a date the agent is unavailable`);
    if (night && !agent.night)
      errors.push(`${where(r)}agent ${r.agent}: the shift at ${label} covers night hours and the agent works no nights`);
    mine.get(agent.id)!.push({ start, hours: r.hours, day: slots[start].day, label });
  }

  // Last week's shifts, placed before slot 0 by their instants; their days by their local dates.
  const before = new Map<string, Placed[]>();
  const day0 = Date.parse(`${weekStart}T00:00Z`);
  for (const r of previous ?? []) {
    const start = slotAt(r.t);
    const day = Math.round((Date.parse(`${r.date}T00:00Z`) - day0) / DAY_MS);
    if (start >= 0) {
      errors.push(`previous schedule ${where(r)}agent ${r.agent}: a shift on ${r.date} is not before the week starting ${weekStart}`);
      continue;
    }
    if (!before.has(r.agent)) before.set(r.agent, []);
    before.get(r.agent)!.push({ start, hours: r.hours, day, label: `${r.date} (previous week)` });
  }

  let wishes = 0;
  let granted = 0;
  const weekend = new Map<string, number[]>();
  const nights = new Map<string, number[]>();
  for (const agent of agents) {
    const id = agent.id;
    const shifts = mine.get(id)!.sort((a, b) => a.start - b.start);
    const pool = pools.find((p) => p.id === agent.pool)!;
    const byDay = new Map<number, Placed[]>();
    for (const s of shifts) byDay.set(s.day, [...(byDay.get(s.day) ?? []), s]);
    for (const [day, list] of byDay)
      if (list.length > 1)
        errors.push(`agent ${id}: ${list.length} shifts start on ${dateOf(day)} (${list.map((s) => s.label).join(', ')})`);
    const hours = shifts.reduce((a, s) => a + s.hours, 0);
    if (hours < agent.minHours - TOL || hours > agent.maxHours + TOL)
      errors.push(`agent ${id}: ${hours} paid hours, outside [${agent.minHours}, ${agent.maxHours}]`);
    const worked = new Set(byDay.keys());
    if (worked.size > agent.maxDays) errors.push(`agent ${id}: ${worked.size} days worked, more than max_days ${agent.maxDays}`);

    // Overlap and rest, between consecutive shifts: last week's before this week's, or around the repeating week.
    const prev = (before.get(id) ?? []).sort((a, b) => a.start - b.start);
    const wrapped = shifts.length > 0 ? [{ ...shifts[0], start: shifts[0].start + n, label: `${shifts[0].label} (next week)` }] : [];
    const seq = previous ? [...prev.slice(-1), ...shifts] : [...shifts, ...wrapped];
    for (let i = 1; i < seq.length; i++) {
      const [a, b] = [seq[i - 1], seq[i]];
      const gap = b.start - (a.start + a.hours);
      if (gap < 0) errors.push(`agent ${id}: the shifts at ${a.label} and ${b.label} overlap`);
      else if (gap < rules.minRestHours - TOL)
        errors.push(`agent ${id}: ${gap} h of rest between the shifts at ${a.label} and ${b.label}, less than ${rules.minRestHours}`);
    }

    // Longest run of consecutive dates worked: over last week and this one, or over the week twice
    // (the repeating week); with last week, only runs that reach into this week count.
    const on = previous ? new Set([...worked, ...prev.map((s) => s.day)]) : new Set([...worked].flatMap((d) => [d, d + 7]));
    let run = 0;
    let best = 0;
    for (let d = previous ? -7 : 0; d < (previous ? 7 : 14); d++) {
      run = on.has(d) ? run + 1 : 0;
      if (!previous || d >= 0) best = Math.max(best, run);
    }
    if (best > rules.maxConsecutiveDays)
      errors.push(`agent ${id}: ${best} consecutive days worked, more than max_consecutive_days ${rules.maxConsecutiveDays}`);

    const pattern = pool.week_pattern;
    if (pattern && shifts.length > 0) {
      const kinds = new Set(shifts.map((s) => `${slots[s.start].hourOfDay}:00 for ${s.hours} h`));
      if (kinds.size > 1) errors.push(`agent ${id}: pool ${pool.id} works one shift all week, not ${[...kinds].join(' and ')}`);
      if (worked.size !== pattern.days) errors.push(`agent ${id}: pool ${pool.id} works ${pattern.days} days a week, not ${worked.size}`);
      else if (pattern.consecutive_days_off && !adjacent([0, 1, 2, 3, 4, 5, 6].filter((d) => !worked.has(d))))
        errors.push(`agent ${id}: pool ${pool.id} takes its days off together, not ${offNames(worked, weekdayOf)}`);
    }

    for (const w of agent.prefersOff)
      for (let d = 0; d < 7; d++)
        if (weekdayOf(d) === w) {
          wishes++;
          if (!worked.has(d)) granted++;
        }
    const key = `${agent.pool}\u0000${agent.maxDays}`;
    const weekendDays = [...worked].filter((d) => ['sat', 'sun'].includes(weekdayOf(d))).length;
    const nightShifts = shifts.filter((s) =>
      Array.from({ length: s.hours }, (_, k) => hourAt(s.start + k).slot.night).some(Boolean),
    ).length;
    weekend.set(key, [...(weekend.get(key) ?? []), weekendDays]);
    nights.set(key, [...(nights.get(key) ?? []), nightShifts]);
  }

  errors.push(...compareRoster(input, named, slots));
  const spread = (groups: Map<string, number[]>) => Math.max(0, ...[...groups.values()].map((v) => Math.max(...v) - Math.min(...v)));
  return {
    errors,
    figures: {
      agents: agents.length,
      assigned_hours: rows.reduce((a, r) => a + r.hours, 0),
      preferences_met: wishes > 0 ? granted / wishes : 1,
      weekend_spread: spread(weekend),
      night_spread: spread(nights),
    },
  };
}

/** Whether day indexes 0-6 form one block around the week (Sunday and Monday adjacent). */
function adjacent(days: number[]): boolean {
  if (days.length === 0 || days.length === 7) return true;
  const set = new Set(days);
  // One block has exactly one day whose predecessor (cyclically) is not in it.
  return days.filter((d) => !set.has((d + 6) % 7)).length === 1;
}

function offNames(worked: Set<number>, weekdayOf: (d: number) => string): string {
  return [0, 1, 2, 3, 4, 5, 6]
    .filter((d) => !worked.has(d))
    .map(weekdayOf)
    .join(', ');
}

/** The roster's shifts of named pools against the schedule counted by (pool, start, hours). */
function compareRoster(input: ScheduleCheckInput, named: Set<string>, slots: RosterProblem['slots']): string[] {
  const t0 = slots[0].t;
  const labelOf = (t: number) => slots[Math.round((t - t0) / HOUR_MS)]?.label ?? String(t);
  const counted = new Map<string, number>();
  const add = (key: string, k: number) => counted.set(key, (counted.get(key) ?? 0) + k);
  for (const r of input.rows) if (named.has(r.pool)) add(`${r.pool} ${labelOf(r.t)} ${r.hours} h`, 1);
  for (const s of input.shifts) if (named.has(s.pool)) add(`${s.pool} ${s.start} ${s.hours} h`, -s.agents);
  const diff = [...counted].filter(([, k]) => k !== 0);
  if (diff.length === 0) return [];
  const shown = diff
    .slice(0, 3)
    .map(([key, k]) => `${key}: ${k > 0 ? `${k} more in the schedule` : `${-k} more in the roster`}`)
    .join('; ');
  return [
    `the roster's shifts of named pools differ from the schedule counted by (pool, start, hours): ${shown}${diff.length > 3 ? `; and ${diff.length - 3} more` : ''}`,
  ];
}
