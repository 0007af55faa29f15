import type { Pool } from '../domain/config.js';
import type { Instant } from '../domain/types.js';
import type { ScheduleFigures } from '../schedule/types.js';

/** One hourly slot of the planned week, as the roster model sees it. */
export interface RosterSlot {
  t: Instant;
  /** The slot's timestamp as written in outputs (`2026-11-30T08:00`). */
  label: string;
  /** Local hour of day, 0-23. */
  hourOfDay: number;
  /** Local day counted from week_start: 0-6 in the first week, 7-13 in the second, ... */
  day: number;
  night: boolean;
  /** People needed on a paid shift (not rounded). */
  staffNeeded: number;
  /** Least staffed allowed: min_coverage (night.min_coverage at night) x staffNeeded. */
  floor: number;
  /** With standby pools only: the staff needed at the forecast's hi80 contacts (SPEC section 7). */
  staffNeededHigh?: number;
  /**
   * With tiers only: each tier's need and floor, in the order of `RosterProblem.tiers`
   * (`staffNeeded` and `floor` above are their sums).
   */
  tiers?: { staffNeeded: number; floor: number }[];
}

/** A tier of skill (issue 13): the pools whose agents may take its contacts. */
export interface RosterTier {
  name: string;
  /** Ids of the pools that staff it. */
  pools: string[];
}

/**
 * What the agents of one named pool (SPEC section 6) can staff in the week: a relaxation that every
 * valid schedule of theirs satisfies, counted by (pool, start, hours) (src/schedule/capacity.ts).
 * One-week horizons only. A shift is counted by its start; a tour (week_pattern) counts as one
 * shift per day it works.
 */
export interface TeamCapacity {
  /** The pool's id. */
  pool: string;
  /** The pool's paid hours in the week lie within [minHours, maxHours]. */
  minHours: number;
  maxHours: number;
  /** The pool's shifts in the week (one start a local date per agent, so shifts = agent-days) lie within [minShifts, maxShifts]. */
  minShifts: number;
  maxShifts: number;
  /** Per local day of the horizon: agents who may start some shift of the pool that day. */
  startsByDay: number[];
  /** Per local day: agents who may start some shift covering a night slot that day (night = yes among them). */
  nightStartsByDay: number[];
  /**
   * Further per-day caps (Hall's condition for the day's starts): the listed shifts starting on
   * `day`, by start slot and hours, take at most `agents` agents, those free for at least one of them.
   */
  startCaps: { day: number; shifts: { start: number; hours: number }[]; agents: number }[];
  /** Agents whose contract no week can meet (min_hours out of reach, say), each with why: then no schedule exists. */
  unschedulable: { agent: string; why: string }[];
}

/** Everything the roster model needs, in plain data: the week's slots and the rules. */
export interface RosterProblem {
  /** `YYYY-MM-DD`, local date of slot 0. */
  weekStart: string;
  /** 168 slots a week (167/169 in a daylight-saving week); slot 0 is 00:00 local on weekStart. */
  slots: RosterSlot[];
  /** The pools that work the roster's shifts (standby pools are in `standby`). */
  pools: Pool[];
  /**
   * With standby pools (SPEC section 7): their on-call shifts are planned so that in every slot
   * staffed + on-call staff >= coverage x staffNeededHigh. On-call agents cost their retainer and
   * count toward nothing else (staffed, floors, shortfall, outsourced share).
   */
  standby?: { pools: Pool[]; coverage: number };
  /**
   * Present when the week has more than one tier: each slot's tier needs must be met by the pools
   * that staff that tier, an agent counting towards one tier at a time. Absent: one pooled group.
   */
  tiers?: RosterTier[];
  /**
   * Named pools only (SPEC section 6): what each pool's agents can staff. Present, the model caps
   * each listed pool by its team (a relaxation of the schedule, hence a lower bound on it).
   */
  teams?: TeamCapacity[];
  shortfallPenalty: number;
  /** Outsourced paid hours <= this share of all paid hours; null = no limit. */
  maxOutsourcedShare: number | null;
  /** Total cost <= budget; null = no limit. */
  budget: number | null;
  minCoverage: number;
  nightMinCoverage: number;
  solver: { timeLimitSeconds: number; mipRelGap: number };
}

/** roster.json (SPEC section 1), field names as in the file. */
export interface Roster {
  status: 'optimal' | 'feasible' | 'infeasible';
  week_start: string;
  shifts: { pool: string; start: string; hours: number; agents: number }[];
  tours: { pool: string; start_hour: number; hours: number; days_off: string[]; agents: number }[];
  /** With standby pools only: the on-call shifts (same shape as `shifts`), counted in cost as retainers. */
  standby?: { pool: string; start: string; hours: number; agents: number }[];
  /**
   * `tiers` only with tiers: how the hour's staff is split among them (an allocation that leaves the
   * least shortfall); then `shortfall` is the least total shortfall any split leaves.
   */
  hourly: {
    timestamp: string;
    staff_needed: number;
    staffed: number;
    shortfall: number;
    /** With standby pools only: on-call staff (agents x productivity) and the hi80 need they back up. */
    on_call?: number;
    staff_needed_hi80?: number;
    tiers?: { tier: string; staff_needed: number; staffed: number; shortfall: number }[];
  }[];
  cost: { total: number; by_pool: Record<string, number>; shortfall_penalty: number };
  kpis: { outsourced_share: number; night_coverage: number; coverage: number; budget_used: number | null };
  solver: { name: string; seconds: number; objective: number | null; bound: number | null; gap: number | null };
  shadow_prices: { rule: string; per: string; value: number; text: string }[];
  explanation: string;
  /**
   * Only on the best roster a budget too small for the coverage floors buys (status infeasible):
   * the hours it leaves below their floor, with the staff still missing there (with tiers: one entry
   * per tier below its floor, naming it, against the tier's staff in the hourly split).
   */
  unmet_floors?: { timestamp: string; tier?: string; floor: number; staffed: number; unmet: number }[];
  /** Only when pools have named agents (SPEC section 6): the schedule's figures. */
  schedule?: ScheduleFigures;
}
