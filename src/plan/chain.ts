import type { PlanConfig } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { addDaysToDate, HOUR_MS, localDate, nextMonday, startOfLocalDay, weekHours } from '../domain/time.js';
import type { CalendarEvent, ForecastPoint, History, Requirement } from '../domain/types.js';
import { forecastHistory } from '../forecast/index.js';
import { pooledForecast } from '../forecast/pooled.js';
import { requirementsFor } from '../staffing/requirements.js';
import { buildRosterProblem } from '../roster/problem.js';
import { withShadowPrices } from '../roster/shadowPrices.js';
import { solveRoster, type RosterSolveOptions } from '../roster/solve.js';
import type { Roster, RosterProblem } from '../roster/types.js';

/** Everything one plan is computed from. */
export interface PlanInputs {
  config: PlanConfig;
  history: History;
  events: CalendarEvent[];
  /** `YYYY-MM-DD` of the week's first day; default config.week_start, else the Monday after the history. */
  week?: string;
}

/** The stages' results for one week. */
export interface PlanOutcome {
  weekStart: string;
  config: PlanConfig;
  events: CalendarEvent[];
  /** Whether outputs write timestamps with UTC offsets (as the history did). */
  withOffset: boolean;
  /** The week's hours, the queues summed (one pooled agent group staffs them). */
  forecast: ForecastPoint[];
  requirements: Requirement[];
  /** The roster model's input, kept for what is derived from it later (full-coverage cost). */
  problem: RosterProblem;
  roster: Roster;
}

/** The longest gap between the history's end and the planned week's end that we forecast. */
const MAX_WEEKS_AHEAD = 8;

/** The week a plan covers: `--week`, else config.week_start, else the Monday after the history. */
export function planWeek(inputs: PlanInputs): string {
  if (inputs.week) return inputs.week;
  if (inputs.config.week_start) return inputs.config.week_start;
  return nextMonday(localDate(lastHour(inputs.history), inputs.config.timezone));
}

/**
 * The whole chain for one week: forecast -> staffing -> roster. Only history before the week
 * is used, so replanning a week that has begun forecasts it as it was planned.
 */
export async function runPlan(inputs: PlanInputs, onProgress?: RosterSolveOptions['onProgress']): Promise<PlanOutcome> {
  const weekStart = planWeek(inputs);
  const config = { ...inputs.config, week_start: weekStart };
  const tz = config.timezone;
  const historyFile = inputs.history.file ?? 'history';
  const week = weekHours(weekStart, tz);
  const weekBegins = week[0];
  const history: History = {
    ...inputs.history,
    queues: inputs.history.queues.map((q) => ({ ...q, hours: q.hours.filter((h) => h.t < weekBegins) })).filter((q) => q.hours.length > 0),
  };
  if (history.queues.length === 0) {
    throw new InputError({ file: historyFile }, `no history before the planned week starting ${weekStart}`);
  }
  const from = lastHour(history) + HOUR_MS;
  const weekEnds = startOfLocalDay(addDaysToDate(weekStart, 7), tz);
  if (weekEnds - from > MAX_WEEKS_AHEAD * 7 * 24 * HOUR_MS) {
    throw new InputError({ file: historyFile }, `the history ends ${localDate(from, tz)}, more than ${MAX_WEEKS_AHEAD} weeks before the planned week ends; bring the history up to date`);
  }
  const horizon = Array.from({ length: (weekEnds - from) / HOUR_MS }, (_, i) => from + i * HOUR_MS);
  const forecast = pooledForecast(forecastHistory(history, inputs.events, tz, horizon)).filter((p) => p.t >= weekBegins);
  const requirements = requirementsFor(forecast, config, inputs.events);
  const problem = buildRosterProblem(requirements, config, weekStart, history.withOffset);
  const roster = await withShadowPrices(await solveRoster(problem, { onProgress }), problem, config.currency);
  return { weekStart, config, events: inputs.events, withOffset: history.withOffset, forecast, requirements, problem, roster };
}

function lastHour(history: History): number {
  return Math.max(...history.queues.map((q) => q.hours[q.hours.length - 1].t));
}
