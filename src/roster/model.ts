import type { Pool } from '../domain/config.js';
import type { LinearProgram, LinearRow, LinearTerm } from './lpFormat.js';
import type { RosterProblem, RosterSlot } from './types.js';

/**
 * One integer decision of the roster model: how many agents of `pool` work this shape. A plain
 * decision is one shift (start slot, length); a tour is the same daily shift on several days.
 */
export interface Decision {
  /** LP variable name: `x_<pool>_<startSlot>_<hours>` or `t_<pool>_<startHour>_<hours>_off<days>`. */
  name: string;
  pool: Pool;
  hours: number;
  /** Slot index at which each daily shift starts: one for a plain shift, `days` for a tour. */
  starts: number[];
  /** Tours only: local start hour and the days off (day indexes counted from week_start). */
  tour: { startHour: number; daysOff: number[] } | null;
  /** Cost of one agent on this decision for the week, currency units. */
  cost: number;
  /** Paid hours of one agent on this decision for the week. */
  paidHours: number;
}

/** Which hard rules to include; the diagnosis of an infeasible week drops some of them. */
export interface RuleSelection {
  budget: boolean;
  outsourcedShare: boolean;
  maxAgents: boolean;
}

/** The roster MIP: the decisions, the shortfall variable per slot, and the program over them. */
export interface RosterModel {
  decisions: Decision[];
  /** Shortfall variable name per slot index; null where the slot needs no one. */
  shortfall: (string | null)[];
  program: LinearProgram;
}

export const ALL_RULES: RuleSelection = { budget: true, outsourcedShare: true, maxAgents: true };

/**
 * Builds the SPEC's roster model (section 3) in one place: variables, one block per rule, objective
 * = cost + shortfall_penalty x total shortfall.
 */
export function buildRosterModel(problem: RosterProblem, rules: RuleSelection = ALL_RULES): RosterModel {
  const { slots, pools } = problem;
  const n = slots.length;
  const decisions = pools.flatMap((pool) => (pool.week_pattern ? tourDecisions(pool, slots) : shiftDecisions(pool, slots)));
  const shortfall = slots.map((s, h) => (s.staffNeeded > 0 ? `short_${h}` : null));

  // Which decisions put an agent on shift in each slot (a tour once per daily shift).
  const onShift: { d: Decision; agents: number }[][] = slots.map(() => []);
  for (const d of decisions) {
    const count = new Map<number, number>();
    for (const s of d.starts) for (let k = 0; k < d.hours; k++) count.set((s + k) % n, (count.get((s + k) % n) ?? 0) + 1);
    for (const [h, agents] of [...count].sort((a, b) => a[0] - b[0])) onShift[h].push({ d, agents });
  }
  const staffedTerms = (h: number): LinearTerm[] => onShift[h].map(({ d, agents }) => ({ variable: d.name, coef: agents * d.pool.productivity }));
  const costTerms = decisions.map((d) => ({ variable: d.name, coef: d.cost }));
  const rows: LinearRow[] = [];

  // Coverage floor: staffed >= min_coverage x need (night.min_coverage at night). The week wraps.
  slots.forEach((slot, h) => {
    if (slot.floor > 0) rows.push({ name: `floor_${h}`, terms: staffedTerms(h), sense: '>=', rhs: slot.floor });
  });

  // Shortfall: short_h >= need_h - staffed_h, written as staffed_h + short_h >= need_h.
  slots.forEach((slot, h) => {
    const short = shortfall[h];
    if (short) rows.push({ name: `cover_${h}`, terms: [...staffedTerms(h), { variable: short, coef: 1 }], sense: '>=', rhs: slot.staffNeeded });
  });

  // max_agents: agents of the pool on shift in a slot (a head count, not productivity).
  for (const pool of rules.maxAgents ? pools : []) {
    if (pool.max_agents === null) continue;
    slots.forEach((_, h) => {
      const terms = onShift[h].filter(({ d }) => d.pool === pool).map(({ d, agents }) => ({ variable: d.name, coef: agents }));
      if (terms.length > 0) rows.push({ name: `max_${lpName(pool.id)}_${h}`, terms, sense: '<=', rhs: pool.max_agents! });
    });
  }

  // Outsourced share: outsourced paid hours <= share x all paid hours, moved to one side.
  const share = problem.maxOutsourcedShare;
  if (rules.outsourcedShare && share !== null && decisions.some((d) => d.pool.kind === 'outsourced')) {
    const terms = decisions.map((d) => ({ variable: d.name, coef: d.paidHours * ((d.pool.kind === 'outsourced' ? 1 : 0) - share) }));
    rows.push({ name: 'outsourced_share', terms: terms.filter((t) => t.coef !== 0), sense: '<=', rhs: 0 });
  }

  // Budget: total cost <= budget.
  if (rules.budget && problem.budget !== null) rows.push({ name: 'budget', terms: costTerms, sense: '<=', rhs: problem.budget });

  // Objective: cost + shortfall_penalty x total shortfall.
  const penaltyTerms = shortfall.flatMap((v) => (v ? [{ variable: v, coef: problem.shortfallPenalty }] : []));
  const program = { objective: [...costTerms, ...penaltyTerms], rows, integers: decisions.map((d) => d.name) };
  return { decisions, shortfall, program };
}

/** Cost of one agent working `hours` from slot `start`: cost_per_hour, plus night_premium in night slots. */
export function shiftCost(pool: Pool, slots: readonly RosterSlot[], start: number, hours: number): number {
  let cost = 0;
  for (let k = 0; k < hours; k++) cost += pool.cost_per_hour * (1 + (slots[(start + k) % slots.length].night ? pool.night_premium : 0));
  return cost;
}

// A start slot is every slot whose local hour of day is allowed (never slot % 24: DST weeks).
function shiftDecisions(pool: Pool, slots: readonly RosterSlot[]): Decision[] {
  const out: Decision[] = [];
  slots.forEach((slot, s) => {
    if (pool.start_hours !== null && !pool.start_hours.includes(slot.hourOfDay)) return;
    for (const hours of pool.shift_lengths) {
      out.push({ name: `x_${lpName(pool.id)}_${s}_${hours}`, pool, hours, starts: [s], tour: null, cost: shiftCost(pool, slots, s, hours), paidHours: hours });
    }
  });
  return out;
}

function tourDecisions(pool: Pool, slots: readonly RosterSlot[]): Decision[] {
  const out: Decision[] = [];
  const hours = pool.start_hours ?? Array.from({ length: 24 }, (_, h) => h);
  for (const startHour of hours) {
    for (const length of pool.shift_lengths) {
      for (const daysOff of offDaySets(pool.week_pattern!)) {
        const starts = [0, 1, 2, 3, 4, 5, 6].filter((d) => !daysOff.includes(d)).map((d) => dailyStart(slots, d, startHour));
        out.push({
          name: `t_${lpName(pool.id)}_${startHour}_${length}_off${daysOff.join('') || 'none'}`,
          pool,
          hours: length,
          starts,
          tour: { startHour, daysOff },
          cost: starts.reduce((c, s) => c + shiftCost(pool, slots, s, length), 0),
          paidHours: starts.length * length,
        });
      }
    }
  }
  return out;
}

/**
 * The sets of days (0-6 from week_start) a tour may have off: `7 - days` of them, adjacent
 * (Sunday and Monday too, the week wraps) when `consecutive_days_off`.
 */
export function offDaySets(pattern: { days: number; consecutive_days_off: boolean }): number[][] {
  const k = 7 - pattern.days;
  if (k === 0) return [[]];
  if (pattern.consecutive_days_off) {
    return [0, 1, 2, 3, 4, 5, 6].map((d) => Array.from({ length: k }, (_, i) => (d + i) % 7).sort((a, b) => a - b));
  }
  const sets: number[][] = [];
  const pick = (from: number, chosen: number[]) => {
    if (chosen.length === k) return void sets.push(chosen);
    for (let d = from; d < 7; d++) pick(d + 1, [...chosen, d]);
  };
  pick(0, []);
  return sets;
}

/**
 * The slot where a tour's shift starts on day `day`: the day's first slot at or after the local
 * start hour (on the spring-forward day a missing 02:00 becomes 03:00, as a wall clock does).
 */
export function dailyStart(slots: readonly RosterSlot[], day: number, startHour: number): number {
  const i = slots.findIndex((s) => s.day === day && s.hourOfDay >= startHour);
  return i >= 0 ? i : slots.findIndex((s) => s.day > day);
}

// Pool ids may hold '-', which LP text reads as minus; '.' cannot occur in an id, so no clash.
function lpName(id: string): string {
  return id.replace(/-/g, '.');
}
