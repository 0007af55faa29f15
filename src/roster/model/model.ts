import type { Pool } from '../../domain/config.js';
import { dropDominated, type Merge } from './dominance.js';
import type { LinearProgram, LinearRow, LinearTerm } from './lpFormat.js';
import type { RosterProblem, RosterSlot, TeamCapacity } from '../types.js';
import { horizonWeeks } from '../problem.js';

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
  /** The standby pools' cover of the hi80 need (SPEC section 7), when the problem has them. */
  standby: boolean;
}

/** The roster MIP: the decisions, the shortfall variable per slot, and the program over them. */
export interface RosterModel {
  /** The decisions that are columns of the program (dominated ones left out, see dominance.ts). */
  decisions: Decision[];
  /** Left-out shifts equal to two kept ones back to back; a solution is merged into them. */
  merges: Merge[];
  /**
   * The standby pools' on-call shifts `s_<pool>_<startSlot>_<hours>` (cost: the retainer); empty
   * without standby pools or when the rules leave the standby cover out.
   */
  onCall: Decision[];
  /** Shortfall variable name per slot index; null where the slot needs no one (all null with tiers). */
  shortfall: (string | null)[];
  /** With tiers: shortfall variable per slot and tier (order of `problem.tiers`); null where the tier needs no one. */
  tierShortfall?: (string | null)[][];
  /** The coverage floor rows: name, slot and the staff needed they are a share of (shadowPrices.ts). */
  floorRows: { name: string; slot: number; need: number }[];
  /** The standby cover rows: name, slot and the hi80 need they are a share (standby.coverage) of. */
  standbyRows: { name: string; slot: number; need: number }[];
  program: LinearProgram;
}

export const ALL_RULES: RuleSelection = { budget: true, outsourcedShare: true, maxAgents: true, standby: true };

/**
 * Builds the SPEC's roster model (section 3) in one place: variables, one block per rule, objective
 * = cost + shortfall_penalty x total shortfall. Head counts `on_<pool>_<slot>` (integer) carry
 * coverage: each follows the previous slot plus the shifts starting minus the shifts ending, a
 * sparse form that also gives branching a per-hour quantity to work on.
 */
export function buildRosterModel(problem: RosterProblem, rules: RuleSelection = ALL_RULES): RosterModel {
  const { slots } = problem;
  const n = slots.length;
  const all = problem.pools.flatMap((pool) => (pool.week_pattern ? tourDecisions(pool, slots) : shiftDecisions(pool, slots)));
  const capped = problem.teams ? new Set(problem.teams.map((t) => t.pool)) : undefined;
  const { kept: decisions, merges } = dropDominated(all, problem.pools, slots, problem.tiers, capped);
  const pools = problem.pools.filter((p) => decisions.some((d) => d.pool === p));
  const shortfall = slots.map((s, h) => (s.staffNeeded > 0 && !problem.tiers ? `short_${h}` : null));
  const heads = (pool: Pool, h: number) => `on_${lpName(pool.id)}_${h}`;
  const staffedTerms = (h: number): LinearTerm[] => pools.map((p) => ({ variable: heads(p, h), coef: p.productivity }));
  const onCall = rules.standby && problem.standby ? problem.standby.pools.flatMap((pool) => onCallDecisions(pool, slots)) : [];
  const costTerms = [...decisions, ...onCall].map((d) => ({ variable: d.name, coef: d.cost }));
  const rows: LinearRow[] = [];

  // Head counts: slot 0 counts every shift on at 0 (the week wraps); each later slot is the one
  // before plus the shifts starting minus those ending. Slot 0 anchors the cycle.
  for (const pool of pools) {
    const mine = decisions.filter((d) => d.pool === pool);
    rows.push({
      name: `heads_${lpName(pool.id)}_0`,
      terms: [{ variable: heads(pool, 0), coef: 1 }, ...onAt(mine, 0, n).map((t) => ({ ...t, coef: -t.coef }))],
      sense: '=',
      rhs: 0,
    });
    const change = slots.map(() => new Map<string, number>());
    for (const d of mine) {
      for (const s of d.starts) {
        change[s].set(d.name, (change[s].get(d.name) ?? 0) - 1);
        change[(s + d.hours) % n].set(d.name, (change[(s + d.hours) % n].get(d.name) ?? 0) + 1);
      }
    }
    for (let h = 1; h < n; h++) {
      const moves = [...change[h]].filter(([, c]) => c !== 0).map(([variable, coef]) => ({ variable, coef }));
      rows.push({
        name: `heads_${lpName(pool.id)}_${h}`,
        terms: [{ variable: heads(pool, h), coef: 1 }, { variable: heads(pool, h - 1), coef: -1 }, ...moves],
        sense: '=',
        rhs: 0,
      });
    }
  }

  const floorRows: RosterModel['floorRows'] = [];
  const tiered = problem.tiers ? tierRows(problem, pools, heads) : null;
  if (tiered) {
    rows.push(...tiered.rows);
    floorRows.push(...tiered.floorRows);
  } else {
    // Coverage floor: staffed >= min_coverage x need (night.min_coverage at night).
    slots.forEach((slot, h) => {
      if (slot.floor > 0) {
        rows.push({ name: `floor_${h}`, terms: staffedTerms(h), sense: '>=', rhs: slot.floor });
        floorRows.push({ name: `floor_${h}`, slot: h, need: slot.staffNeeded });
      }
    });

    // Shortfall: short_h >= need_h - staffed_h, written as staffed_h + short_h >= need_h.
    slots.forEach((slot, h) => {
      const short = shortfall[h];
      if (short)
        rows.push({ name: `cover_${h}`, terms: [...staffedTerms(h), { variable: short, coef: 1 }], sense: '>=', rhs: slot.staffNeeded });
    });
  }

  // max_agents: agents of the pool on shift in a slot (a head count, not productivity). Written
  // over the shifts themselves so that its dual prices the rule (shadowPrices.ts reads it so).
  for (const pool of rules.maxAgents ? pools : []) {
    if (pool.max_agents === null) continue;
    const mine = decisions.filter((d) => d.pool === pool);
    slots.forEach((_, h) => {
      const terms = onAt(mine, h, n);
      if (terms.length > 0) rows.push({ name: `max_${lpName(pool.id)}_${h}`, terms, sense: '<=', rhs: pool.max_agents! });
    });
  }

  // Standby (SPEC section 7): staffed + on-call staff >= coverage x the hi80 need, per slot; each
  // standby pool's on-call agents at most its max_agents. On-call shifts enter no other row.
  const standbyRows: RosterModel['standbyRows'] = [];
  if (onCall.length > 0) {
    const coverage = problem.standby!.coverage;
    const productivity = new Map(onCall.map((d) => [d.name, d.pool.productivity]));
    slots.forEach((slot, h) => {
      const need = coverage * (slot.staffNeededHigh ?? 0);
      if (need <= 0) return;
      const standby = onAt(onCall, h, n).map((t) => ({ ...t, coef: t.coef * productivity.get(t.variable)! }));
      rows.push({ name: `standby_${h}`, terms: [...staffedTerms(h), ...standby], sense: '>=', rhs: need });
      standbyRows.push({ name: `standby_${h}`, slot: h, need: slot.staffNeededHigh! });
    });
    for (const pool of rules.maxAgents ? problem.standby!.pools : []) {
      if (pool.max_agents === null) continue;
      const mine = onCall.filter((d) => d.pool === pool);
      slots.forEach((_, h) => {
        const terms = onAt(mine, h, n);
        if (terms.length > 0) rows.push({ name: `max_${lpName(pool.id)}_${h}`, terms, sense: '<=', rhs: pool.max_agents! });
      });
    }
  }

  // Named pools: what their team can staff (issue 14; the figures come from src/schedule/capacity.ts).
  // Each row holds for every schedule that obeys SPEC section 6, counted by (pool, start, hours),
  // so the capped model is a relaxation of the schedule and its optimum a lower bound on any
  // schedule's. A tour counts once per day it works. Capped pools keep every shift (dominance.ts).
  // - Paid hours within [sum of least, sum of most] hours each agent can work: sums of shifts open
  //   to it (no unavailable date covered, no night slot for night = no) on distinct days, at most
  //   max_days of them, within its [min_hours, max_hours].
  // - Shifts within the same sums counted in shifts: an agent starts at most one shift a local
  //   date, so its shifts are its days worked (at most max_days, and at most what
  //   max_consecutive_days leaves in a week).
  // - Per day: the shifts starting that day at most the agents open to one of them; the
  //   night-covering ones at most the night-capable agents open to one; any other set of the
  //   day's shifts at most the agents open to one of them (Hall's condition: an agent takes at
  //   most one of the day's starts).
  // - An agent whose contract no week meets: no schedule exists, and a row no roster meets says so.
  for (const team of problem.teams ?? []) rows.push(...teamRows(team, decisions, slots));

  // Outsourced share: outsourced paid hours <= share x all paid hours, moved to one side.
  const share = problem.maxOutsourcedShare;
  if (rules.outsourcedShare && share !== null && decisions.some((d) => d.pool.kind === 'outsourced')) {
    const terms = decisions.map((d) => ({ variable: d.name, coef: d.paidHours * ((d.pool.kind === 'outsourced' ? 1 : 0) - share) }));
    rows.push({ name: 'outsourced_share', terms: terms.filter((t) => t.coef !== 0), sense: '<=', rhs: 0 });
  }

  // Budget: total cost <= budget.
  if (rules.budget && problem.budget !== null) rows.push({ name: 'budget', terms: costTerms, sense: '<=', rhs: problem.budget });

  // Objective: cost + shortfall_penalty x total shortfall.
  const shorts = tiered ? tiered.shortfall.flat() : shortfall;
  const penaltyTerms = shorts.flatMap((v) => (v ? [{ variable: v, coef: problem.shortfallPenalty }] : []));
  const integers = [...decisions, ...onCall].map((d) => d.name).concat(pools.flatMap((p) => slots.map((_, h) => heads(p, h))));
  const program = { objective: [...costTerms, ...penaltyTerms], rows, integers };
  return { decisions, merges, onCall, shortfall, ...(tiered && { tierShortfall: tiered.shortfall }), floorRows, standbyRows, program };
}

/**
 * The coverage rows of a tiered problem (issue 13). An agent counts towards one tier at a time:
 * a pool serving several tiers splits its staff with continuous allocations
 * `y_<pool>_<tier>_<slot>` (their sum <= productivity x head count, row `split_<pool>_<slot>`);
 * a pool serving one tier gives it all its staff. Per tier and slot, with the tier's staff
 * staffed_t: the floor `floor_<tier>_<slot>` (staffed_t >= the tier's floor) and the shortfall
 * `cover_<tier>_<slot>` (staffed_t + short_<tier>_<slot> >= the tier's need). Only tiers that
 * need someone in a slot get rows, allocations and a shortfall there.
 */
function tierRows(problem: RosterProblem, pools: readonly Pool[], heads: (pool: Pool, h: number) => string) {
  const tiers = problem.tiers!;
  const rows: LinearRow[] = [];
  const floorRows: RosterModel['floorRows'] = [];
  // The tiers (indexes into problem.tiers) each pool with decisions serves.
  const served = new Map(pools.map((p) => [p, tiers.flatMap((t, k) => (t.pools.includes(p.id) ? [k] : []))]));
  const shortfall = problem.slots.map((slot, h) =>
    tiers.map((t, k) => (slot.tiers![k].staffNeeded > 0 ? `short_${lpName(t.name)}_${h}` : null)),
  );
  problem.slots.forEach((slot, h) => {
    const alloc = (p: Pool, k: number) => `y_${lpName(p.id)}_${lpName(tiers[k].name)}_${h}`;
    const needs = (k: number) => slot.tiers![k].staffNeeded > 0;
    for (const p of pools) {
      const ks = served.get(p)!.filter(needs);
      if (served.get(p)!.length < 2 || ks.length === 0) continue;
      rows.push({
        name: `split_${lpName(p.id)}_${h}`,
        terms: [...ks.map((k) => ({ variable: alloc(p, k), coef: 1 })), { variable: heads(p, h), coef: -p.productivity }],
        sense: '<=',
        rhs: 0,
      });
    }
    tiers.forEach((tier, k) => {
      if (!needs(k)) return;
      const terms = pools
        .filter((p) => served.get(p)!.includes(k))
        .map((p) => (served.get(p)!.length < 2 ? { variable: heads(p, h), coef: p.productivity } : { variable: alloc(p, k), coef: 1 }));
      const { floor, staffNeeded } = slot.tiers![k];
      const name = lpName(tier.name);
      if (floor > 0) {
        rows.push({ name: `floor_${name}_${h}`, terms, sense: '>=', rhs: floor });
        floorRows.push({ name: `floor_${name}_${h}`, slot: h, need: staffNeeded });
      }
      rows.push({ name: `cover_${name}_${h}`, terms: [...terms, { variable: shortfall[h][k]!, coef: 1 }], sense: '>=', rhs: staffNeeded });
    });
  });
  return { rows, floorRows, shortfall };
}

/** The rows of one named pool's TeamCapacity over its decisions (see the block in buildRosterModel). */
function teamRows(team: TeamCapacity, decisions: readonly Decision[], slots: readonly RosterSlot[]): LinearRow[] {
  const n = slots.length;
  const mine = decisions.filter((d) => d.pool.id === team.pool);
  const name = `team_${lpName(team.pool)}`;
  // A decision's coefficient: how many of its daily shifts (start slot, hours) pass the test.
  const count = (test: (start: number, hours: number) => boolean): LinearTerm[] =>
    mine.flatMap((d) => {
      const k = d.starts.filter((s) => test(s, d.hours)).length;
      return k > 0 ? [{ variable: d.name, coef: k }] : [];
    });
  const coversNight = (s: number, hours: number) => Array.from({ length: hours }, (_, k) => slots[(s + k) % n].night).some(Boolean);
  const all = () => true;
  const paid = mine.map((d) => ({ variable: d.name, coef: d.paidHours }));
  const rows: LinearRow[] = [
    { name: `${name}_hours_min`, terms: paid, sense: '>=', rhs: team.minHours },
    { name: `${name}_hours_max`, terms: paid, sense: '<=', rhs: team.maxHours },
    { name: `${name}_shifts_min`, terms: count(all), sense: '>=', rhs: team.minShifts },
    { name: `${name}_shifts_max`, terms: count(all), sense: '<=', rhs: team.maxShifts },
  ];
  team.startsByDay.forEach((agents, day) =>
    rows.push({ name: `${name}_starts_${day}`, terms: count((s) => slots[s].day === day), sense: '<=', rhs: agents }),
  );
  team.nightStartsByDay.forEach((agents, day) =>
    rows.push({
      name: `${name}_night_${day}`,
      terms: count((s, h) => slots[s].day === day && coversNight(s, h)),
      sense: '<=',
      rhs: agents,
    }),
  );
  // An agent whose contract no week meets: no schedule exists, so this (unsatisfiable) row is valid too.
  if (team.unschedulable.length > 0) rows.push({ name: `${name}_contracts`, terms: paid, sense: '<=', rhs: -1 });
  team.startCaps.forEach((cap, k) => {
    const listed = new Set(cap.shifts.map((x) => `${x.start}|${x.hours}`));
    rows.push({ name: `${name}_cap_${cap.day}_${k}`, terms: count((s, h) => listed.has(`${s}|${h}`)), sense: '<=', rhs: cap.agents });
  });
  // A capped pool keeps all its shifts, so only a pool without any has rows over no decision: left out.
  return rows.filter((r) => r.terms.length > 0);
}

/** Agents each decision puts on shift in slot `h` (a tour once per daily shift), as terms. */
function onAt(decisions: readonly Decision[], h: number, n: number): LinearTerm[] {
  const terms: LinearTerm[] = [];
  for (const d of decisions) {
    const agents = d.starts.filter((s) => (h - s + n) % n < d.hours).length;
    if (agents > 0) terms.push({ variable: d.name, coef: agents });
  }
  return terms;
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
      out.push({
        name: `x_${lpName(pool.id)}_${s}_${hours}`,
        pool,
        hours,
        starts: [s],
        tour: null,
        cost: shiftCost(pool, slots, s, hours),
        paidHours: hours,
      });
    }
  });
  return out;
}

/** A standby pool's on-call shifts: its starts and lengths, each agent paid the retainer for every hour on call. */
function onCallDecisions(pool: Pool, slots: readonly RosterSlot[]): Decision[] {
  return shiftDecisions(pool, slots).map((d) => ({
    ...d,
    name: `s${d.name.slice(1)}`,
    cost: (pool.retainer_per_hour ?? 0) * d.hours,
    paidHours: 0,
  }));
}

function tourDecisions(pool: Pool, slots: readonly RosterSlot[]): Decision[] {
  const out: Decision[] = [];
  const hours = pool.start_hours ?? Array.from({ length: 24 }, (_, h) => h);
  const weeks = horizonWeeks(slots);
  for (const startHour of hours) {
    for (const length of pool.shift_lengths) {
      for (const daysOff of offDaySets(pool.week_pattern!)) {
        // The same days every week of the horizon.
        const days = Array.from({ length: weeks * 7 }, (_, d) => d).filter((d) => !daysOff.includes(d % 7));
        const starts = days.map((d) => dailyStart(slots, d, startHour));
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

/** A pool id as it may appear in an LP variable name. */
// Pool ids may hold '-', which LP text reads as minus; '.' cannot occur in an id, so no clash.
export function lpName(id: string): string {
  return id.replace(/-/g, '.');
}
