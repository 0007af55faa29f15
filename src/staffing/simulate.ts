import type { Estimate } from './confidence.js';
import type { HandleTimeModel } from './handleTimes.js';
import { runSkills } from './simulateSkills.js';

export type { HandleTimeModel } from './handleTimes.js';
export type { Estimate } from './confidence.js';

/** What the simulator runs: plain per-hour arrays (index 0 = the first hour) and the models. */
export interface SimulationInput {
  /** Expected contacts per hour; arrivals are Poisson at this constant rate within the hour. */
  arrivalsPerHour: readonly number[];
  /** Agents on duty and available in each hour (whole numbers). */
  agentsOnDuty: readonly number[];
  /** Mean handle time of the contacts arriving in each hour, seconds. */
  ahtSeconds: readonly number[];
  /** Service-level threshold of each hour, seconds. */
  answerWithinSeconds: readonly number[];
  handleTime: HandleTimeModel;
  /** Mean of an exponential patience, seconds; null: nobody hangs up. */
  patienceSeconds: number | null;
  /** Independent runs of the whole horizon (>= 1). */
  replications: number;
  /** Seed of the random streams: the same seed gives the same result. */
  seed: number;
}

/** Simulated service of an hour's contacts (counted by the hour they arrive in) or of the horizon's. */
export interface ContactService {
  /** Mean contacts offered per replication. */
  offered: number;
  /** Answered within the threshold over offered; null when no replication had a contact. */
  serviceLevel: Estimate | null;
  /** Mean wait of answered contacts, seconds; null when no replication answered one. */
  asaSeconds: Estimate | null;
  /** Hung up (or never answered) over offered. */
  abandonRate: Estimate | null;
}

/** Simulated service of an hour (contacts counted by the hour they arrive in) or of the horizon. */
export interface SimulatedService extends ContactService {
  /** Busy agent time over on-duty agent time in the hour; null with nobody on duty. */
  occupancy: Estimate | null;
}

export interface SimulationResult {
  hours: SimulatedService[];
  /** The whole horizon: contact-weighted service, time-weighted occupancy. */
  total: SimulatedService;
  replications: number;
}

/**
 * Discrete-event simulation of a multi-agent FCFS queue over consecutive hours: non-homogeneous
 * Poisson arrivals (constant rate within each hour), handle times from the chosen distribution,
 * exponential patience or none, and the agents on duty hour by hour. At an hour boundary new
 * agents join free; agents who leave (chosen at random among those on duty) finish the contact
 * in hand first. After the last hour its agents stay until the queue is empty. Results carry 95%
 * confidence intervals over the replications.
 *
 * Each contact is placed in arrival order: under FCFS with identical agents it starts at
 * max(arrival, when the first agent frees), or abandons if that wait exceeds its patience; no
 * event calendar is needed, so a week of 100,000 contacts takes tens of milliseconds. It is
 * `simulateSkills` (simulateSkills.ts) with one tier answered by one group of agents.
 * @example
 * simulate({ arrivalsPerHour: [200], agentsOnDuty: [14], ahtSeconds: [180], answerWithinSeconds: [20],
 *   handleTime: { kind: 'exponential' }, patienceSeconds: null, replications: 20, seed: 1 }).total.serviceLevel
 * //=> { mean: 0.88..., lo: ..., hi: ... }
 */
export function simulate(input: SimulationInput): SimulationResult {
  const { arrivalsPerHour, ahtSeconds, answerWithinSeconds, agentsOnDuty, handleTime, patienceSeconds, replications, seed } = input;
  const r = runSkills({
    tiers: [{ arrivalsPerHour, ahtSeconds, answerWithinSeconds }],
    groups: [{ agentsOnDuty, tiers: [0] }],
    handleTime,
    patienceSeconds,
    replications,
    seed,
  });
  const [tier] = r.tiers;
  const [group] = r.groups;
  return {
    hours: tier.hours.map((s, h) => ({ ...s, occupancy: group.hours[h] })),
    total: { ...tier.total, occupancy: group.total },
    replications: r.replications,
  };
}
