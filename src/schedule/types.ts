import type { Weekday } from '../domain/time.js';
import type { ScheduleRules } from '../domain/config.js';
import type { Roster } from '../roster/types.js';
import type { Instant } from '../domain/types.js';

/** A local calendar date `YYYY-MM-DD`. */
export type LocalDate = string;

/** One named agent of agents.csv (SPEC section 6), every default filled in. */
export interface Agent {
  id: string;
  /** A pool id of the configuration. */
  pool: string;
  /** Paid hours in the week: at least minHours, at most maxHours. */
  minHours: number;
  maxHours: number;
  /** Days worked in the week, at most. */
  maxDays: number;
  /** Dates no shift may cover any hour of, as inclusive ranges (one date: from = to), in file order. */
  unavailable: { from: LocalDate; to: LocalDate }[];
  /** Weekdays the agent would rather not work (soft), each once, Monday first. */
  prefersOff: Weekday[];
  /** false: the agent's shifts may cover no night slot. */
  night: boolean;
}

/** One row of schedule.csv: a shift of a named agent. */
export interface ScheduleRow {
  agent: string;
  pool: string;
  /** The start instant. */
  t: Instant;
  /** Local date of the start (the date the shift counts as worked on). */
  date: LocalDate;
  hours: number;
  /** The file line it came from, when read from a file. */
  line?: number;
}

/** The soft figures of a schedule, as roster.json's `schedule` block carries them. */
export interface ScheduleFigures {
  agents: number;
  assigned_hours: number;
  /** Share of prefers_off days left free (1 when nobody has wishes). */
  preferences_met: number;
  /** Max minus min, over the agents of one pool with the same max_days, of weekend days worked (the largest over such groups). */
  weekend_spread: number;
  /** The same for shifts that cover a night slot. */
  night_spread: number;
}

/** What the named schedule of a week is made from, besides the roster problem (SPEC section 6). */
export interface ScheduleInputs {
  agents: readonly Agent[];
  rules: ScheduleRules;
  /** Last week's schedule (`--previous`): counted for rest and consecutive days instead of the wrap. */
  previous?: readonly ScheduleRow[];
  /** Rows of a published schedule that must stay as they are (`--pin`). */
  pins?: readonly ScheduleRow[];
}

/** A roster whose named pools are assigned to agents: `roster.schedule` holds the figures. */
export interface ScheduledRoster {
  roster: Roster;
  /** schedule.csv's rows (empty when the roster is infeasible). */
  rows: ScheduleRow[];
}
