import { configTiers, poolTiers, STANDBY_DEFAULTS, type PlanConfig } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { formatTimestamp, localParts, startOfLocalDay, weekHours, HOUR_MS } from '../domain/time.js';
import type { StaffNeed } from '../domain/types.js';
import type { RosterProblem, RosterSlot } from './types.js';

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
  const byInstant = new Map(needs.map((n) => [n.t, n]));
  const tierNames = configTiers(config);
  const tiered = tierNames.length > 1;
  const hours = weekHours(weekStart, tz, weeks);
  if (!hours.some((t) => byInstant.has(t))) {
    throw new InputError(
      { file: 'requirements.csv', field: 'timestamp' },
      `no row falls in the ${weeks > 1 ? `${weeks} weeks` : 'week'} starting ${weekStart} (${config.timezone})`,
    );
  }
  const standby = config.pools.filter((p) => p.kind === 'standby');
  const missingHigh = standby.length > 0 ? needs.find((n) => n.staffNeededHigh === undefined) : undefined;
  if (missingHigh) {
    throw new InputError(
      { file: 'requirements.csv', field: 'staff_needed_hi80' },
      `pool ${standby[0].id} is a standby pool, which covers the forecast's hi80: the requirements need a staff_needed_hi80 column (shiftcast requirements writes it when the config has a standby pool)`,
    );
  }
  const weekStartInstant = startOfLocalDay(weekStart, tz);
  const slots = hours.map((t) => {
    const p = localParts(t, tz);
    const night = isNightHour(p.hour, config.night);
    const need = byInstant.get(t);
    const byTier = tiered ? tierNeeds(need, tierNames, t, tz) : null;
    // With tiers the hour needs exactly their sum (a file's rounded columns may differ in the last digit).
    const staffNeeded = byTier ? byTier.reduce((a, b) => a + b, 0) : (need?.staffNeeded ?? 0);
    const share = night ? config.night.min_coverage : config.min_coverage;
    // Day index counts local calendar days from week_start (robust to a 23- or 25-hour day).
    const day = Math.round((startOfLocalDay(formatTimestamp(t, tz).slice(0, 10), tz) - weekStartInstant) / (24 * HOUR_MS));
    return {
      t,
      label: formatTimestamp(t, tz, withOffset),
      hourOfDay: p.hour,
      day,
      night,
      staffNeeded,
      floor: share * staffNeeded,
      ...(standby.length > 0 && { staffNeededHigh: need?.staffNeededHigh ?? 0 }),
      ...(byTier && { tiers: byTier.map((n) => ({ staffNeeded: n, floor: share * n })) }),
    };
  });
  return {
    weekStart,
    slots,
    pools: config.pools.filter((p) => p.kind !== 'standby'),
    ...(standby.length > 0 && { standby: { pools: standby, coverage: config.standby?.coverage ?? STANDBY_DEFAULTS.coverage } }),
    ...(tiered && {
      tiers: tierNames.map((name) => ({
        name,
        pools: config.pools.filter((p) => p.kind !== 'standby' && poolTiers(p).includes(name)).map((p) => p.id),
      })),
    }),
    shortfallPenalty: config.shortfall_penalty,
    maxOutsourcedShare: config.max_outsourced_share,
    budget: config.budget,
    minCoverage: config.min_coverage,
    nightMinCoverage: config.night.min_coverage,
    solver: { timeLimitSeconds: config.solver.time_limit_seconds, mipRelGap: config.solver.mip_rel_gap },
  };
}

/**
 * Each tier's staff needed in one hour, in the order of `tiers`: from the requirement's tier
 * split, else all of it in the general tier (a requirements file written without tiers).
 */
function tierNeeds(need: StaffNeed | undefined, tiers: readonly string[], t: number, tz: string): number[] {
  if (!need) return tiers.map(() => 0);
  if (!need.tiers) return tiers.map((_, i) => (i === 0 ? need.staffNeeded : 0));
  for (const n of need.tiers) {
    if (!tiers.includes(n.tier))
      throw new InputError(
        { file: 'requirements.csv', field: `staff_needed.${n.tier}` },
        `tier "${n.tier}" at ${formatTimestamp(t, tz)} is not a tier of the configuration (${tiers.join(', ')}); list it in a pool's tiers`,
      );
  }
  return tiers.map((tier) => need.tiers!.find((n) => n.tier === tier)?.staffNeeded ?? 0);
}

/** How many weeks the horizon's slots span (1-4): a 167- or 169-slot DST week is one. */
export function horizonWeeks(slots: readonly RosterSlot[]): number {
  return Math.ceil((slots[slots.length - 1].day + 1) / 7);
}
