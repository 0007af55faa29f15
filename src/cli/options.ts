import type { Command } from 'commander';
import { InputError } from '../domain/errors.js';
import { configSchema, type PlanConfig } from '../domain/config.js';
import { readConfig } from '../io/config.js';
import { readEvents } from '../io/events.js';
import type { CalendarEvent } from '../domain/types.js';
import { readAgents } from '../io/agentsFile.js';
import { checkScheduleWeek, readSchedule } from '../io/scheduleFile.js';
import { basename } from 'node:path';
import type { PlanSchedule } from '../plan/chain.js';
import type { Store } from '../store/store.js';

/** The plan store folder when neither `--store` nor a database is given. */
export const DEFAULT_STORE = 'forecasts';

/** The store options of a command that opens one (SPEC section 5). */
export interface StoreFlags {
  store?: string;
  database?: string;
}

/** Adds `--store` and `--database` to a command (no default on either, so storeLocation can tell what was given). */
export function storeOptions(command: Command, store = 'plan store folder'): Command {
  return command
    .option('--store <dir>', `${store} (default: ${DEFAULT_STORE})`)
    .option('--database <url>', 'a PostgreSQL store shared by several machines, postgres://... (default: $SHIFTCAST_DATABASE_URL)');
}

/** The database of `--database`, else of SHIFTCAST_DATABASE_URL, else undefined. */
export function databaseUrl(o: StoreFlags, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return o.database ?? (env.SHIFTCAST_DATABASE_URL || undefined);
}

/**
 * Where a command's store is: `--database`, else an explicit `--store`, else the database of
 * SHIFTCAST_DATABASE_URL, else the default folder. `--store` and `--database` together are
 * refused rather than one silently ignored.
 */
export function storeLocation(o: StoreFlags, env: NodeJS.ProcessEnv = process.env): string {
  if (o.store !== undefined && o.database !== undefined)
    throw new InputError({ file: 'command line', field: '--database' }, '--database and --store each name a store: give one of them');
  return o.store ?? databaseUrl(o, env) ?? DEFAULT_STORE;
}

/** Runs `use` on the command's store, closing it after (a database's connections would keep the process alive). */
export async function withStore<T>(o: StoreFlags, use: (store: Store) => Promise<T>): Promise<T> {
  const location = storeLocation(o);
  const { openStore } = await import('../store/open.js'); // loaded on use: most commands open no store
  const store = openStore(location);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

/** The named-agent options of `roster` and `plan` (SPEC section 6). */
export interface AgentFlags {
  agents?: string;
  previous?: string;
  pin?: string;
}

/** Adds `--agents`, `--previous` and `--pin` to a command. */
export function agentOptions(command: Command): Command {
  return command
    .option('--agents <file>', "agents.csv: named agents, whose pools' shifts are assigned to them (SPEC section 6)")
    .option('--previous <file>', "last week's schedule.csv: rest and consecutive days count it (needs --agents)")
    .option('--pin <file>', 'schedule.csv rows of a published schedule that must stay as they are (needs --agents)');
}

/**
 * The named agents, last week's schedule and the pins of `--agents/--previous/--pin`, read and
 * checked (errors name file, line and column), or undefined without `--agents`. Pins must name
 * agents of the file; last week's rows may name agents who have left.
 */
export function namedAgentsOrNone(o: AgentFlags, config: PlanConfig): PlanSchedule | undefined {
  for (const option of ['previous', 'pin'] as const)
    if (o[option] !== undefined && o.agents === undefined)
      throw new InputError({ file: 'command line', field: `--${option}` }, `--${option} needs --agents (the named agents it schedules)`);
  if (o.agents === undefined) return undefined;
  const timeZone = config.timezone;
  const agents = readAgents(o.agents, config);
  return {
    agents,
    ...(o.previous !== undefined ? { previous: readSchedule(o.previous, { timeZone }).rows } : {}),
    ...(o.pin !== undefined ? { pins: readSchedule(o.pin, { timeZone, agents }).rows } : {}),
  };
}

/** A positive integer option, or an input error naming the option. */
export function intOption(name: string, min = 1, max = Number.MAX_SAFE_INTEGER) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InputError({ file: 'command line', field: name }, `"${text}" must be an integer from ${min} to ${max}`);
    }
    return value;
  };
}

/** A number option within [min, max], or an input error naming the option. */
export function numberOption(name: string, min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
      throw new InputError(
        { file: 'command line', field: name },
        `"${text}" must be a number from ${min}${max === Infinity ? ' up' : ` to ${max}`}`,
      );
    }
    return value;
  };
}

/** The configuration from `--config`, or every default. */
export function configOrDefaults(path: string | undefined): PlanConfig {
  return path ? readConfig(path) : configSchema.parse({});
}

/** Events from `--events`, or none. */
export function eventsOrNone(path: string | undefined, timeZone: string): CalendarEvent[] {
  return path ? readEvents(path, timeZone) : [];
}

/** `--pin` rows must start in the planned week, `--previous` rows before it (errors name the file and line). */
export function checkNamedWeek(o: AgentFlags, schedule: PlanSchedule | undefined, weekStart: string): void {
  if (schedule?.pins && o.pin) checkScheduleWeek(schedule.pins, basename(o.pin), weekStart, 'in');
  if (schedule?.previous && o.previous) checkScheduleWeek(schedule.previous, basename(o.previous), weekStart, 'before');
}
