import type { ScheduleRules } from '../domain/config.js';
import { addDaysToDate, WEEKDAYS, weekdayOfDate } from '../domain/time.js';
import type { RosterSlot } from '../roster/types.js';
import type { Agent, LocalDate } from './types.js';

const TOL = 1e-9;

/** One shift of a weekly pattern: start slot of the week and length in hours. */
export interface PatternShift {
  start: number;
  hours: number;
}

/**
 * What lies outside the week. `wrap`: the week repeats (rest and runs of consecutive days wrap from
 * the last day into the first), as verifySchedule does without `previous`. Otherwise last week's
 * tail: `lastEnd`, the end slot of last week's last shift relative to slot 0 of this week (<= 0, or
 * > 0 when it runs into this week; null: no shift), and `run`, the consecutive dates worked up to
 * the week start (0: the day before was off). `previousTail` computes both from last week's shifts.
 */
export type PricingBoundary = { wrap: true } | { wrap: false; lastEnd: number | null; run: number };

/** The pricing problem of one agent class (issue 14's column generation). */
export interface PricingInput {
  /** Local date of slot 0: unavailable dates and prefers_off weekdays are read from it. */
  weekStart: LocalDate;
  /** The week's slots (168, 167 or 169); slot 0 is day 0. (A longer horizon wraps over its own day count; verifySchedule assumes 7.) */
  slots: readonly Pick<RosterSlot, 'hourOfDay' | 'day' | 'night'>[];
  /** The pool's allowed start hours of day (null: any) and shift lengths. */
  startHours: readonly number[] | null;
  shiftLengths: readonly number[];
  /** The class's attributes (an Agent or an AgentClass). */
  agent: Pick<Agent, 'minHours' | 'maxHours' | 'maxDays' | 'unavailable' | 'prefersOff' | 'night'>;
  rules: Pick<ScheduleRules, 'minRestHours' | 'maxConsecutiveDays'>;
  boundary: PricingBoundary;
  /**
   * Each candidate shift's value (its cost minus the coverage duals of the hours it covers); called
   * once per allowed (start, hours), never for a shift the agent may not work.
   */
  shiftValue: (start: number, hours: number) => number;
  /** The class's convexity dual, subtracted from a pattern's value (default 0). */
  convexityDual?: number;
  /** Added per day worked that is one of the agent's prefers_off weekdays (default 0). */
  prefersOffPenalty?: number;
  /**
   * Shifts every pattern must hold (a pinned, published row): on each of their days that shift
   * is the only choice and the day may not be off.
   */
  required?: readonly PatternShift[];
  /** bestPattern returns only a reduced cost below -tolerance (default 1e-9). */
  tolerance?: number;
}

/** A weekly pattern, its value (shift values plus prefers_off penalties) and reduced cost (value minus the convexity dual). */
export interface PricedPattern {
  shifts: PatternShift[];
  value: number;
  reducedCost: number;
}

/**
 * The pattern of least reduced cost when that is negative (below -tolerance), else null: the
 * column to add to the master LP for this class. The least-cost pattern itself: cheapestPattern.
 * @example bestPattern({ ...input, shiftValue: () => 1 }) //=> null (no shift pays, and the empty pattern costs 0)
 */
export function bestPattern(input: PricingInput): PricedPattern | null {
  const best = cheapestPattern(input);
  return best && best.reducedCost < -(input.tolerance ?? TOL) ? best : null;
}

/** Last week's tail for `PricingBoundary`, from last week's shifts (start slot < 0 relative to this week, day index < 0 of the start's local date). */
export function previousTail(shifts: readonly { start: number; hours: number; day: number }[]): { lastEnd: number | null; run: number } {
  // As verifySchedule: rest counts from the shift that starts last; the run is of dates worked up to day -1.
  const last = [...shifts].sort((a, b) => a.start - b.start).at(-1);
  const days = new Set(shifts.map((s) => s.day));
  let run = 0;
  while (days.has(-1 - run)) run++;
  return { lastEnd: last ? last.start + last.hours : null, run };
}

interface Option {
  start: number;
  hours: number;
  value: number;
}

/** Back pointer of a DP state: the shifts chosen so far, last first. */
interface Chosen {
  start: number;
  hours: number;
  prev: Chosen | null;
}

interface State {
  /** Earliest allowed next start (last shift's end + min rest); 0 once it no longer binds. */
  e: number;
  /** Wrap only: the first shift's start while it may still bind the closing rest, else Infinity. */
  fs: number;
  value: number;
  chosen: Chosen | null;
}

/**
 * The feasible weekly pattern of least value for one class (null: the class has no feasible
 * pattern), by an exact dynamic program over the days: at most one start per local date, so a day
 * is either off or one allowed shift starting on it (allowed: the pool's start hours and lengths, no
 * hour on an unavailable date, no night slot for night = no; each shift is valued once, up front).
 * A state after day d is keyed by (paid hours <= max_hours, days worked <= max_days, current run of
 * consecutive days <= max_consecutive_days, and with the wrap the leading run a <= the same and
 * whether every day so far was worked); each key holds a Pareto front over (earliest next start
 * e = last end + rest: lower is better; first start fs: higher is better; value: lower is better).
 * Bounds: e is reset to 0 once it is at or before the next day's first slot (it then binds neither
 * a start nor the closing rest), so it ranges over the ends of the last day or two's shifts; fs is
 * kept only while it can bind the closing rest (fs < the largest start + length + rest minus the
 * week's slots; with rest 11 and 10 h shifts, day 0's first 20 hours), else Infinity; a state that
 * can no longer reach min_hours with the days left is dropped. Shift lengths must be whole hours.
 * Closing with the wrap: last end + rest <= first start + week length, and leading + trailing run
 * <= max_consecutive_days (every day worked: the run counts as twice the week's days, as
 * verifySchedule counts it over the week twice). With last week's tail instead: the first start
 * >= its last end + rest, and its run continues into day 0. The empty pattern is feasible only when
 * min_hours is 0.
 */
export function cheapestPattern(input: PricingInput): PricedPattern | null {
  const { slots, agent, rules, boundary } = input;
  const n = slots.length;
  if (n === 0) return null;
  if (!input.shiftLengths.every((h) => Number.isInteger(h) && h > 0))
    throw new Error(`shift lengths must be whole hours: ${input.shiftLengths.join(', ')}`);
  const numDays = slots[n - 1].day + 1;
  const firstSlot: number[] = [];
  for (let s = n - 1; s >= 0; s--) firstSlot[slots[s].day] = s;
  firstSlot[numDays] = n;

  // Dates the agent is unavailable, by day index (past the week's end: the next week's, as the wrap reads them).
  const blockedCache = new Map<number, boolean>();
  const blocked = (day: number) => {
    let b = blockedCache.get(day);
    if (b === undefined) {
      const date = addDaysToDate(input.weekStart, day);
      b = agent.unavailable.some((u) => u.from <= date && date <= u.to);
      blockedCache.set(day, b);
    }
    return b;
  };
  const penalty = input.prefersOffPenalty ?? 0;
  const options: Option[][] = [];
  const requiredOn = new Map((input.required ?? []).map((r) => [slots[r.start]?.day, r]));
  for (let d = 0; d < numDays; d++) {
    const offWish = agent.prefersOff.includes(WEEKDAYS[weekdayOfDate(addDaysToDate(input.weekStart, d))]);
    const list: Option[] = [];
    for (let s = firstSlot[d]; s < firstSlot[d + 1]; s++) {
      if (input.startHours !== null && !input.startHours.includes(slots[s].hourOfDay)) continue;
      for (const hours of input.shiftLengths) {
        let ok = true;
        for (let k = 0; k < hours && ok; k++) {
          const h = s + k;
          const slot = slots[h % n];
          if ((!agent.night && slot.night) || blocked(slot.day + numDays * Math.floor(h / n))) ok = false;
        }
        const pin = requiredOn.get(d);
        if (ok && (!pin || (pin.start === s && pin.hours === hours)))
          list.push({ start: s, hours, value: input.shiftValue(s, hours) + (offWish ? penalty : 0) });
      }
    }
    options.push(list);
  }

  const rest = rules.minRestHours;
  const maxRun = rules.maxConsecutiveDays;
  const wrap = boundary.wrap;
  const maxLen = Math.max(0, ...input.shiftLengths);
  // Beyond this a first start can never bind the closing rest.
  let maxE = 0;
  for (const list of options) for (const o of list) maxE = Math.max(maxE, o.start + o.hours + rest);
  const fsLimit = maxE - n;

  // Key: hours, days, run, leading run a, lead (every day so far worked; wrap only).
  const R = 16;
  const keyOf = (hours: number, days: number, run: number, a: number, lead: number) =>
    (((hours * (numDays + 1) + days) * R + Math.min(run, R - 1)) * R + a) * 2 + lead;
  const parts = (key: number) => {
    const lead = key % 2;
    let k = (key - lead) / 2;
    const a = k % R;
    k = (k - a) / R;
    const run = k % R;
    k = (k - run) / R;
    const days = k % (numDays + 1);
    const hours = (k - days) / (numDays + 1);
    return { hours, days, run, a, lead };
  };
  const insert = (map: Map<number, State[]>, key: number, st: State) => {
    const front = map.get(key);
    if (!front) {
      map.set(key, [st]);
      return;
    }
    for (const t of front) if (t.e <= st.e && t.fs >= st.fs && t.value <= st.value) return;
    // Drop the states the new one dominates, in place.
    let kept = 0;
    for (const t of front) if (!(st.e <= t.e && st.fs >= t.fs && st.value <= t.value)) front[kept++] = t;
    front.length = kept;
    front.push(st);
  };

  let states = new Map<number, State[]>();
  if (wrap) insert(states, keyOf(0, 0, 0, 0, 1), { e: 0, fs: Infinity, value: 0, chosen: null });
  else {
    const e = boundary.lastEnd === null ? 0 : boundary.lastEnd + rest;
    insert(states, keyOf(0, 0, boundary.run, 0, 0), { e, fs: Infinity, value: 0, chosen: null });
  }

  for (let d = 0; d < numDays; d++) {
    const next = new Map<number, State[]>();
    const nextFirst = firstSlot[d + 1];
    const clampE = (e: number) => (e <= nextFirst ? 0 : e);
    const daysLeft = numDays - d - 1;
    for (const [key, front] of states) {
      const { hours, days, run, a, lead } = parts(key);
      // Off today.
      const offHoursReach = hours + maxLen * Math.min(daysLeft, agent.maxDays - days);
      if (offHoursReach >= agent.minHours - TOL && !requiredOn.has(d)) {
        const offKey = keyOf(hours, days, 0, lead ? run : a, 0);
        for (const st of front) insert(next, offKey, { e: clampE(st.e), fs: st.fs, value: st.value, chosen: st.chosen });
      }
      // One shift starting today. Options come in start order: the states a start may follow (e <= start)
      // grow as a prefix of the front sorted by e; of them only the best value per first start fs, and of
      // those the Pareto ones (higher fs, lower value), can lead anywhere.
      if (days + 1 > agent.maxDays || run + 1 > maxRun) continue;
      const byE = front.length > 1 ? [...front].sort((x, y) => x.e - y.e) : front;
      const fsDesc = [...new Set(front.map((st) => st.fs))].sort((x, y) => y - x);
      const bestByFs = new Map<number, State>();
      let next_ = 0;
      for (const o of options[d]) {
        while (next_ < byE.length && byE[next_].e <= o.start) {
          const st = byE[next_++];
          const known = bestByFs.get(st.fs);
          if (!known || st.value < known.value) bestByFs.set(st.fs, st);
        }
        if (bestByFs.size === 0) continue;
        const h2 = hours + o.hours;
        if (h2 > agent.maxHours + TOL) continue;
        if (h2 + maxLen * Math.min(daysLeft, agent.maxDays - days - 1) < agent.minHours - TOL) continue;
        const workKey = keyOf(h2, days + 1, run + 1, a, lead);
        const e2 = clampE(o.start + o.hours + rest);
        let floor = Infinity;
        for (const fs0 of fsDesc) {
          const st = bestByFs.get(fs0);
          if (!st || st.value >= floor) continue;
          floor = st.value;
          const fs = wrap && days === 0 && o.start < fsLimit ? o.start : st.fs;
          insert(next, workKey, { e: e2, fs, value: st.value + o.value, chosen: { start: o.start, hours: o.hours, prev: st.chosen } });
        }
      }
    }
    states = next;
  }

  let best: State | null = null;
  for (const [key, front] of states) {
    const { hours, days, run, a, lead } = parts(key);
    if (hours < agent.minHours - TOL) continue;
    if (wrap && days > 0) {
      if (lead ? 2 * numDays > maxRun : run + a > maxRun) continue;
    }
    for (const st of front) {
      if (wrap && days > 0 && st.e > st.fs + n) continue;
      if (!best || st.value < best.value) best = st;
    }
  }
  if (!best) return null;
  const shifts: PatternShift[] = [];
  for (let c = best.chosen; c; c = c.prev) shifts.unshift({ start: c.start, hours: c.hours });
  return { shifts, value: best.value, reducedCost: best.value - (input.convexityDual ?? 0) };
}
