import { AgentHeap } from './agentHeap.js';
import { estimate, type Estimate } from './confidence.js';
import { unitHandleTime, type HandleTimeModel } from './handleTimes.js';
import { seededRandom, type Random } from '../domain/random.js';

export type { HandleTimeModel } from './handleTimes.js';
export type { Estimate } from './confidence.js';

const HOUR = 3600;

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

/** Simulated service of an hour (contacts counted by the hour they arrive in) or of the horizon. */
export interface SimulatedService {
  /** Mean contacts offered per replication. */
  offered: number;
  /** Answered within the threshold over offered; null when no replication had a contact. */
  serviceLevel: Estimate | null;
  /** Mean wait of answered contacts, seconds; null when no replication answered one. */
  asaSeconds: Estimate | null;
  /** Hung up (or never answered) over offered. */
  abandonRate: Estimate | null;
  /** Busy agent time over on-duty agent time in the hour; null with nobody on duty. */
  occupancy: Estimate | null;
}

export interface SimulationResult {
  hours: SimulatedService[];
  /** The whole horizon: contact-weighted service, time-weighted occupancy. */
  total: SimulatedService;
  replications: number;
}

/** Per-hour tallies of one replication. */
interface Tally {
  offered: Float64Array;
  answered: Float64Array;
  within: Float64Array;
  waitAnswered: Float64Array;
  busySeconds: Float64Array;
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
 * event calendar is needed, so a week of 100,000 contacts takes tens of milliseconds.
 * @example
 * simulate({ arrivalsPerHour: [200], agentsOnDuty: [14], ahtSeconds: [180], answerWithinSeconds: [20],
 *   handleTime: { kind: 'exponential' }, patienceSeconds: null, replications: 20, seed: 1 }).total.serviceLevel
 * //=> { mean: 0.88..., lo: ..., hi: ... }
 */
export function simulate(input: SimulationInput): SimulationResult {
  const tallies = Array.from({ length: input.replications }, (_, r) => replicate(input, seededRandom(input.seed, r)));
  const hours = input.arrivalsPerHour.map((_, h) => summarize(tallies, input.agentsOnDuty, (x) => x[h]));
  return { hours, total: summarize(tallies, input.agentsOnDuty, (x) => x.reduce((a, b) => a + b, 0)), replications: input.replications };
}

/** One run of the horizon. */
function replicate(input: SimulationInput, random: Random): Tally {
  const H = input.arrivalsPerHour.length;
  const tally: Tally = {
    offered: new Float64Array(H),
    answered: new Float64Array(H),
    within: new Float64Array(H),
    waitAnswered: new Float64Array(H),
    busySeconds: new Float64Array(H),
  };
  const agents = new AgentHeap(Math.max(0, ...input.agentsOnDuty));
  const handle = unitHandleTime(input.handleTime, random);
  const patience = input.patienceSeconds;
  let nextHour = 0; // the next hour whose agents have not yet come on duty

  const changeShift = (hour: number) => {
    const wanted = input.agentsOnDuty[hour];
    while (agents.size < wanted) agents.add(hour * HOUR);
    while (agents.size > wanted) agents.removeAt(Math.floor(random.uniform() * agents.size));
  };

  for (let h = 0; h < H; h++) {
    const rate = input.arrivalsPerHour[h] / HOUR;
    if (!(rate > 0)) continue;
    const end = (h + 1) * HOUR;
    for (let t = h * HOUR + random.exponential(1 / rate); t < end; t += random.exponential(1 / rate)) {
      tally.offered[h]++;
      const duration = input.ahtSeconds[h] * handle();
      const willWait = patience === null ? Infinity : random.exponential(patience);
      let start = Math.max(t, agents.earliest());
      // Shift changes take effect before the first contact that would start at or after them.
      while (nextHour < H && start >= nextHour * HOUR) {
        changeShift(nextHour++);
        start = Math.max(t, agents.earliest());
      }
      const wait = start - t;
      if (start === Infinity || wait > willWait) continue; // hung up, or nobody left to answer
      agents.assignEarliest(start + duration);
      tally.answered[h]++;
      tally.waitAnswered[h] += wait;
      if (wait <= input.answerWithinSeconds[h]) tally.within[h]++;
      addBusy(tally.busySeconds, start, start + duration);
    }
  }
  return tally;
}

/** Adds the busy interval [from, to) seconds to the hours it overlaps (within the horizon). */
function addBusy(busy: Float64Array, from: number, to: number): void {
  for (let h = Math.floor(from / HOUR); h < busy.length && h * HOUR < to; h++) {
    busy[h] += Math.min(to, (h + 1) * HOUR) - Math.max(from, h * HOUR);
  }
}

/** Estimates over replications of the counts that `pick` sums (one hour, or all of them). */
function summarize(tallies: readonly Tally[], agentsOnDuty: readonly number[], pick: (x: Float64Array) => number): SimulatedService {
  const onDutySeconds = pick(Float64Array.from(agentsOnDuty, (n) => n * HOUR));
  const ratio = (num: number, den: number) => (den > 0 ? num / den : NaN);
  const per = (f: (t: Tally) => number) => tallies.map(f);
  const offered = per((t) => pick(t.offered));
  return {
    offered: offered.reduce((a, b) => a + b, 0) / tallies.length,
    serviceLevel: estimate(per((t) => ratio(pick(t.within), pick(t.offered)))),
    asaSeconds: estimate(per((t) => ratio(pick(t.waitAnswered), pick(t.answered)))),
    abandonRate: estimate(per((t) => ratio(pick(t.offered) - pick(t.answered), pick(t.offered)))),
    // Agents leaving mid-contact add busy time beyond the on-duty time; occupancy is capped at 1.
    occupancy: estimate(per((t) => Math.min(1, ratio(pick(t.busySeconds), onDutySeconds)))),
  };
}
