import { join } from 'node:path';
import type { PlanConfig } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { localDate } from '../domain/time.js';
import { configFromText, readConfig } from '../io/config.js';
import { parseForecast, readForecast } from '../io/forecastFile.js';
import { parseStaffNeeds, readStaffNeeds } from '../io/requirementsFile.js';
import { readTable } from '../io/table.js';
import type { Store } from '../store/store.js';
import type { ScenarioBase } from './types.js';

/**
 * The scenarios' base from a plan folder: its config.json, requirements.csv (staff needs) and
 * forecast.csv (the demand service targets are recomputed from). The folder is only read.
 * A plan folder keeps no events: pass the plan's events in the result's `events` for holiday targets.
 * @param dir the plan folder (`forecasts/<week_start>_<id>`)
 */
export function planBase(dir: string): ScenarioBase {
  const config = readConfig(join(dir, 'config.json'));
  const { needs, withOffset } = readStaffNeeds(join(dir, 'requirements.csv'), config.timezone);
  const demand = readForecast(join(dir, 'forecast.csv'), config.timezone).points;
  return withWeek(config, needs, withOffset, demand);
}

/** planBase for a plan of a store (an API scenarios job), read through the store. */
export async function storedPlanBase(store: Store, name: string): Promise<ScenarioBase> {
  const config = configFromText(await store.plans.read(name, 'config.json'));
  const { needs, withOffset } = parseStaffNeeds(await store.plans.read(name, 'requirements.csv'), 'requirements.csv', config.timezone);
  const forecast = parseForecast(await store.plans.read(name, 'forecast.csv'), 'forecast.csv', config.timezone);
  return withWeek(config, needs, withOffset, forecast.points);
}

/**
 * The scenarios' base from `--config` and `--requirements`; the demand comes from the
 * requirements' `contacts` (and `aht_seconds`) columns when it has them, else service figures
 * are left out.
 */
export function filesBase(configPath: string, requirementsPath: string): ScenarioBase {
  const config = readConfig(configPath);
  const { needs, withOffset } = readStaffNeeds(requirementsPath, config.timezone);
  const hasContacts = 'contacts' in (readTable(requirementsPath, []).rows[0]?.cells ?? {});
  const demand = hasContacts ? readForecast(requirementsPath, config.timezone).points : null;
  return withWeek(config, needs, withOffset, demand);
}

// Without week_start the week starts on the local date of the first requirement, as `roster` does.
function withWeek(config: PlanConfig, needs: ScenarioBase['needs'], withOffset: boolean, demand: ScenarioBase['demand']): ScenarioBase {
  if (needs.length === 0) throw new InputError({ file: 'requirements.csv' }, 'the file has no rows');
  const weekStart = config.week_start ?? localDate(needs[0].t, config.timezone);
  return { config: { ...config, week_start: weekStart }, weekStart, withOffset, needs, demand, events: [] };
}
