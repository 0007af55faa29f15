import { formatCsv } from '../io/formatCsv.js';
import type { Roster } from '../roster/types.js';

/**
 * roster.csv: one row per shift (pool, start, hours, agents). With standby pools the on-call
 * shifts follow, marked `on_call` = yes (the working shifts no), so a spreadsheet shows them
 * without taking them for worked hours.
 */
export function rosterCsv(roster: Roster): string {
  if (!roster.standby)
    return formatCsv(
      ['pool', 'start', 'hours', 'agents'],
      roster.shifts.map((s) => [s.pool, s.start, s.hours, s.agents]),
    );
  return formatCsv(
    ['pool', 'start', 'hours', 'agents', 'on_call'],
    [
      ...roster.shifts.map((s) => [s.pool, s.start, s.hours, s.agents, 'no']),
      ...roster.standby.map((s) => [s.pool, s.start, s.hours, s.agents, 'yes']),
    ],
  );
}
