/**
 * Plain data that flows between the stages. Instants are epoch milliseconds (UTC) of the start
 * of an hour; local wall-clock meaning is recovered with the helpers in `time.ts`.
 */

/** Epoch milliseconds of the start of an hour. */
export type Instant = number;

/** Contacts observed in one hour that the center was open. */
export interface HourCount {
  t: Instant;
  contacts: number;
  /** Average handle time of those contacts, seconds, when the history carries it. */
  ahtSeconds?: number;
}

/** One queue's hourly history, sorted by time; absent hours are unknown (closed), not zero. */
export interface QueueHistory {
  queue: string;
  hours: HourCount[];
}

export interface History {
  queues: QueueHistory[];
  /** Whether the file wrote timestamps with UTC offsets (outputs then do too). */
  withOffset: boolean;
  /** The file (or request part) it was read from, for error messages; absent when built in code. */
  file?: string;
}

/** A known calendar event covering [start, end). */
export interface CalendarEvent {
  start: Instant;
  end: Instant;
  /** `live_commerce`, `promotion`, `holiday`, `holiday_eve`, `outage`, or any other word. */
  kind: string;
  /** Events with the same name share what is learnt; defaults to the kind. */
  name: string;
  /** Expected size relative to a typical occurrence of this kind. */
  intensity: number;
  /**
   * Numeric columns of events.csv beyond the SPEC's (`audience`, `discount`, ...): regressors of
   * the event's size, learnt per kind. Absent when the row gives none.
   */
  regressors?: Readonly<Record<string, number>>;
}

/** Point forecast (expected contacts) and 80% prediction interval for one hour. */
export interface ForecastPoint {
  t: Instant;
  contacts: number;
  lo80: number;
  hi80: number;
  /** The queue, when the history has more than one. */
  queue?: string;
  /** Forecast average handle time, seconds, when the history carries handle times. */
  ahtSeconds?: number;
}

/** What one hour needs: contacts, what reaches agents, and agents/staff needed. */
export interface Requirement {
  t: Instant;
  contacts: number;
  handledContacts: number;
  ahtSeconds: number;
  /** Agents logged in and available (integer). */
  agentsNeeded: number;
  /** agentsNeeded / (1 - shrinkage): people on a paid shift (not rounded). */
  staffNeeded: number;
  /** With a standby pool (SPEC section 7): the staff the forecast's hi80 contacts would need. */
  staffNeededHigh?: number;
  /** Contacts an agent works at once (the queues' mix); absent: `demand.concurrency`. */
  concurrency?: number;
  /** With more than one tier: each tier's share (the fields above are their sums, AHT weighted). */
  tiers?: TierRequirement[];
}

/** What one tier needs in one hour: its queues pooled into one Erlang group. */
export interface TierRequirement {
  tier: string;
  handledContacts: number;
  ahtSeconds: number;
  concurrency: number;
  agentsNeeded: number;
  staffNeeded: number;
}

/** Staff needed in one hour, as a roster reads it: a requirement reduced to what the roster covers. */
export interface StaffNeed {
  t: Instant;
  staffNeeded: number;
  /** With a standby pool: the staff needed at the forecast's hi80 contacts. */
  staffNeededHigh?: number;
  /** With tiers: each tier's staff needed (they add up to `staffNeeded`). */
  tiers?: { tier: string; staffNeeded: number }[];
}
