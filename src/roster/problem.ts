import type { PlanConfig } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { formatTimestamp, localParts, startOfLocalDay, weekHours, HOUR_MS } from '../domain/time.js';
import type { StaffNeed } from '../domain/types.js';
import type { RosterProblem } from './types.js';

/** Whether a local hour of day is a night hour ([start_hour, end_hour), wrapping past midnight). */
export function isNightHour(hour: number, night: { start_hour: number; end_hour: number }): boolean {
  const { start_hour: start, end_hour: end } = night;
  return start <= end ? hour >= start && hour < end : hour >= start || hour < end;
}

/**
 * The roster model's input for the `weeks` weeks (1-4) starting at local midnight of `weekStart`:
 * one slot per real hour, the staff each needs (hours absent from the requirements need none:
 * closed), the coverage floor, and the rules from the configuration. The horizon wraps as a
 * single week does: a shift starting in its last hours covers its first.
 */
export function buildRosterProblem(
  needs: readonly StaffNeed[],
  config: PlanConfig,
  weekStart: string,
  withOffset = false,
  weeks = 1,
): RosterProblem {
  const tz = config.timezone;
  const byInstant = new Map(needs.map((n) => [n.t, n.staffNeeded]));
  const hours = weekHours(weekStart, tz, weeks);
  if (!hours.some((t) => byInstant.has(t))) {
    throw new InputError(
      { file: 'requirements.csv', field: 'timestamp' },
      `no row falls in the ${weeks > 1 ? `${weeks} weeks` : 'week'} starting ${weekStart} (${config.timezone})`,
    );
  }
  const weekStartInstant = startOfLocalDay(weekStart, tz);
  const slots = hours.map((t) => {
    const p = localParts(t, tz);
    const night = isNightHour(p.hour, config.night);
    const staffNeeded = byInstant.get(t) ?? 0;
    // Day index counts local calendar days from week_start (robust to a 23- or 25-hour day).
    const day = Math.round((startOfLocalDay(formatTimestamp(t, tz).slice(0, 10), tz) - weekStartInstant) / (24 * HOUR_MS));
    return {
      t,
      label: formatTimestamp(t, tz, withOffset),
      hourOfDay: p.hour,
      day,
      night,
      staffNeeded,
      floor: (night ? config.night.min_coverage : config.min_coverage) * staffNeeded,
    };
  });
  return {
    weekStart,
    slots,
    pools: config.pools,
    shortfallPenalty: config.shortfall_penalty,
    maxOutsourcedShare: config.max_outsourced_share,
    budget: config.budget,
    minCoverage: config.min_coverage,
    nightMinCoverage: config.night.min_coverage,
    solver: { timeLimitSeconds: config.solver.time_limit_seconds, mipRelGap: config.solver.mip_rel_gap },
  };
}
