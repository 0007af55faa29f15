import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanConfig } from '../src/domain/config.js';
import { InputError } from '../src/domain/errors.js';
import type { CalendarEvent, History } from '../src/domain/types.js';
import { readConfig } from '../src/io/config.js';
import { parseEvents, readEvents } from '../src/io/events.js';
import { parseHistory, readHistorySync } from '../src/io/history.js';
import { formatCsv } from '../src/io/formatCsv.js';
import { parseAgents, readAgents } from '../src/io/agentsFile.js';
import { checkScheduleWeek, parseSchedule, SCHEDULE_COLUMNS } from '../src/io/scheduleFile.js';
import type { Agent } from '../src/schedule/types.js';
import { checkQueueNames, planWeek, type PlanInputs } from '../src/plan/chain.js';
import { planRequestSchema, type PlanRequest } from './schemas.js';
import { asRequestField, parseBody } from './validation.js';

const HISTORY_COLUMNS = ['timestamp', 'contacts', 'queue', 'aht_seconds'];
const EVENT_COLUMNS = ['start', 'end', 'kind', 'name', 'intensity'];
const AGENT_COLUMNS = ['id', 'pool', 'min_hours', 'max_hours', 'max_days', 'unavailable', 'prefers_off', 'night'];

/**
 * Validates a `POST /v1/plans` body into the engine's inputs: the config through its zod schema,
 * history and events through the same parsers as the CLI's files (CSV text as is, JSON rows
 * turned into CSV first), so both forms are checked the same way. A `workspace` supplies what
 * the body leaves out from `<store>/.<workspace>/` (a folder store's: `store` is null for a
 * database, which has no workspaces). Throws InputError (400).
 */
export function planInputs(body: unknown, store: string | null): PlanInputs {
  const request: PlanRequest = parseBody(planRequestSchema, body);
  const workspace = request.workspace === undefined ? undefined : workspaceFolder(store, request.workspace);
  const config: PlanConfig = request.config ?? readConfig(workspaceFile(workspace!, 'config.json'));
  const tz = config.timezone;
  const history =
    request.history === undefined
      ? readHistorySync(workspaceFile(workspace!, 'history.csv'), tz)
      : fromTable<History>('history', request.history, HISTORY_COLUMNS, (text) => parseHistory(text, tz, 'history'));
  let events: CalendarEvent[] = [];
  if (request.events !== undefined)
    events = fromTable('events', request.events, eventColumns(request.events), (text) => parseEvents(text, tz, 'events'));
  else if (workspace && existsSync(join(workspace, 'events.csv'))) events = readEvents(join(workspace, 'events.csv'), tz);
  try {
    checkQueueNames(config, history);
  } catch (e) {
    // A config sent in the body is named as its field there; a workspace's config.json as the file.
    throw request.config === undefined || !(e instanceof InputError) ? e : asRequestField(e, 'request body', `config.${e.location.field}`);
  }
  const weekStart = planWeek({ config, history, events, week: request.week });
  const schedule = namedAgents(request, workspace, config, weekStart);
  return { config, history, events, week: request.week, ...(schedule ? { schedule } : {}) };
}

/**
 * The named agents (SPEC section 6) of the body, else of the workspace's agents.csv, with last
 * week's schedule and the pins (these need agents; pins must name them). None: a head-count plan.
 */
function namedAgents(request: PlanRequest, workspace: string | undefined, config: PlanConfig, weekStart: string): PlanInputs['schedule'] {
  const tz = config.timezone;
  let agents: Agent[] | undefined;
  if (request.agents !== undefined)
    agents = fromTable('agents', request.agents, AGENT_COLUMNS, (text) => parseAgents(text, 'agents', config));
  else if (workspace && existsSync(join(workspace, 'agents.csv'))) agents = readAgents(join(workspace, 'agents.csv'), config);
  for (const part of ['previous', 'pins'] as const)
    if (request[part] !== undefined && agents === undefined)
      throw new InputError({ file: 'request body', field: part }, `${part} needs the named agents: send agents too`);
  if (agents === undefined) return undefined;
  // Pins start in the planned week, last week's rows before it.
  const rows = (part: 'previous' | 'pins', value: NonNullable<PlanRequest['previous']>, known?: Agent[]) =>
    fromTable(part, value, [...SCHEDULE_COLUMNS], (text) => {
      const { rows } = parseSchedule(text, part, { timeZone: tz, agents: known });
      checkScheduleWeek(rows, part, weekStart, part === 'pins' ? 'in' : 'before');
      return rows;
    });
  return {
    agents,
    ...(request.previous !== undefined ? { previous: rows('previous', request.previous) } : {}),
    ...(request.pins !== undefined ? { pins: rows('pins', request.pins, agents) } : {}),
  };
}

function workspaceFolder(store: string | null, name: string): string {
  if (store === null)
    throw new InputError(
      { file: 'request body', field: 'workspace' },
      'this server keeps its plans in a database, which has no workspaces; send config and history in the body',
    );
  const folder = join(store, `.${name}`);
  if (!existsSync(folder)) throw new InputError({ file: 'request body', field: 'workspace' }, `no workspace "${name}" on the server`);
  return folder;
}

/** The events columns of JSON rows: the SPEC's, then any numeric property (a regressor, like events.csv's extra columns). */
function eventColumns(value: string | Record<string, unknown>[]): string[] {
  if (typeof value === 'string') return EVENT_COLUMNS;
  const extra = new Set(value.flatMap((row) => Object.keys(row).filter((k) => !EVENT_COLUMNS.includes(k) && typeof row[k] === 'number')));
  return [...EVENT_COLUMNS, ...extra];
}

/** A workspace file that must be there (checked here so no server path reaches a message). */
function workspaceFile(folder: string, file: string): string {
  const path = join(folder, file);
  if (!existsSync(path))
    throw new InputError({ file: 'request body', field: 'workspace' }, `the workspace has no ${file}; send it in the body`);
  return path;
}

/** Runs a CSV parser on text, or on rows written as CSV; errors on rows name the row index (`history.3.contacts`). */
export function fromTable<T>(part: string, value: string | Record<string, unknown>[], columns: string[], parse: (text: string) => T): T {
  if (typeof value === 'string') {
    try {
      return parse(value);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // The message already names the line and column; the field path is the body part.
      throw new InputError(e.location, e.fields[0]?.message ?? e.message, [{ path: part, message: e.message }]);
    }
  }
  // No rows (no events, no shifts last week): the header alone, every column, so nothing required is missing.
  const present = value.length === 0 ? columns : columns.filter((c) => value.some((row) => row[c] !== undefined));
  const text = formatCsv(
    present,
    value.map((row) => present.map((c) => cellText(row[c]))),
  );
  try {
    return parse(text);
  } catch (e) {
    if (!(e instanceof InputError) || e.location.line === undefined) throw e;
    // CSV line 2 is row 0 (line 1 is the header).
    const index = e.location.line - 2;
    const problem = e.fields[0]?.message ?? e.message;
    const path = [part, index, e.location.field].filter((p) => p !== undefined).join('.');
    throw new InputError({ file: `${part}[${index}]`, field: e.location.field }, problem, [{ path, message: problem }]);
  }
}

/** A JSON row's value as its CSV cell: a list as `;`-joined items (agents.csv's lists), true/false as yes/no. */
function cellText(value: unknown): string | number {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value as string | number;
}
