import type { ServiceTarget } from '../domain/config.js';
import { agentsNeeded } from './agentsNeeded.js';

/**
 * How many more agents an hour needs for its average speed of answer to be within `maxAsaSeconds`
 * (the alarm that calls in the standby pool), beyond the `available` it has; 0 when it already is.
 * Only the ASA counts here (no service level, no occupancy cap): it is the smallest call-in that
 * silences the alarm. The hour's patience, if any, is kept (abandons shorten waits).
 * @param handledContacts contacts reaching agents in the hour
 * @param ahtSeconds mean handle time per contact slot (AHT / concurrency)
 * @example
 * agentsShortOfAsa(400, 240, 24, 60, null) //=> 5
 */
export function agentsShortOfAsa(
  handledContacts: number,
  ahtSeconds: number,
  available: number,
  maxAsaSeconds: number,
  patienceSeconds: number | null,
): number {
  const target: ServiceTarget = {
    answer_within_seconds: 0,
    // Any positive share answered at once: the ASA alone decides.
    service_level: Number.MIN_VALUE,
    max_asa_seconds: maxAsaSeconds,
    max_occupancy: null,
    patience_seconds: patienceSeconds,
    max_abandon_rate: null,
  };
  return Math.max(0, agentsNeeded(handledContacts, ahtSeconds, target) - available);
}
