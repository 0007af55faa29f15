import { scheduleRules, type PlanConfig, type ScheduleRules } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { WEEKDAYS, type Weekday } from '../domain/time.js';
import type { Agent, LocalDate } from '../schedule/types.js';
import { formatCsv } from './formatCsv.js';
import { numberCell, parseTable, readTable, type Row, type Table } from './table.js';

/** Paid hours in a week cannot exceed the hours of a (daylight-saving) week. */
const MAX_WEEK_HOURS = 169;
const REQUIRED = ['id', 'pool'];

/** Reads agents.csv (SPEC section 6) against the configuration's pools and `schedule` rules. */
export function readAgents(path: string, config: Pick<PlanConfig, 'pools' | 'schedule'>): Agent[] {
  return agentsOf(readTable(path, REQUIRED), config.pools, scheduleRules(config));
}

/** The agents of the text of an agents.csv (from a file or a request); `file` names it in errors. */
export function parseAgents(text: string, file: string, config: Pick<PlanConfig, 'pools' | 'schedule'>): Agent[] {
  return agentsOf(parseTable(text, file, REQUIRED), config.pools, scheduleRules(config));
}

/**
 * agents.csv text of the agents as planned (every default filled in), which parseAgents reads
 * back to the same agents: a plan folder keeps it beside schedule.csv, for the console's leave
 * and wishes.
 */
export function formatAgents(agents: readonly Agent[]): string {
  return formatCsv(
    ['id', 'pool', 'min_hours', 'max_hours', 'max_days', 'unavailable', 'prefers_off', 'night'],
    agents.map((a) => [
      a.id,
      a.pool,
      a.minHours,
      a.maxHours,
      a.maxDays,
      a.unavailable.map(({ from, to }) => (from === to ? from : `${from}..${to}`)).join(';'),
      a.prefersOff.join(';'),
      a.night ? 'yes' : 'no',
    ]),
  );
}

function agentsOf(table: Table, pools: readonly { id: string }[], rules: ScheduleRules): Agent[] {
  const { file } = table;
  if (table.rows.length === 0) throw new InputError({ file, line: 2, field: 'id' }, 'the file lists no agents (only a header)');
  const poolIds = pools.map((p) => p.id);
  const seen = new Map<string, number>();
  return table.rows.map((row) => {
    const at = (field: string) => ({ file, line: row.line, field });
    const id = row.cells.id ?? '';
    if (id === '') throw new InputError(at('id'), 'value is missing');
    const earlier = seen.get(id);
    if (earlier !== undefined) throw new InputError(at('id'), `agent id "${id}" is listed twice (also on line ${earlier})`);
    seen.set(id, row.line);
    const pool = row.cells.pool ?? '';
    if (pool === '') throw new InputError(at('pool'), 'value is missing');
    if (!poolIds.includes(pool)) throw new InputError(at('pool'), `"${pool}" is not a pool of the configuration (${poolIds.join(', ')})`);
    const minHours = hoursCell(table, row, 'min_hours') ?? rules.minHours;
    const maxHours = hoursCell(table, row, 'max_hours') ?? rules.maxHours;
    if (minHours > maxHours) throw new InputError(at('min_hours'), `min_hours ${minHours} is above max_hours ${maxHours}`);
    const maxDays = numberCell(table, row, 'max_days', { min: 0, optional: true }) ?? rules.maxDays;
    if (!Number.isInteger(maxDays) || maxDays > 7)
      throw new InputError(at('max_days'), `${maxDays} is not a whole number of days from 0 to 7`);
    return {
      id,
      pool,
      minHours,
      maxHours,
      maxDays,
      unavailable: dateRanges(table, row),
      prefersOff: weekdays(table, row),
      night: nightCell(table, row),
    };
  });
}

function hoursCell(table: Table, row: Row, column: string): number | undefined {
  const value = numberCell(table, row, column, { min: 0, optional: true });
  if (value !== undefined && value > MAX_WEEK_HOURS)
    throw new InputError({ file: table.file, line: row.line, field: column }, `${value} is more hours than a week has`);
  return value;
}

/** `;`-separated items of a cell, trimmed, empty ones dropped. */
const items = (text: string | undefined) =>
  (text ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a real calendar date `YYYY-MM-DD` (2026-02-30 is not). */
function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function dateRanges(table: Table, row: Row): { from: LocalDate; to: LocalDate }[] {
  const at = { file: table.file, line: row.line, field: 'unavailable' };
  return items(row.cells.unavailable).map((part) => {
    const [from, to = from, ...rest] = part.split('..').map((s) => s.trim());
    for (const d of [from, to])
      if (rest.length > 0 || !isDate(d)) throw new InputError(at, `"${part}" is not a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD`);
    // ISO dates order as text.
    if (to < from) throw new InputError(at, `range "${part}" ends before it starts`);
    return { from, to };
  });
}

function weekdays(table: Table, row: Row): Weekday[] {
  const days = new Set<Weekday>();
  for (const part of items(row.cells.prefers_off)) {
    const day = part.toLowerCase() as Weekday;
    if (!WEEKDAYS.includes(day))
      throw new InputError(
        { file: table.file, line: row.line, field: 'prefers_off' },
        `"${part}" is not a weekday (${WEEKDAYS.join(', ')})`,
      );
    days.add(day);
  }
  return WEEKDAYS.filter((d) => days.has(d));
}

function nightCell(table: Table, row: Row): boolean {
  const text = (row.cells.night ?? '').toLowerCase();
  if (text === '' || text === 'yes') return true;
  if (text === 'no') return false;
  throw new InputError({ file: table.file, line: row.line, field: 'night' }, `"${row.cells.night}" is not yes or no`);
}
