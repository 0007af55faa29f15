import type { Pool } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { formatTimestamp } from '../domain/time.js';
import type { Instant } from '../domain/types.js';
import type { PlannedShift } from './types.js';

/** A shift on the plan's week: its pool, first slot (index into the week's hours), length and agents. */
export interface PlacedShift {
  pool: Pool;
  startSlot: number;
  hours: number;
  agents: number;
}

/**
 * The roster's shifts placed on the week's hours, each with its pool.
 * @param file what the shifts were read from (`roster.json`), for error messages
 * @throws InputError when a shift names a pool the config lacks or starts off the week's hours
 * @example placeShifts(input.shifts, input.hours.map((h) => h.t), input.pools, input.timeZone, 'roster.json')
 */
export function placeShifts(
  shifts: readonly PlannedShift[],
  week: readonly Instant[],
  pools: readonly Pool[],
  timeZone: string,
  file: string,
): PlacedShift[] {
  const slotOf = new Map(week.map((t, i) => [t, i]));
  const poolOf = new Map(pools.map((p) => [p.id, p]));
  return shifts.map((s) => {
    const pool = poolOf.get(s.pool);
    if (!pool) throw new InputError({ file, field: 'pool' }, `pool "${s.pool}" is not in the plan's config`);
    const startSlot = slotOf.get(s.start);
    if (startSlot === undefined) {
      throw new InputError({ file, field: 'start' }, `${formatTimestamp(s.start, timeZone)} is not an hour of the plan's week`);
    }
    return { pool, startSlot, hours: s.hours, agents: s.agents };
  });
}
