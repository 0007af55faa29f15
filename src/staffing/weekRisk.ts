import { normalCdf } from '../domain/normal.js';
import { seededRandom } from '../domain/random.js';
import { serviceWith } from './agentsNeeded.js';
import { hourMissProbability, levelShare, type StaffedHour } from './hourRisk.js';

/** A staffed hour of the week and the local day it belongs to (hours of a day run high or low together). */
export type WeekHour = StaffedHour & { day: number };

/** The week's service risk for a staffing. */
export interface WeekRisk {
  /** Per hour: the probability it misses its target (hourRisk.ts). */
  hours: number[];
  /** Expected hours that miss their target: the sum of the hours' probabilities. */
  expectedMissedHours: number;
  /** The probability that the week's contact-weighted service level falls below the target. */
  weekMissProbability: number;
}

export interface WeekRiskOptions {
  /** The week's service level target (`service.service_level`). */
  serviceLevel: number;
  /** Simulated weeks; the probability's standard error is at most 0.5 / sqrt(draws). */
  draws?: number;
  seed?: number;
}

/** Enough draws for a weekly probability within about two points (one standard error). */
const DRAWS = 600;

/**
 * P(miss) per hour, and the probability that the week's service level misses its target, by Monte
 * Carlo over correlated weeks: a day runs high or low as a whole. Each draw gives each day a
 * common normal factor D and each hour (and tier) its own E, and the contacts are their distribution's
 * quantile at Phi(sqrt(rho) D + sqrt(1 - rho) E), so each hour keeps its own distribution exactly.
 * rho is the share of the hour's variance beyond Poisson noise (1 - mean / variance): interval.ts
 * models the variance as Poisson noise, which is independent from hour to hour, plus a share of
 * the level (a·f + b·f²), which is what a day's level error moves together. Each drawn hour is
 * served by its staffed agents at the queueing model's long-run service; the week's service level
 * weighs the hours by their drawn contacts. Seeded: the same plan gives the same figures.
 */
export function weekRisk(hours: readonly WeekHour[], options: WeekRiskOptions): WeekRisk {
  const perHour = hours.map(hourMissProbability);
  const draws = options.draws ?? DRAWS;
  const random = seededRandom(options.seed ?? 1);
  const days = Math.max(0, ...hours.map((h) => h.day)) + 1;
  let misses = 0;
  for (let k = 0; k < draws; k++) {
    const dayFactor = Array.from({ length: days }, () => random.normal());
    let within = 0;
    let handled = 0;
    for (const h of hours)
      for (const g of h.groups) {
        if (g.contacts <= 0) continue;
        const rho = levelShare(g);
        const z = Math.sqrt(rho) * dayFactor[h.day] + Math.sqrt(1 - rho) * random.normal();
        const arrivals = (g.handledContacts * g.contactsDistribution.quantile(normalCdf(z))) / g.contacts;
        if (arrivals <= 0) continue;
        within += arrivals * serviceWith(arrivals, g.serviceSeconds, g.agents, g.target).serviceLevel;
        handled += arrivals;
      }
    if (handled > 0 && within / handled < options.serviceLevel - 1e-12) misses++;
  }
  return {
    hours: perHour,
    expectedMissedHours: perHour.reduce((a, p) => a + p, 0),
    weekMissProbability: draws > 0 ? misses / draws : 0,
  };
}
