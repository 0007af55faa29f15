import type { Pool, ServiceTarget } from '../domain/config.js';
import type { Instant } from '../domain/types.js';

/**
 * What the day's corrections (SPEC section 7) read: a plan's week as plain data, the actuals so
 * far and "now". The plan folder (or store) is turned into this at the edge (load.ts); the
 * engine (planTheDay) is a pure function of it.
 */
export interface DayInput {
  timeZone: string;
  /** Outputs write timestamps with offsets when the plan's inputs had them. */
  withOffset: boolean;
  currency: string;
  /** Share of paid time not available (the plan's total shrinkage). */
  shrinkage: number;
  /** `alerts.max_asa_seconds`: the ASA the day's actions bring each hour within. */
  maxAsaSeconds: number;
  /** Every pool of the plan's config, standby pools included. */
  pools: Pool[];
  /** Overtime pay over cost_per_hour, and the most hours an agent may stay past a shift's end. */
  overtime: { premium: number; maxHours: number };
  /** Every hour of the plan's week, in time order. */
  hours: PlanHour[];
  /** The roster's shifts (tours expanded), working pools only. */
  shifts: PlannedShift[];
  /** The roster's on-call shifts of standby pools (roster.json `standby`). */
  standby: PlannedShift[];
  /** The week's hours that have ended by `now`; an hour left out is unknown (closed), not zero. */
  actuals: ActualHour[];
  now: Instant;
  /** For error messages: the actuals' file or request part, and where `now` came from. */
  actualsFile?: string;
  nowFrom?: string;
}

/** One hour of the plan: its forecast (queues pooled) and what turns contacts into work. */
export interface PlanHour {
  t: Instant;
  /** Point forecast and 80% interval of all contacts (forecast.csv, queues pooled). */
  contacts: number;
  lo80: number;
  hi80: number;
  /** Share of contacts that reach agents (requirements' handled_contacts / contacts; 1 - bot_deflection when none are planned). */
  handledShare: number;
  ahtSeconds: number;
  /** Contacts an agent works at once. */
  concurrency: number;
  /** The hour's service target (holiday and period targets applied). */
  target: ServiceTarget;
  night: boolean;
}

/** Agents of a pool on one shift: `agents` people from `start` for `hours` hours. */
export interface PlannedShift {
  pool: string;
  start: Instant;
  hours: number;
  agents: number;
}

/** One hour's actuals (history format plus SPEC 7's optional columns). */
export interface ActualHour {
  t: Instant;
  contacts: number;
  ahtSeconds?: number;
  asaSeconds?: number;
  abandoned?: number;
  /** Agents who were logged in and available (on average) in the hour. */
  agentsAvailable?: number;
}

/** The answer of `shiftcast intraday` / `POST /v1/plans/{id}/intraday` (SPEC section 7), as written. */
export interface DayAnswer {
  now: string;
  reforecast: { timestamp: string; contacts: number; lo80: number; hi80: number }[];
  projected: { timestamp: string; staffed: number; agents_needed: number; service_level: number; asa_seconds: number }[];
  actions: DayAction[];
  alerts: { kind: string; severity: 'critical' | 'warning'; hours: string[]; value: number; threshold: number; message: string }[];
}

export interface DayAction {
  kind: 'activate_standby' | 'offer_overtime' | 'offer_time_off';
  pool: string;
  /** First hour of the action (a timestamp as outputs write them). */
  start: string;
  hours: number;
  agents: number;
  /** What it costs, in the plan's currency (negative: what it saves). */
  cost: number;
  /** Why, in a sentence a team lead reads. */
  reason: string;
}
