import type { PlanConfig } from '../domain/config.js';
import type { CalendarEvent, ForecastPoint, StaffNeed } from '../domain/types.js';
import type { Roster } from '../roster/types.js';
import type { ScenarioSet } from './vary.js';

/** What every scenario starts from: the plan's configuration, staff needs and demand. */
export interface ScenarioBase {
  /** The configuration with week_start set. */
  config: PlanConfig;
  /** `YYYY-MM-DD` of the week's first day. */
  weekStart: string;
  withOffset: boolean;
  /** Staff needed per hour, as planned (used unless a service target is varied). */
  needs: StaffNeed[];
  /** Contacts (and handle times) per hour; null when only staff needs are known (no service figures). */
  demand: ForecastPoint[] | null;
  events: CalendarEvent[];
}

/** One point of the grid, in the SPEC's JSON field names. */
export interface ScenarioPoint {
  set: ScenarioSet;
  status: Roster['status'];
  /** Null totals for an infeasible point: it has no roster to cost. */
  cost: { total: number | null; by_pool: Record<string, number> };
  shortfall_staff_hours: number | null;
  /** Contact-weighted weekly service level delivered (0-1); null without demand or roster. */
  service_level: number | null;
  /** Contact-weighted weekly ASA delivered, seconds; null when unbounded or unknown. */
  asa_seconds: number | null;
  outsourced_share: number | null;
  cost_per_handled_contact: number | null;
  pareto: boolean;
  /** On the frontier: cost of one more point of weekly service level up to the next frontier point. */
  marginal_cost_per_service_level_point: number | null;
}

/** `shiftcast scenarios --json` and the scenarios job's result. */
export interface ScenarioResult {
  points: ScenarioPoint[];
  /** Cost of one more point of weekly service level along the whole frontier; null with < 2 frontier levels. */
  marginal_cost_per_service_level_point: number | null;
}
