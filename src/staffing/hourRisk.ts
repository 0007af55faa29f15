import type { ServiceTarget } from '../domain/config.js';
import { meetsTarget, serviceWith } from './agentsNeeded.js';
import type { ContactsDistribution } from './contactsDistribution.js';

/** One group of agents in an hour (the hour, or one of its tiers) as staffed. */
export interface StaffedGroup {
  /** Contacts reaching the group at the point forecast. */
  handledContacts: number;
  /** Seconds an agent is busy per contact (AHT / concurrency). */
  serviceSeconds: number;
  /** Agents on the phones (after shrinkage). */
  agents: number;
  target: ServiceTarget;
}

/** An hour of the plan as staffed, with the distribution of its contacts. */
export interface StaffedHour {
  /** The point forecast of the hour's contacts (all queues). */
  contacts: number;
  contactsDistribution: ContactsDistribution;
  /** Its groups; their handled contacts scale with the hour's contacts (the queues' mix kept). */
  groups: StaffedGroup[];
}

/** Precision of the capacity search, as a share of the point forecast. */
const PRECISION = 1e-4;
/** Above this many times the forecast an hour is taken as never missing (no contacts reach its agents). */
const MAX_SCALE = 1e4;

/** Whether every group meets its target when the hour's contacts are `scale` times the forecast. */
export function meetsAtScale(groups: readonly StaffedGroup[], scale: number): boolean {
  return groups.every(
    (g) =>
      g.handledContacts * scale <= 0 || meetsTarget(serviceWith(g.handledContacts * scale, g.serviceSeconds, g.agents, g.target), g.target),
  );
}

/**
 * The most contacts the staffed hour takes while still meeting its target, as a multiple of the
 * point forecast: the largest s with every group meeting its target at s x its handled contacts.
 * "Meets" is the queueing model's long-run service at that volume (the same test `agentsNeeded`
 * staffs to), so capacity(n) is the largest volume whose agentsNeeded is at most n. Every measure
 * worsens with volume, so a doubling search and bisection find it.
 */
export function capacityScale(groups: readonly StaffedGroup[]): number {
  if (!meetsAtScale(groups, PRECISION)) return 0;
  let meets = PRECISION;
  let fails = 1;
  while (meetsAtScale(groups, fails)) {
    if (fails >= MAX_SCALE) return Infinity;
    meets = fails;
    fails *= 2;
  }
  while (fails - meets > PRECISION * meets) {
    const mid = (meets + fails) / 2;
    if (meetsAtScale(groups, mid)) meets = mid;
    else fails = mid;
  }
  return meets;
}

/**
 * The probability that the hour misses its service target: that more contacts arrive than the
 * staffed agents can take at target (capacityScale). An hour forecast to have no contacts never misses.
 */
export function hourMissProbability(hour: StaffedHour): number {
  if (hour.contacts <= 0) return 0;
  const capacity = capacityScale(hour.groups) * hour.contacts;
  return capacity === Infinity ? 0 : 1 - hour.contactsDistribution.cdf(capacity);
}
