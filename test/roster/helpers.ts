import { parseConfig } from '../../src/io/config.js';
import { weekHours, formatTimestamp } from '../../src/domain/time.js';
import { buildRosterProblem } from '../../src/roster/problem.js';
import type { RosterProblem } from '../../src/roster/types.js';

/** A pool as written in config.json (validated by the real schema; the defaults fill the rest). */
export type PoolInput = Record<string, unknown>;

/**
 * A roster problem from a config (defaults filled by the real schema) and a staff need per slot:
 * `need(slotIndex, localHour)` over the horizon's slots (167-169 a week in a DST week).
 */
export function makeProblem(
  config: Record<string, unknown>,
  need: (slot: number, hour: number) => number,
  weeks = 1,
  /** With a standby pool: the staff needed at the forecast's hi80 per slot. */
  high?: (slot: number, hour: number) => number,
): RosterProblem {
  const parsed = parseConfig({ week_start: '2026-11-30', timezone: 'Asia/Shanghai', ...config });
  const weekStart = parsed.week_start!;
  const hours = weekHours(weekStart, parsed.timezone, weeks);
  const hourOf = (t: number) => Number(formatTimestamp(t, parsed.timezone).slice(11, 13));
  const needs = hours.map((t, i) => ({
    t,
    staffNeeded: need(i, hourOf(t)),
    ...(high && { staffNeededHigh: high(i, hourOf(t)) }),
  }));
  return buildRosterProblem(needs, parsed, weekStart, false, weeks);
}

/** A config with only the given pools and no budget, share cap or night floor unless set. */
export function plainConfig(pools: PoolInput[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    pools,
    budget: null,
    max_outsourced_share: null,
    min_coverage: 0.95,
    night: { start_hour: 0, end_hour: 8, min_coverage: 0.85 },
    ...extra,
  };
}

/** A small week of two pools (in-house 4/8 h shifts, a vendor of 3 agents) under a 40% share cap, needs varying by the hour. */
export function dayAndVendorWeek(): RosterProblem {
  const day = { id: 'inhouse', kind: 'in_house', cost_per_hour: 10, night_premium: 0.5, shift_lengths: [4, 8], start_hours: [6, 14, 22] };
  const vendor = {
    id: 'vendor',
    kind: 'outsourced',
    cost_per_hour: 8,
    productivity: 0.9,
    shift_lengths: [8],
    start_hours: [6, 14, 22],
    max_agents: 3,
  };
  return makeProblem(
    plainConfig([day, vendor], { max_outsourced_share: 0.4 }),
    (slot, hour) => (hour >= 8 && hour < 20 ? 5.5 : 1.2) + (slot % 5) / 10,
  );
}
