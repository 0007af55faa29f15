import { pct } from '../domain/format.js';
import { roundTo } from '../domain/round.js';
import { formatTimestamp } from '../domain/time.js';
import type { Instant } from '../domain/types.js';
import { MAX_AGENTS_PER_HOUR } from '../staffing/agentsNeeded.js';
import { type DemandHour, type HourProjection, hourProjection } from './projectService.js';
import type { DayAnswer } from './types.js';

/** What the alerts read: the remaining hours with every action taken. */
export interface AlertContext {
  hours: readonly Instant[];
  timeZone: string;
  withOffset: boolean;
  maxAsaSeconds: number;
  demand: readonly DemandHour[];
  agents: readonly number[];
  projection: readonly HourProjection[];
  meets: (h: HourProjection, i: number) => boolean;
}

/**
 * The hours the actions could not bring within the limits (no on-call agent or overtime left):
 * `asa_over_limit` (critical) for projected ASA over `maxAsaSeconds`, `service_below_target`
 * (warning) for a service level under the hour's target. Each names the worst hour and how many
 * more agents it would take, given the backlog it inherits.
 * @example dayAlerts(context)[0]?.kind //=> 'asa_over_limit'
 */
export function dayAlerts(c: AlertContext): DayAnswer['alerts'] {
  const stamp = (i: number) => formatTimestamp(c.hours[i], c.timeZone, c.withOffset);
  const indices = c.projection.map((_, i) => i);
  const slow = indices.filter((i) => c.projection[i].asaSeconds > c.maxAsaSeconds);
  const below = indices.filter((i) => c.projection[i].serviceLevel < c.demand[i].target.service_level);
  const alerts: DayAnswer['alerts'] = [];
  const short = (hours: number[]) => {
    const counts = hours.map((i) => agentsShort(i, c));
    const most = Math.max(...counts);
    return `${most} more ${most === 1 ? 'agent' : 'agents'} would be needed at ${stamp(hours[counts.indexOf(most)])}`;
  };
  if (slow.length > 0) {
    const worst = slow.reduce((w, i) => (c.projection[i].asaSeconds > c.projection[w].asaSeconds ? i : w));
    const asa = roundTo(c.projection[worst].asaSeconds, 1);
    alerts.push({
      kind: 'asa_over_limit',
      severity: 'critical',
      hours: slow.map(stamp),
      value: asa,
      threshold: c.maxAsaSeconds,
      message:
        `Projected ASA stays over ${c.maxAsaSeconds} s in ${slow.length} ${slow.length === 1 ? 'hour' : 'hours'} from ${stamp(slow[0])} ` +
        `(worst ${Math.round(asa)} s at ${stamp(worst)}) with every on-call agent called in and the overtime offered: ${short(slow)}.`,
    });
  }
  if (below.length > 0) {
    const worst = below.reduce((w, i) => (c.projection[i].serviceLevel < c.projection[w].serviceLevel ? i : w));
    const target = c.demand[worst].target.service_level;
    alerts.push({
      kind: 'service_below_target',
      severity: 'warning',
      hours: below.map(stamp),
      value: roundTo(c.projection[worst].serviceLevel, 4),
      threshold: target,
      message:
        `Projected service level stays under target in ${below.length} ${below.length === 1 ? 'hour' : 'hours'} from ${stamp(below[0])} ` +
        `(lowest ${pct(c.projection[worst].serviceLevel)} at ${stamp(worst)} against ${pct(target)}): ${short(below)}.`,
    });
  }
  return alerts;
}

/** Agents to add to hour i (its inherited backlog as projected) for it to meet the limits: doubling, then bisection. */
function agentsShort(i: number, c: AlertContext): number {
  const meetsWith = (extra: number) => c.meets(hourProjection(c.demand[i], c.agents[i] + extra, c.projection[i].backlogIn), i);
  let fails = 0;
  let step = 1;
  while (!meetsWith(fails + step)) {
    if (fails + step >= MAX_AGENTS_PER_HOUR) return fails + step;
    fails += step;
    step *= 2;
  }
  let enough = fails + step;
  while (enough - fails > 1) {
    const mid = Math.floor((fails + enough) / 2);
    if (meetsWith(mid)) enough = mid;
    else fails = mid;
  }
  return enough;
}
