import { formatCsv } from '../io/table.js';
import type { Roster } from '../roster/types.js';

/** roster.csv: one row per shift (pool, start, hours, agents). */
export function rosterCsv(roster: Roster): string {
  return formatCsv(
    ['pool', 'start', 'hours', 'agents'],
    roster.shifts.map((s) => [s.pool, s.start, s.hours, s.agents]),
  );
}
