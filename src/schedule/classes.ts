import type { Weekday } from '../domain/time.js';
import { addDaysToDate } from '../domain/time.js';
import type { Agent, LocalDate } from './types.js';

/**
 * Agents of identical attributes (issue 14's column generation prices one weekly pattern per
 * class, not per agent). Carries the attributes in `Agent`'s shape, so it can stand for any member.
 */
export interface AgentClass extends Omit<Agent, 'id'> {
  /** The attributes written out: equal keys, equal classes. Its `unavailable` is canonical:
   * inclusive ranges sorted, overlapping or touching ones merged, clipped to the window if given;
   * its `prefersOff` Monday first, each weekday once. */
  key: string;
  /** Member agent ids, in input order. */
  members: string[];
}

const WEEK_ORDER: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Groups agents into classes of identical attributes: pool, min/max hours, max_days, unavailable
 * dates (as a set of dates, however the ranges were written), prefers_off (as a set) and night.
 * Classes come in the order of their first member in `agents`, members in input order.
 * `window`, when given, is the inclusive range of dates that matter (those a shift of the week can
 * cover; with the week wrap that reaches into the next week's first days): unavailable dates
 * outside it are dropped, so agents differing only there share a class.
 * @example agentClasses([a, b]).map((c) => c.members) //=> [['a', 'b']] when a and b differ only in id
 */
export function agentClasses(agents: readonly Agent[], window?: { from: LocalDate; to: LocalDate }): AgentClass[] {
  const byKey = new Map<string, AgentClass>();
  for (const agent of agents) {
    const unavailable = canonicalRanges(agent.unavailable, window);
    const prefersOff = WEEK_ORDER.filter((w) => agent.prefersOff.includes(w));
    const key = JSON.stringify([
      agent.pool,
      agent.minHours,
      agent.maxHours,
      agent.maxDays,
      unavailable.map((u) => `${u.from}..${u.to}`),
      prefersOff,
      agent.night,
    ]);
    const known = byKey.get(key);
    if (known) known.members.push(agent.id);
    else
      byKey.set(key, {
        key,
        pool: agent.pool,
        minHours: agent.minHours,
        maxHours: agent.maxHours,
        maxDays: agent.maxDays,
        unavailable,
        prefersOff,
        night: agent.night,
        members: [agent.id],
      });
  }
  return [...byKey.values()];
}

/** Ranges sorted by start, clipped to the window, overlapping or adjacent ones merged. */
function canonicalRanges(ranges: Agent['unavailable'], window?: { from: LocalDate; to: LocalDate }): Agent['unavailable'] {
  const clipped = ranges
    .map((r) => (window ? { from: [r.from, window.from].sort()[1], to: [r.to, window.to].sort()[0] } : { ...r }))
    .filter((r) => r.from <= r.to)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  const out: Agent['unavailable'] = [];
  for (const r of clipped) {
    const last = out[out.length - 1];
    if (last && r.from <= addDaysToDate(last.to, 1)) {
      if (r.to > last.to) last.to = r.to;
    } else out.push({ ...r });
  }
  return out;
}
