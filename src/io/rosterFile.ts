import { z } from 'zod';
import type { PlanConfig } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { parseTimestamp, weekHours } from '../domain/time.js';
import type { Instant } from '../domain/types.js';
import type { PlacedShift } from '../staffing/onDuty.js';
import { fieldsOf, problemsOf } from './issues.js';
import { readText } from './table.js';

// Only what measuring a roster needs: a roster.json carries more (hourly, cost, kpis), and a
// hand-written one may carry nothing else.
const shiftSchema = z.object({ pool: z.string(), start: z.string(), hours: z.number().int().min(1), agents: z.number().min(0) });
const rosterSchema = z.object({
  week_start: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date like 2026-11-30'),
  shifts: z.array(shiftSchema),
  // On-call shifts of standby pools (SPEC section 7); rosters made before them have none.
  standby: z.array(shiftSchema).default([]),
});

/** A roster's shifts placed on its week. */
export interface RosterShifts {
  /** `week_start` as the file gives it. */
  weekStart: string;
  /** The week's hours (epoch milliseconds): 168, or 167 or 169 in a daylight-saving week. */
  slots: Instant[];
  shifts: (PlacedShift & { pool: string })[];
  /** The on-call shifts of standby pools (`standby`; none in a roster that lists none). */
  standby: (PlacedShift & { pool: string })[];
}

/**
 * Reads the shifts of a `roster.json` and places them on its week: each shift must start at an
 * hour of the week (in the configuration's time zone) and belong to a configured pool, whose
 * productivity it takes. Errors name the file and the field (`shifts.3.start`).
 * @param path the roster file
 * @param config the plan configuration (time zone, pools)
 */
export function readRosterShifts(path: string, config: PlanConfig): RosterShifts {
  const { text, file } = readText(path);
  return parseRosterShifts(text, file, config);
}

/** readRosterShifts on the text of a `roster.json` (read from a file or a store); `file` names it in errors. */
export function parseRosterShifts(text: string, file: string, config: PlanConfig): RosterShifts {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError({ file }, `cannot read it as JSON: ${(e as Error).message}`);
  }
  const parsed = rosterSchema.safeParse(value);
  if (!parsed.success) {
    const fields = fieldsOf(problemsOf(parsed.error.issues, rosterSchema));
    throw new InputError({ file, field: fields[0].path || '(root)' }, fields[0].message, fields);
  }
  const roster = parsed.data;
  const tz = config.timezone;
  const slots = weekHours(roster.week_start.slice(0, 10), tz);
  const slotOf = new Map(slots.map((t, i) => [t, i]));
  const place = (list: 'shifts' | 'standby') =>
    roster[list].map((s, i): PlacedShift & { pool: string } => {
      const start = parseTimestamp(s.start, tz);
      const startSlot = start ? slotOf.get(start.t) : undefined;
      if (startSlot === undefined) {
        throw new InputError(
          { file, field: `${list}.${i}.start` },
          `"${s.start}" is not an hour of the week starting ${roster.week_start}`,
        );
      }
      const pool = config.pools.find((p) => p.id === s.pool);
      if (!pool) throw new InputError({ file, field: `${list}.${i}.pool` }, `pool "${s.pool}" is not in the configuration`);
      return { pool: pool.id, startSlot, hours: s.hours, agents: s.agents, productivity: pool.productivity };
    });
  return { weekStart: roster.week_start, slots, shifts: place('shifts'), standby: place('standby') };
}
