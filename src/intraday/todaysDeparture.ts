import type { ActualHour, PlanHour } from './types.js';

/**
 * How many handled contacts of evidence weigh as much as the prior that today's handle time runs
 * at plan: handle times are roughly exponential (a contact's coefficient of variation about 1),
 * and a day's mean departs from the plan's by about 10% (sd), so the credibility weight of n
 * contacts is 0.1² / (0.1² + 1/n) = n / (n + 100).
 */
const AHT_PRIOR_CONTACTS = 100;

/** Agents available in the most recent hours of today that report them: the absence ratio reads these. */
const ABSENCE_HOURS = 3;

/**
 * Today's handle time against the plan's, as a factor for today's remaining hours: the ratio of
 * the handle time observed so far today to the plan's (weighted by handled contacts), shrunk
 * towards 1 by the evidence (n / (n + 100) with n handled contacts seen). 1 when the actuals carry
 * no handle times.
 * @param today today's plan hours that have ended, aligned with `actual` (undefined: not reported)
 * @example ahtFactor([{ ...hour, ahtSeconds: 240, handledShare: 1 }], [{ t, contacts: 100, ahtSeconds: 300 }]) //=> 1.125
 */
export function ahtFactor(today: readonly PlanHour[], actual: readonly (ActualHour | undefined)[]): number {
  let seen = 0;
  let planned = 0;
  let handled = 0;
  today.forEach((p, i) => {
    const a = actual[i];
    if (a?.ahtSeconds === undefined || !(a.contacts > 0)) return;
    const n = a.contacts * p.handledShare;
    seen += a.ahtSeconds * n;
    planned += p.ahtSeconds * n;
    handled += n;
  });
  if (!(planned > 0)) return 1;
  return 1 + (handled / (handled + AHT_PRIOR_CONTACTS)) * (seen / planned - 1);
}

/**
 * Agents showing up against the plan's, as a factor on today's remaining staff (absence that
 * shows in the morning runs on through the day): over the most recent ABSENCE_HOURS hours of
 * today whose actuals report `agentsAvailable`, their sum over the agents the roster made
 * available then. 1 when none is reported.
 * @param plannedAgents agents the roster makes available in each of today's ended hours
 * @param actual today's ended hours' actuals, aligned (undefined: not reported)
 * @example absenceFactor([10, 10, 10], [{ t, contacts, agentsAvailable: 9 }, ...]) //=> 0.9
 */
export function absenceFactor(plannedAgents: readonly number[], actual: readonly (ActualHour | undefined)[]): number {
  const recent = plannedAgents
    .map((planned, i) => ({ planned, seen: actual[i]?.agentsAvailable }))
    .filter((h): h is { planned: number; seen: number } => h.seen !== undefined && h.planned > 0)
    .slice(-ABSENCE_HOURS);
  const planned = recent.reduce((s, h) => s + h.planned, 0);
  return planned > 0 ? recent.reduce((s, h) => s + h.seen, 0) / planned : 1;
}
