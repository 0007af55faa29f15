import { AgentHeap } from './agentHeap.js';
import { estimate, type Estimate } from './confidence.js';
import { unitHandleTime, type HandleTimeModel } from './handleTimes.js';
import { seededRandom, type Random } from '../domain/random.js';
import type { ContactService } from './simulate.js';

const HOUR = 3600;

/** One tier's contacts (e.g. `general`, `senior`): plain per-hour arrays, index 0 = the first hour. */
export interface TierArrivals {
  /** Expected contacts per hour; arrivals are Poisson at this constant rate within the hour. */
  arrivalsPerHour: readonly number[];
  /** Mean handle time of the tier's contacts arriving in each hour, seconds. */
  ahtSeconds: readonly number[];
  /** The tier's service-level threshold in each hour, seconds. */
  answerWithinSeconds: readonly number[];
}

/** A group (pool) of identical agents and the tiers it answers. */
export interface SkillGroup {
  /** Agents of the group on duty and available in each hour (whole numbers). */
  agentsOnDuty: readonly number[];
  /** Indices into `tiers` of the tiers its agents answer. */
  tiers: readonly number[];
}

/** What the skill-based simulator runs: every per-hour array has the same length (the horizon). */
export interface SkillSimulationInput {
  tiers: readonly TierArrivals[];
  groups: readonly SkillGroup[];
  handleTime: HandleTimeModel;
  /** Mean of an exponential patience, seconds (every tier); null: nobody hangs up. */
  patienceSeconds: number | null;
  /** Independent runs of the whole horizon (>= 1). */
  replications: number;
  /** Seed of the random streams: the same seed gives the same result. */
  seed: number;
}

/** Simulated service of one tier: each hour (contacts counted by the hour they arrive in) and the horizon. */
export interface TierResult {
  hours: ContactService[];
  /** The whole horizon, contact-weighted. */
  total: ContactService;
}

/** Busy agent time over on-duty agent time: each hour (null with nobody on duty) and the horizon (time-weighted). */
export interface OccupancyResult {
  hours: (Estimate | null)[];
  total: Estimate | null;
}

export interface SkillSimulationResult {
  /** Parallel to the input's tiers. */
  tiers: TierResult[];
  /** Occupancy of each group, parallel to the input's groups. */
  groups: OccupancyResult[];
  /** Occupancy of all the groups together. */
  occupancy: OccupancyResult;
  replications: number;
}

/** Per-hour tallies of one replication: one array per tier, busy time one array per group. */
interface Tally {
  offered: Float64Array[];
  answered: Float64Array[];
  within: Float64Array[];
  waitAnswered: Float64Array[];
  busySeconds: Float64Array[];
}

/**
 * Discrete-event simulation of skill-based routing over consecutive hours: several tiers of
 * contacts (each with Poisson arrivals at a constant rate within the hour, its own AHT and
 * service-level threshold) answered by groups of agents, each group serving a set of tiers.
 * Handle times, patience, shift changes and confidence intervals are those of `simulate`.
 *
 * Routing is FCFS across tiers with eligibility and no priority: contacts are taken in arrival
 * order whatever their tier, and each goes to the eligible agent (one in a group serving its
 * tier) that frees first; an agent who frees takes the longest-waiting contact it can answer, and
 * an arriving contact that finds several idle eligible agents takes the one idle longest (ties:
 * the group listed first). No tier goes ahead of another, no agent is kept back for a tier, and
 * a contact of a tier that no group serves is never answered. Placing each contact in arrival
 * order gives exactly this policy: agents' free times only grow, so a later contact never takes
 * an agent before an earlier one could have, and no event calendar is needed.
 *
 * Shift changes are per group at hour boundaries: joiners come on free, leavers (chosen at random
 * among the group's agents on duty) finish the contact in hand first. After the last hour its
 * agents stay until the queues are empty.
 *
 * With one tier and one group it is `simulate` (the same numbers for the same seed): the tier of
 * an arrival is drawn only in hours when more than one tier has contacts.
 * @throws RangeError when the per-hour arrays differ in length or a group names a tier that does not exist
 * @example
 * simulateSkills({
 *   tiers: [general, senior],  // TierArrivals: arrivalsPerHour, ahtSeconds, answerWithinSeconds
 *   groups: [{ agentsOnDuty: inhouse, tiers: [0, 1] }, { agentsOnDuty: vendor, tiers: [0] }, { agentsOnDuty: experts, tiers: [1] }],
 *   handleTime: { kind: 'exponential' }, patienceSeconds: null, replications: 20, seed: 1,
 * }).tiers[1].total.serviceLevel //=> { mean, lo, hi } for the senior tier
 */
export function simulateSkills(input: SkillSimulationInput): SkillSimulationResult {
  validate(input);
  return runSkills(input);
}

/** `simulateSkills` without the checks of its input (`simulate` takes its arrays as they come). */
export function runSkills(input: SkillSimulationInput): SkillSimulationResult {
  const tallies = Array.from({ length: input.replications }, (_, r) => replicate(input, seededRandom(input.seed, r)));
  const H = input.tiers.length === 0 ? 0 : input.tiers[0].arrivalsPerHour.length;
  const sum = (x: Float64Array) => x.reduce((a, b) => a + b, 0);
  const tiers = input.tiers.map((_, i) => ({
    hours: Array.from({ length: H }, (_, h) => contactService(tallies, i, (x) => x[h])),
    total: contactService(tallies, i, sum),
  }));
  const occupancyOf = (busy: Float64Array[], agentsOnDuty: ArrayLike<number>): OccupancyResult => ({
    hours: Array.from({ length: H }, (_, h) => occupancy(busy, agentsOnDuty, (x) => x[h])),
    total: occupancy(busy, agentsOnDuty, sum),
  });
  const groups = input.groups.map((g, p) =>
    occupancyOf(
      tallies.map((t) => t.busySeconds[p]),
      g.agentsOnDuty,
    ),
  );
  const allOnDuty = Float64Array.from({ length: H }, (_, h) => input.groups.reduce((a, g) => a + g.agentsOnDuty[h], 0));
  const allBusy = tallies.map((t) => Float64Array.from({ length: H }, (_, h) => t.busySeconds.reduce((a, b) => a + b[h], 0)));
  return { tiers, groups, occupancy: occupancyOf(allBusy, allOnDuty), replications: input.replications };
}

function validate(input: SkillSimulationInput): void {
  if (input.tiers.length === 0) throw new RangeError('the simulation needs at least one tier');
  const H = input.tiers[0].arrivalsPerHour.length;
  const arrays = [
    ...input.tiers.flatMap((t, i) => [t.arrivalsPerHour, t.ahtSeconds, t.answerWithinSeconds].map((a) => ({ a, what: `tier ${i}` }))),
    ...input.groups.map((g, p) => ({ a: g.agentsOnDuty, what: `group ${p}` })),
  ];
  for (const { a, what } of arrays) {
    if (a.length !== H) throw new RangeError(`${what} has ${a.length} hours where the first tier has ${H}`);
  }
  input.groups.forEach((g, p) => {
    for (const i of g.tiers) {
      if (!Number.isInteger(i) || i < 0 || i >= input.tiers.length)
        throw new RangeError(`group ${p} serves tier ${i}, which does not exist`);
    }
  });
}

/** One run of the horizon. */
function replicate(input: SkillSimulationInput, random: Random): Tally {
  const { tiers, groups, patienceSeconds: patience } = input;
  const H = tiers[0].arrivalsPerHour.length;
  const perTier = () => tiers.map(() => new Float64Array(H));
  const tally: Tally = {
    offered: perTier(),
    answered: perTier(),
    within: perTier(),
    waitAnswered: perTier(),
    busySeconds: groups.map(() => new Float64Array(H)),
  };
  const agents = groups.map((g) => new AgentHeap(Math.max(0, ...g.agentsOnDuty)));
  const nextHour = new Int32Array(groups.length); // per group, the next hour whose agents have not yet come on duty
  // The groups that answer each tier, in the order listed.
  const eligible = tiers.map((_, i) => groups.flatMap((g, p) => (g.tiers.includes(i) ? [p] : [])));
  const handle = unitHandleTime(input.handleTime, random);

  const changeShift = (p: number, hour: number) => {
    const heap = agents[p];
    const wanted = groups[p].agentsOnDuty[hour];
    while (heap.size < wanted) heap.add(hour * HOUR);
    while (heap.size > wanted) heap.removeAt(Math.floor(random.uniform() * heap.size));
  };
  // When group p's first free agent could start a contact arriving at t. Its shift changes take
  // effect before the first contact that would start at or after them: later contacts arrive no
  // earlier and find its agents free no earlier, so none of them could start before the change.
  const startIn = (p: number, t: number) => {
    const heap = agents[p];
    let start = Math.max(t, heap.earliest());
    while (nextHour[p] < H && start >= nextHour[p] * HOUR) {
      changeShift(p, nextHour[p]++);
      start = Math.max(t, heap.earliest());
    }
    return start;
  };

  const rates = new Float64Array(tiers.length);
  for (let h = 0; h < H; h++) {
    let total = 0;
    let withContacts = 0; // tiers with contacts this hour
    let only = -1; // the last of them: the tier of every contact when there is one
    for (let i = 0; i < tiers.length; i++) {
      const a = tiers[i].arrivalsPerHour[h];
      rates[i] = 0; // no contacts for a rate of 0, below 0 or NaN, as in simulate()
      if (a > 0) {
        rates[i] = a;
        total += a;
        withContacts++;
        only = i;
      }
    }
    const rate = total / HOUR;
    if (!(rate > 0)) continue;
    const end = (h + 1) * HOUR;
    for (let t = h * HOUR + random.exponential(1 / rate); t < end; t += random.exponential(1 / rate)) {
      // The superposed arrivals are Poisson at the total rate; each is of tier i with probability rate_i / total.
      const i = withContacts === 1 ? only : pickTier(rates, total * random.uniform());
      tally.offered[i][h]++;
      const duration = tiers[i].ahtSeconds[h] * handle();
      const willWait = patience === null ? Infinity : random.exponential(patience);
      let start = Infinity;
      let group = -1;
      for (const p of eligible[i]) {
        const s = startIn(p, t);
        if (s < start) {
          start = s;
          group = p;
        }
      }
      const wait = start - t;
      if (start === Infinity || wait > willWait) continue; // hung up, or nobody left to answer
      agents[group].assignEarliest(start + duration);
      tally.answered[i][h]++;
      tally.waitAnswered[i][h] += wait;
      if (wait <= tiers[i].answerWithinSeconds[h]) tally.within[i][h]++;
      addBusy(tally.busySeconds[group], start, start + duration);
    }
  }
  return tally;
}

/** The tier whose share of the cumulative rates holds `u` (0 <= u < total). */
function pickTier(rates: Float64Array, u: number): number {
  let last = 0;
  for (let i = 0; i < rates.length; i++) {
    if (rates[i] <= 0) continue;
    last = i;
    if (u < rates[i]) return i;
    u -= rates[i];
  }
  return last; // rounding at the top end
}

/** Adds the busy interval [from, to) seconds to the hours it overlaps (within the horizon). */
function addBusy(busy: Float64Array, from: number, to: number): void {
  for (let h = Math.floor(from / HOUR); h < busy.length && h * HOUR < to; h++) {
    busy[h] += Math.min(to, (h + 1) * HOUR) - Math.max(from, h * HOUR);
  }
}

const ratio = (num: number, den: number) => (den > 0 ? num / den : NaN);

/** Estimates over replications of tier i's counts that `pick` sums (one hour, or all of them). */
function contactService(tallies: readonly Tally[], i: number, pick: (x: Float64Array) => number): ContactService {
  const per = (f: (t: Tally) => number) => tallies.map(f);
  const offered = per((t) => pick(t.offered[i]));
  return {
    offered: offered.reduce((a, b) => a + b, 0) / tallies.length,
    serviceLevel: estimate(per((t) => ratio(pick(t.within[i]), pick(t.offered[i])))),
    asaSeconds: estimate(per((t) => ratio(pick(t.waitAnswered[i]), pick(t.answered[i])))),
    abandonRate: estimate(per((t) => ratio(pick(t.offered[i]) - pick(t.answered[i]), pick(t.offered[i])))),
  };
}

/** Occupancy over replications of the busy time (one array per replication) that `pick` sums. */
function occupancy(busy: readonly Float64Array[], agentsOnDuty: ArrayLike<number>, pick: (x: Float64Array) => number): Estimate | null {
  const onDutySeconds = pick(Float64Array.from(agentsOnDuty, (n) => n * HOUR));
  // Agents leaving mid-contact add busy time beyond the on-duty time; occupancy is capped at 1.
  return estimate(busy.map((b) => Math.min(1, ratio(pick(b), onDutySeconds))));
}
