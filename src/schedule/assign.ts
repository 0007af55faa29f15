import type { RosterSlot } from '../roster/types.js';
import { fitsWeek, type WeekFacts } from './agentWeek.js';
import type { Pattern, PatternGroup } from './master.js';
import type { PatternShift } from './pricing.js';

/** One agent's week while the soft goals are improved: its shift per day (null: off). */
export interface AgentDays {
  id: string;
  group: PatternGroup;
  days: (PatternShift | null)[];
}

// Weights of the soft goals, in the SPEC's order: a prefers_off day worked counts more than any spread.
const WISH_WEIGHT = 100;
const WEEKEND_WEIGHT = 1;
const NIGHT_WEIGHT = 1;
/** Spreads up to this are left as they are (the benchmark's bar): wider ones are worked on. */
const MAX_SPREAD = 2;

/**
 * Each group's patterns handed to its agents, in input order (the MIP counts agents per pattern;
 * agents of a group are interchangeable). The rest of a group's agents get an empty week.
 */
export function assignPatterns(
  groups: readonly PatternGroup[],
  patterns: readonly Pattern[],
  counts: ReadonlyMap<string, number>,
  numDays: number,
  slots: readonly Pick<RosterSlot, 'day'>[],
): AgentDays[] {
  const out: AgentDays[] = [];
  groups.forEach((group, g) => {
    const queue = patterns.filter((p) => p.group === g).flatMap((p) => Array.from({ length: counts.get(p.name) ?? 0 }, () => p.shifts));
    group.members.forEach((id, k) => {
      const days = new Array<PatternShift | null>(numDays).fill(null);
      for (const s of queue[k] ?? []) days[slots[s.start].day] = s;
      out.push({ id, group, days });
    });
  });
  return out;
}

/**
 * The soft goals after cost (SPEC section 6): prefers_off days left free, then weekend days and
 * night shifts spread evenly among agents of a pool with the same max_days. Only moves that keep
 * every (pool, start, hours) count change anything, so cost, coverage and every roster rule stay
 * as the MIP left them: two agents of a pool trade their shifts of one day, of two days, or their
 * whole weeks, when both weeks still obey the rules (agentWeek.ts) and the goals improve. Stops
 * when no move helps or after `limits.trades` trades tried (a budget of work: the same answer on
 * any machine), or at the safety net `limits.deadline` (performance.now() milliseconds). Changes
 * `agents` in place.
 */
export function improveSoftGoals(
  agents: AgentDays[],
  slots: readonly Pick<RosterSlot, 'day' | 'night'>[],
  week: WeekFacts,
  weekdayOf: (day: number) => string,
  limits: { trades: number; deadline: number },
): void {
  let trades = 0;
  const spent = () => trades >= limits.trades || performance.now() > limits.deadline;
  const n = slots.length;
  const numDays = slots[n - 1].day + 1;
  const allDays = Array.from({ length: numDays }, (_, d) => d);
  const weekendDays = Array.from({ length: numDays }, (_, d) => ['sat', 'sun'].includes(weekdayOf(d)));
  const nightShift = new Map<string, boolean>();
  const coversNight = (s: PatternShift) => {
    const key = `${s.start}/${s.hours}`;
    let night = nightShift.get(key);
    if (night === undefined)
      nightShift.set(key, (night = Array.from({ length: s.hours }, (_, k) => slots[(s.start + k) % n].night).some(Boolean)));
    return night;
  };
  const figures = (a: AgentDays, days: readonly (PatternShift | null)[]) => {
    let wishes = 0;
    let weekend = 0;
    let nights = 0;
    days.forEach((s, d) => {
      if (!s) return;
      if (a.group.wishes.has(d)) wishes++;
      if (weekendDays[d]) weekend++;
      if (coversNight(s)) nights++;
    });
    return { wishes, weekend, nights };
  };
  // Spread groups: pool and max_days; each keeps the sums of its agents' counts and their squares.
  const spreadKey = (a: AgentDays) => `${a.group.pool.id}|${a.group.agent.maxDays}`;
  const sums = new Map<string, { n: number; w: number; w2: number; x: number; x2: number }>();
  const current = new Map(agents.map((a) => [a, figures(a, a.days)]));
  for (const a of agents) {
    const f = current.get(a)!;
    const s = sums.get(spreadKey(a)) ?? { n: 0, w: 0, w2: 0, x: 0, x2: 0 };
    s.n++;
    s.w += f.weekend;
    s.w2 += f.weekend ** 2;
    s.x += f.nights;
    s.x2 += f.nights ** 2;
    sums.set(spreadKey(a), s);
  }
  const spreadCost = (s: { n: number; w: number; w2: number; x: number; x2: number }) =>
    WEEKEND_WEIGHT * (s.w2 - (s.w * s.w) / s.n) + NIGHT_WEIGHT * (s.x2 - (s.x * s.x) / s.n);
  const shiftsOf = (days: readonly (PatternShift | null)[]) => days.filter((s): s is PatternShift => s !== null);

  /** Tries a's and b's new weeks: applies them and returns true when both fit and the goals improve. */
  const attempt = (a: AgentDays, b: AgentDays, da: (PatternShift | null)[], db: (PatternShift | null)[]): boolean => {
    trades++;
    const changes: [AgentDays, ReturnType<typeof figures>][] = [
      [a, figures(a, da)],
      [b, figures(b, db)],
    ];
    const touched = new Map([...new Set([spreadKey(a), spreadKey(b)])].map((k) => [k, { ...sums.get(k)! }]));
    for (const [x, f] of changes) {
      const o = current.get(x)!;
      const t = touched.get(spreadKey(x))!;
      t.w += f.weekend - o.weekend;
      t.w2 += f.weekend ** 2 - o.weekend ** 2;
      t.x += f.nights - o.nights;
      t.x2 += f.nights ** 2 - o.nights ** 2;
    }
    const wishes = (fs: ReturnType<typeof figures>[]) => WISH_WEIGHT * fs.reduce((c, f) => c + f.wishes, 0);
    const before = [...touched.keys()].reduce((c, k) => c + spreadCost(sums.get(k)!), 0) + wishes([current.get(a)!, current.get(b)!]);
    const after = [...touched.values()].reduce((c, t) => c + spreadCost(t), 0) + wishes(changes.map(([, f]) => f));
    if (after >= before - 1e-9) return false;
    if (!fitsWeek(shiftsOf(da), a.group.week, week) || !fitsWeek(shiftsOf(db), b.group.week, week)) return false;
    a.days = da;
    b.days = db;
    for (const [x, f] of changes) current.set(x, f);
    for (const [k, t] of touched) sums.set(k, t);
    return true;
  };
  // Worth moving: an agent working a day it wished off, or at either end of a spread of 2 or more
  // in its group (the ends as they were when the pass began).
  let ends = new Map<string, { w: [number, number]; x: [number, number] }>();
  const measureEnds = () => {
    ends = new Map();
    for (const a of agents) {
      const f = current.get(a)!;
      const e = ends.get(spreadKey(a)) ?? { w: [Infinity, -Infinity], x: [Infinity, -Infinity] };
      e.w = [Math.min(e.w[0], f.weekend), Math.max(e.w[1], f.weekend)];
      e.x = [Math.min(e.x[0], f.nights), Math.max(e.x[1], f.nights)];
      ends.set(spreadKey(a), e);
    }
  };
  const atEnd = (v: number, [lo, hi]: [number, number]) => hi - lo > MAX_SPREAD && (v === lo || v === hi);
  // The days whose trade can help a: days worked it wished off; the weekend, or every day for
  // nights, when it is at an end of a spread too wide.
  const daysToTrade = (a: AgentDays, goal: 'wishes' | 'spread'): number[] => {
    const f = current.get(a)!;
    if (goal === 'wishes') return f.wishes > 0 ? allDays.filter((d) => a.days[d] !== null && a.group.wishes.has(d)) : [];
    const e = ends.get(spreadKey(a))!;
    if (atEnd(f.nights, e.x)) return allDays;
    return atEnd(f.weekend, e.w) ? allDays.filter((d) => weekendDays[d]) : [];
  };

  const byPool = new Map<string, AgentDays[]>();
  for (const a of agents) byPool.set(a.group.pool.id, [...(byPool.get(a.group.pool.id) ?? []), a]);
  let improved = true;
  while (improved && !spent()) {
    improved = false;
    measureEnds();
    for (const goal of ['wishes', 'spread'] as const)
      for (const team of byPool.values()) {
        // Who works each day, as the pass begins (a trade re-checks the agents' weeks as they are).
        const working = allDays.map((d) => team.filter((b) => b.days[d] !== null));
        const resting = allDays.map((d) => team.filter((b) => b.days[d] === null));
        team.forEach((a, i) => {
          if (spent()) return;
          const trade = daysToTrade(a, goal).filter((d) => !pinned(a, d));
          if (a.group.pool.week_pattern) {
            // A tour is traded whole.
            const whole = (b: AgentDays) => a !== b && b.group.required.length === 0 && attempt(a, b, [...b.days], [...a.days]);
            if (trade.length > 0 && a.group.required.length === 0) improved = tryPartners(team, i, whole) || improved;
            return;
          }
          for (const d of trade) {
            const partners = a.days[d] ? [...resting[d], ...working[d]] : working[d];
            improved = tryPartners(partners, i, (b) => tradeDays(a, b, d)) || improved;
          }
        });
      }
  }

  /** a and b trade their day-d shifts, and when that alone does not do, a second day the other way (pinned days never move). */
  function tradeDays(a: AgentDays, b: AgentDays, d: number): boolean {
    if (a === b || sameShift(a.days[d], b.days[d]) || pinned(b, d)) return false;
    const da = [...a.days];
    const db = [...b.days];
    [da[d], db[d]] = [db[d], da[d]];
    if (attempt(a, b, da, db)) return true;
    for (let e = 0; e < numDays; e++) {
      if (e === d || sameShift(a.days[e], b.days[e]) || pinned(a, e) || pinned(b, e)) continue;
      const da2 = [...da];
      const db2 = [...db];
      [da2[e], db2[e]] = [db2[e], da2[e]];
      if (attempt(a, b, da2, db2)) return true;
    }
    return false;
  }
}

// Partners tried per trade wanted: a large pool is sampled (from a point that moves with the agent) rather than searched whole.
const PARTNERS_TRIED = 300;

/** Tries partners from a rotating start until one trade succeeds; whether one did. */
function tryPartners(partners: readonly AgentDays[], offset: number, trade: (b: AgentDays) => boolean): boolean {
  const m = partners.length;
  for (let k = 0; k < Math.min(m, PARTNERS_TRIED); k++) if (trade(partners[(offset * 7919 + k) % m])) return true;
  return false;
}

/** Whether the agent's shift of day `d` is pinned (a published row that stays as it is). */
function pinned(a: AgentDays, d: number): boolean {
  const s = a.days[d];
  return s !== null && a.group.required.some((r) => r.start === s.start && r.hours === s.hours);
}

function sameShift(x: PatternShift | null, y: PatternShift | null): boolean {
  return x === y || (x !== null && y !== null && x.start === y.start && x.hours === y.hours);
}
