import { addDaysToDate } from '../domain/time.js';
import type { Random } from '../domain/random.js';

/**
 * A realistic in-house team as agents.csv (SPEC section 6), for the sample center and the
 * schedule benchmark: mostly full-timers, a share of part-timers, a few agents on leave for part
 * of the week, new hires in their 7-day onboarding, weekday wishes for about a third, and day-only
 * staff where a pool asks for them. Deterministic from the random stream.
 */

/** One pool's team: its size and the shares of its traits. */
export interface TeamPool {
  pool: string;
  agents: number;
  /** Share of part-timers (16-24 h, 3-4 days). */
  partTime: number;
  /** Share of day-only agents (`night` = `no`); 0 for a night crew. */
  dayOnly: number;
  /** New hires whose onboarding covers part of the week. */
  hires: number;
}

/** Share of agents on leave for part of the week (at least one a pool). */
const LEAVE_SHARE = 0.05;
/** Share of agents with a weekday wish. */
const WISH_SHARE = 1 / 3;
/** Weekday wishes, the weekend most asked for. */
const WISHES = ['sat;sun', 'sat;sun', 'sun', 'sat', 'wed', 'mon', 'fri', 'fri;sat', 'tue;wed'];
/** Paid hours a date of leave or onboarding counts for in the week's contract. */
const DAY_HOURS = 8;
const ONBOARDING_DAYS = 7;

export const AGENTS_HEADER = 'id,pool,min_hours,max_hours,max_days,unavailable,prefers_off,night';

/**
 * agents.csv's text for the pools' teams, for the week starting on the Monday `weekStart`.
 * Full-timers work at most 40 h on at most 5 days, at least 32 h (one in eight: 40 h); part-timers
 * 16-24 h on 3-4 days. An agent on leave or in onboarding (never a part-timer) has 8 h of its
 * contract's least and most hours paid for each date of it in the week.
 * @example teamCsv([{ pool: 'inhouse', agents: 3, partTime: 0, dayOnly: 0, hires: 0 }], '2026-11-30', seededRandom(1))
 */
export function teamCsv(pools: readonly TeamPool[], weekStart: string, random: Random): string {
  const rows = [AGENTS_HEADER];
  for (const team of pools) rows.push(...poolRows(team, weekStart, random));
  return `${rows.join('\n')}\n`;
}

function poolRows(team: TeamPool, weekStart: string, random: Random): string[] {
  const n = team.agents;
  const pick = (k: number) => Math.floor(random.uniform() * k);
  // Who has which trait: exclusive contracts (hire, leave, part time) from one shuffle, the
  // independent traits (wishes, day only) from others.
  const order = shuffle(n, random);
  const hires = Math.min(n, team.hires);
  const leave = Math.min(n - hires, Math.max(1, Math.round(LEAVE_SHARE * n)));
  const partTime = Math.min(n - hires - leave, Math.round(team.partTime * n));
  const role = new Array<'full' | 'part' | 'leave' | 'hire'>(n).fill('full');
  order.forEach((i, k) => {
    role[i] = k < hires ? 'hire' : k < hires + leave ? 'leave' : k < hires + leave + partTime ? 'part' : 'full';
  });
  const wishes = new Set(shuffle(n, random).slice(0, Math.round(WISH_SHARE * n)));
  const dayOnly = new Set(shuffle(n, random).slice(0, Math.round(team.dayOnly * n)));
  const width = String(n).length;
  return Array.from({ length: n }, (_, i) => {
    const id = `${team.pool}-${String(i + 1).padStart(width, '0')}`;
    let [minHours, maxHours, maxDays] =
      role[i] === 'part' ? [[16, 16, 20][pick(3)], 24, 3 + pick(2)] : [[32, 32, 32, 32, 32, 32, 32, 40][pick(8)], 40, 5];
    let unavailable = '';
    if (role[i] === 'leave' || role[i] === 'hire') {
      // Onboarding: 7 dates begun 2-5 days before the week. Leave: 2-6 dates from up to 3 days
      // before the week to its Sunday (then into the next week), at most 4 of them in the week.
      const hire = role[i] === 'hire';
      const from = hire ? -2 - pick(4) : -3 + pick(10);
      let to = Math.max(0, from + (hire ? ONBOARDING_DAYS : 2 + pick(5)) - 1);
      if (!hire) to = Math.min(to, Math.max(from, 0) + 3);
      const inWeek = Math.min(to, 6) - Math.max(from, 0) + 1;
      minHours = Math.max(0, minHours - DAY_HOURS * inWeek);
      maxHours = Math.max(DAY_HOURS, maxHours - DAY_HOURS * inWeek);
      unavailable = `${addDaysToDate(weekStart, from)}..${addDaysToDate(weekStart, to)}`;
    }
    const wish = wishes.has(i) ? WISHES[pick(WISHES.length)] : '';
    return [id, team.pool, minHours, maxHours, maxDays, unavailable, wish, dayOnly.has(i) ? 'no' : 'yes'].join(',');
  });
}

/** A random order of 0..n-1 (Fisher-Yates). */
function shuffle(n: number, random: Random): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random.uniform() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
