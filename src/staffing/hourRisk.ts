import type { ServiceTarget } from '../domain/config.js';
import { meetsTarget, serviceWith } from './agentsNeeded.js';
import type { ContactsDistribution } from './contactsDistribution.js';

/** One group of agents in an hour (the hour, or one of its tiers) as staffed, with the distribution of its contacts. */
export interface StaffedGroup {
  /** The point forecast of the contacts of the group's queues (before the bot). */
  contacts: number;
  contactsDistribution: ContactsDistribution;
  /** Contacts reaching the group at the point forecast; they scale with its contacts (the queues' mix kept). */
  handledContacts: number;
  /** Seconds an agent is busy per contact (AHT / concurrency). */
  serviceSeconds: number;
  /** Agents on the phones (after shrinkage). */
  agents: number;
  target: ServiceTarget;
}

/** An hour of the plan as staffed: its groups (one, or one per tier). */
export interface StaffedHour {
  groups: StaffedGroup[];
}

/** Precision of the capacity search, as a share of the point forecast. */
const PRECISION = 1e-4;
/** Above this many times the forecast a group is taken as never missing (no contacts reach its agents). */
const MAX_SCALE = 1e4;

/** Whether the group meets its target when its contacts are `scale` times the forecast. */
export function meetsAtScale(g: StaffedGroup, scale: number): boolean {
  const arrivals = g.handledContacts * scale;
  return arrivals <= 0 || meetsTarget(serviceWith(arrivals, g.serviceSeconds, g.agents, g.target), g.target);
}

/**
 * The most contacts the staffed group takes while still meeting its target, as a multiple of the
 * point forecast. "Meets" is the queueing model's long-run service at that volume (the same test
 * `agentsNeeded` staffs to), so capacity(n) is the largest volume whose agentsNeeded is at most n.
 * Every measure worsens with volume, so a doubling search and bisection find it.
 */
export function capacityScale(g: StaffedGroup): number {
  if (!meetsAtScale(g, PRECISION)) return 0;
  let meets = PRECISION;
  let fails = 1;
  while (meetsAtScale(g, fails)) {
    if (fails >= MAX_SCALE) return Infinity;
    meets = fails;
    fails *= 2;
  }
  while (fails - meets > PRECISION * meets) {
    const mid = (meets + fails) / 2;
    if (meetsAtScale(g, mid)) meets = mid;
    else fails = mid;
  }
  return meets;
}

/** The probability that more contacts reach the group than its agents take at target. */
export function groupMissProbability(g: StaffedGroup): number {
  if (g.contacts <= 0) return 0;
  const capacity = capacityScale(g) * g.contacts;
  return capacity === Infinity ? 0 : 1 - g.contactsDistribution.cdf(capacity);
}

/**
 * The probability that the hour misses its service target: that some group (tier) gets more
 * contacts than its agents take at target. Tiers' queues are taken as independent within the
 * hour (their Poisson noise is; bench:risk found a common factor understated the misses).
 */
export function hourMissProbability(hour: StaffedHour): number {
  return 1 - hour.groups.reduce((meets, g) => meets * (1 - groupMissProbability(g)), 1);
}
