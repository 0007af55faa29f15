import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { INTRADAY_DEFAULTS, queueDemand, totalShrinkage } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { localParts } from '../domain/time.js';
import { configFromText } from '../io/config.js';
import { parseEvents } from '../io/events.js';
import { parseForecast } from '../io/forecastFile.js';
import { parseRosterShifts } from '../io/rosterFile.js';
import { readText } from '../io/table.js';
import { isNightHour } from '../roster/problem.js';
import { demandBySlot } from '../staffing/requirements.js';
import { serviceTargetAt } from '../staffing/serviceTargets.js';
import type { Store } from '../store/store.js';
import type { DayInput, PlanHour, PlannedShift } from './types.js';

/** The plan's part of a DayInput: everything but the actuals and `now`. */
export type PlanDay = Omit<DayInput, 'actuals' | 'now' | 'actualsFile' | 'nowFrom'>;

/** Reads one file of a plan by name; undefined when the plan has no such file. */
export type PlanFileReader = (file: string) => Promise<string | undefined>;

/** The files the day is read from; a plan without them cannot be corrected. */
const NEEDED = ['config.json', 'forecast.csv', 'roster.json'] as const;

/**
 * A plan's week as the day's corrections read it (SPEC section 7): config.json (its pools,
 * shrinkage, alerts, `intraday` settings), forecast.csv (queues pooled: the plan's own total
 * columns, which carry the pooled 80% interval), the demand each hour offers the agents as the
 * plan's requirements computed it (bot deflection, handle time and concurrency per queue, from
 * the same forecast), roster.json's shifts and on-call `standby` shifts, and each hour's service
 * target, holidays from events.csv when the plan has one. Nothing is written.
 * @param read reads a file of the plan (a folder, or the store)
 * @param plan how messages name the plan (the `--plan` option, a plan id)
 * @throws InputError when a file is missing or malformed
 */
export async function loadPlanDay(read: PlanFileReader, plan: { file: string; field?: string }): Promise<PlanDay> {
  const text = async (file: (typeof NEEDED)[number]) => {
    const found = await read(file);
    if (found === undefined) throw new InputError(plan, `not a plan folder: it has no ${file}`);
    return found;
  };
  const config = configFromText(await text('config.json'));
  const tz = config.timezone;
  const forecast = parseForecast(await text('forecast.csv'), 'forecast.csv', tz);
  const roster = parseRosterShifts(await text('roster.json'), 'roster.json', config);
  const eventsText = await read('events.csv');
  const events = eventsText === undefined ? [] : parseEvents(eventsText, tz, 'events.csv');
  const slots = forecast.pooled.map((p) => p.t);
  const demand = demandBySlot(slots, forecast.points, config);
  const deflection = queueDemand(config, undefined).botDeflection;
  const hours = forecast.pooled.map((p, i): PlanHour => {
    const d = demand[i];
    return {
      t: p.t,
      contacts: p.contacts,
      lo80: p.lo80,
      hi80: p.hi80,
      // An hour planned with no contacts reaches agents as the config's default would.
      handledShare: p.contacts > 0 ? d.handledContacts / p.contacts : 1 - deflection,
      ahtSeconds: d.ahtSeconds,
      concurrency: d.concurrency ?? config.demand.concurrency,
      target: serviceTargetAt(p.t, config, events),
      night: isNightHour(localParts(p.t, tz).hour, config.night),
    };
  });
  const planned = (list: typeof roster.shifts): PlannedShift[] =>
    list.map((s) => ({ pool: s.pool, start: roster.slots[s.startSlot], hours: s.hours, agents: s.agents }));
  return {
    timeZone: tz,
    withOffset: forecast.withOffset,
    currency: config.currency,
    shrinkage: totalShrinkage(config.shrinkage),
    maxAsaSeconds: config.alerts.max_asa_seconds,
    pools: config.pools,
    overtime: {
      premium: config.intraday?.overtime_premium ?? INTRADAY_DEFAULTS.overtime_premium,
      maxHours: config.intraday?.max_overtime_hours ?? INTRADAY_DEFAULTS.max_overtime_hours,
    },
    hours,
    shifts: planned(roster.shifts),
    standby: planned(roster.standby),
  };
}

/**
 * loadPlanDay on a plan folder (`--plan DIR`): a folder that does not exist, or lacks a plan's
 * files, is an InputError naming `--plan`.
 */
export async function readPlanFolder(dir: string): Promise<PlanDay> {
  const option = { file: 'command line', field: '--plan' };
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(option, `${dir} is not a folder`);
  return loadPlanDay(async (file) => (existsSync(join(dir, file)) ? readText(join(dir, file)).text : undefined), option);
}

/** loadPlanDay on a plan of a store (the API), by its folder name. */
export function readStoredPlan(store: Store, name: string): Promise<PlanDay> {
  return loadPlanDay(async (file) => ((await store.plans.has(name, file)) ? store.plans.read(name, file) : undefined), {
    file: `plan ${name}`,
  });
}
