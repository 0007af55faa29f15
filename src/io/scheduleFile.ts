import { InputError } from '../domain/errors.js';
import { addDaysToDate, formatTimestamp, localDate, localParts } from '../domain/time.js';
import type { Agent, ScheduleRow } from '../schedule/types.js';
import { formatCsv } from './formatCsv.js';
import { numberCell, parseTable, readTable, type Table } from './table.js';
import { timestampCell } from './timestamps.js';

export const SCHEDULE_COLUMNS = ['agent', 'pool', 'start', 'hours'] as const;
/** No shift is longer than a day (the configuration's shift_lengths stop at 24). */
const MAX_SHIFT_HOURS = 24;

/** What a schedule is read against. */
export interface ScheduleReadOptions {
  timeZone: string;
  /**
   * The agents the rows must name, each in its own pool. Absent for last week's schedule
   * (`--previous`), whose agents may have left since: then any agent and pool are taken.
   */
  agents?: readonly Agent[];
}

/** schedule.csv text: `agent,pool,start,hours`, rows sorted by agent, then start. */
export function formatSchedule(rows: readonly ScheduleRow[], timeZone: string, withOffset: boolean): string {
  const sorted = [...rows].sort((a, b) => (a.agent < b.agent ? -1 : a.agent > b.agent ? 1 : a.t - b.t));
  return formatCsv(
    SCHEDULE_COLUMNS,
    sorted.map((r) => [r.agent, r.pool, formatTimestamp(r.t, timeZone, withOffset), r.hours]),
  );
}

/** Reads a schedule.csv; `withOffset` tells whether its timestamps carried UTC offsets. */
export function readSchedule(path: string, options: ScheduleReadOptions): { rows: ScheduleRow[]; withOffset: boolean } {
  return scheduleOf(readTable(path, SCHEDULE_COLUMNS), options);
}

/** The rows of the text of a schedule.csv; `file` names it in errors. */
export function parseSchedule(text: string, file: string, options: ScheduleReadOptions): { rows: ScheduleRow[]; withOffset: boolean } {
  return scheduleOf(parseTable(text, file, SCHEDULE_COLUMNS), options);
}

function scheduleOf(table: Table, { timeZone, agents }: ScheduleReadOptions): { rows: ScheduleRow[]; withOffset: boolean } {
  const byId = agents && new Map(agents.map((a) => [a.id, a]));
  let withOffset = false;
  const rows = table.rows.map((row): ScheduleRow => {
    const at = (field: string) => ({ file: table.file, line: row.line, field });
    const agent = row.cells.agent ?? '';
    const pool = row.cells.pool ?? '';
    if (agent === '') throw new InputError(at('agent'), 'value is missing');
    if (pool === '') throw new InputError(at('pool'), 'value is missing');
    if (byId) {
      const known = byId.get(agent);
      if (!known) throw new InputError(at('agent'), `"${agent}" is not an agent of agents.csv`);
      if (known.pool !== pool) throw new InputError(at('pool'), `agent "${agent}" is in pool ${known.pool}, not ${pool}`);
    }
    const start = timestampCell(table, row, 'start', timeZone);
    const p = localParts(start.t, timeZone);
    if (p.minute !== 0 || start.t % 60_000 !== 0)
      throw new InputError(at('start'), `${row.cells.start} is not the start of an hour (shifts start at the top of an hour)`);
    withOffset ||= start.withOffset;
    const hours = numberCell(table, row, 'hours', { min: 1 })!;
    if (!Number.isInteger(hours) || hours > MAX_SHIFT_HOURS)
      throw new InputError(at('hours'), `${hours} is not a whole number of hours from 1 to ${MAX_SHIFT_HOURS}`);
    return { agent, pool, t: start.t, date: localDate(start.t, timeZone), hours, line: row.line };
  });
  return { rows, withOffset };
}

/**
 * Checks that schedule rows fall where they belong: pins (`in`) start in the week of `weekStart`,
 * last week's rows (`before`) before it. Otherwise an InputError naming `file`, the row's line and
 * the start column, so a wrong file is refused before any solve.
 */
export function checkScheduleWeek(rows: readonly ScheduleRow[], file: string, weekStart: string, where: 'in' | 'before'): void {
  const weekEnd = addDaysToDate(weekStart, 6);
  for (const r of rows) {
    // ISO dates order as text.
    const ok = where === 'in' ? r.date >= weekStart && r.date <= weekEnd : r.date < weekStart;
    if (!ok)
      throw new InputError(
        { file, line: r.line, field: 'start' },
        where === 'in'
          ? `${r.agent}'s shift on ${r.date} is not in the planned week (${weekStart} to ${weekEnd})`
          : `${r.agent}'s shift on ${r.date} is not before the planned week starting ${weekStart} (this is last week's schedule)`,
      );
  }
}
