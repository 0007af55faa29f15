import type { ServiceTarget } from '../domain/config.js';
import { meetsTarget, serviceWith } from './agentsNeeded.js';
import { normalCdf, normalQuantile } from '../domain/normal.js';
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

/** The probability that the group's contacts stay within what its agents take at target. */
export function groupMeetsProbability(g: StaffedGroup): number {
  if (g.contacts <= 0) return 1;
  const capacity = capacityScale(g) * g.contacts;
  return capacity === Infinity ? 1 : g.contactsDistribution.cdf(capacity);
}

/** Nodes of the day factor's standard normal, for the average over it (a midpoint rule on +-5 sd). */
const DAY_NODES = Array.from({ length: 101 }, (_, i) => -5 + i / 10);
const DAY_WEIGHTS = DAY_NODES.map((d) => Math.exp(-(d * d) / 2) / Math.sqrt(2 * Math.PI) / 10);

/**
 * The probability that the hour misses its service target: that some group (tier) gets more
 * contacts than its agents take at target. Tiers move together through the level they share:
 * each tier's contacts are its distribution's quantile at Phi(sqrt(rho) D + sqrt(1 - rho) E),
 * with D common (the day's level) and E its own (Poisson noise), rho its level share (the same
 * model as the week's Monte Carlo, weekRisk.ts); given D the tiers are independent, so
 * P(all meet) is the average over D of the product of the tiers' conditional chances.
 */
export function hourMissProbability(hour: StaffedHour): number {
  const groups = hour.groups.filter((g) => g.contacts > 0);
  if (groups.length === 0) return 0;
  if (groups.length === 1) return 1 - groupMeetsProbability(groups[0]);
  const parts = groups.map((g) => ({ z: normalQuantile(groupMeetsProbability(g)), rho: levelShare(g) }));
  const meets = DAY_NODES.reduce(
    (sum, d, i) =>
      sum +
      DAY_WEIGHTS[i] *
        parts.reduce(
          (all, { z, rho }) => all * (rho >= 1 ? (z >= d ? 1 : 0) : normalCdf((z - Math.sqrt(rho) * d) / Math.sqrt(1 - rho))),
          1,
        ),
    0,
  );
  return Math.min(1, Math.max(0, 1 - meets));
}

/** The share of a group's contacts variance that is not Poisson noise (0 when Poisson explains it all). */
export function levelShare(g: StaffedGroup): number {
  const variance = g.contactsDistribution.sd ** 2;
  return variance > 0 ? Math.min(1, Math.max(0, 1 - g.contacts / variance)) : 0;
}
