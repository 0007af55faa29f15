import type { Pool, ScheduleRules } from '../domain/config.js';
import { addDaysToDate } from '../domain/time.js';
import type { RosterSlot } from '../roster/types.js';
import type { PatternShift, PricingBoundary } from './pricing.js';
import type { Agent } from './types.js';

const TOL = 1e-9;

/** One agent's week as the solver sees it: what `fitsWeek` checks a set of shifts against. */
export interface AgentWeek {
  agent: Pick<Agent, 'minHours' | 'maxHours' | 'maxDays' | 'night'>;
  /** Day indexes the agent is unavailable on (7-13: next week's, which a shift of the last day can reach); see `blockedDays`. */
  blocked: ReadonlySet<number>;
  pool: Pick<Pool, 'week_pattern'>;
  boundary: PricingBoundary;
}

/** The week's facts shared by every agent's check. */
export interface WeekFacts {
  slots: readonly Pick<RosterSlot, 'day' | 'night' | 'hourOfDay'>[];
  rules: Pick<ScheduleRules, 'minRestHours' | 'maxConsecutiveDays'>;
}

/**
 * Whether an agent may work exactly these shifts (start slot order, the pool's lengths and start
 * hours already): one start a day, rest between shifts (around the week's end, or after last
 * week's tail), paid hours and days within the contract, no run of days beyond the rule, no hour
 * on an unavailable date, no night slot for night = no, and a tour pool's pattern (the same start
 * hour and length every day worked, `days` of them, days off adjacent when asked). The solver's
 * own fast check, used while it improves the soft goals; the answer is checked again by verify.ts.
 */
export function fitsWeek(shifts: readonly PatternShift[], who: AgentWeek, week: WeekFacts): boolean {
  const { slots, rules } = week;
  const { agent, boundary } = who;
  const n = slots.length;
  const numDays = slots[n - 1].day + 1;
  if (shifts.length > agent.maxDays) return false;
  const hours = shifts.reduce((a, s) => a + s.hours, 0);
  if (hours < agent.minHours - TOL || hours > agent.maxHours + TOL) return false;
  if (shifts.length === 0) return true;
  const worked = new Array<boolean>(numDays).fill(false);
  for (let i = 0; i < shifts.length; i++) {
    const { start, hours: length } = shifts[i];
    const day = slots[start].day;
    if (worked[day]) return false;
    worked[day] = true;
    if (i > 0 && start < shifts[i - 1].start + shifts[i - 1].hours + rules.minRestHours) return false;
    for (let k = 0; k < length; k++) {
      const h = start + k;
      const slot = slots[h % n];
      if (!agent.night && slot.night) return false;
      if (who.blocked.has(slot.day + numDays * Math.floor(h / n))) return false;
    }
  }
  const first = shifts[0];
  const last = shifts[shifts.length - 1];
  if (boundary.wrap) {
    if (first.start + n < last.start + last.hours + rules.minRestHours) return false;
  } else if (boundary.lastEnd !== null && first.start < boundary.lastEnd + rules.minRestHours) return false;
  if (longestRun(worked, boundary) > rules.maxConsecutiveDays) return false;
  const pattern = who.pool.week_pattern;
  if (pattern) {
    if (shifts.length !== pattern.days) return false;
    const hour = slots[first.start].hourOfDay;
    if (shifts.some((s) => s.hours !== first.hours || slots[s.start].hourOfDay !== hour)) return false;
    if (pattern.consecutive_days_off && !offDaysAdjacent(worked)) return false;
  }
  return true;
}

/** The longest run of consecutive days worked: around the week's end with the wrap (every day: twice the week), else continuing last week's. */
function longestRun(worked: readonly boolean[], boundary: PricingBoundary): number {
  const d = worked.length;
  if (worked.every(Boolean)) return boundary.wrap ? 2 * d : boundary.run + d;
  let best = 0;
  let run = boundary.wrap ? 0 : boundary.run;
  // With the wrap, start counting after a day off so that runs crossing the week's end count whole.
  const from = boundary.wrap ? worked.indexOf(false) + 1 : 0;
  for (let k = 0; k < d; k++) {
    const day = (from + k) % d;
    if (!boundary.wrap && day < from) break;
    run = worked[day] ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

/** Whether the days off form one block (around the week's end too). */
function offDaysAdjacent(worked: readonly boolean[]): boolean {
  const d = worked.length;
  let starts = 0;
  for (let k = 0; k < d; k++) if (!worked[k] && worked[(k - 1 + d) % d]) starts++;
  return starts <= 1;
}

/** The day indexes (0 to twice the week's days) whose dates are among the agent's unavailable ones. */
export function blockedDays(agent: Pick<Agent, 'unavailable'>, weekStart: string, numDays: number): Set<number> {
  const out = new Set<number>();
  if (agent.unavailable.length === 0) return out;
  for (let day = 0; day < 2 * numDays; day++) {
    const date = addDaysToDate(weekStart, day);
    if (agent.unavailable.some((u) => u.from <= date && date <= u.to)) out.add(day);
  }
  return out;
}
