import { scheduleRules, type PlanConfig } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { addDaysToDate, formatTimestamp, HOUR_MS, localDate, nextMonday, startOfLocalDay, weekHours } from '../domain/time.js';
import type { CalendarEvent, ForecastPoint, History, Requirement } from '../domain/types.js';
import { WEEK } from '../forecast/calendar.js';
import { forecastHistory, type QueueModel } from '../forecast/index.js';
import { pooledForecast } from '../forecast/pooled.js';
import { HISTORY_WEEKS_WANTED } from '../report/alerts.js';
import { requirementsFor } from '../staffing/requirements.js';
import { buildRosterProblem } from '../roster/problem.js';
import { fullCoverageCost } from '../roster/explain/fullCoverage.js';
import { withShadowPrices } from '../roster/explain/shadowPrices.js';
import { relaxRoster, type RosterRelaxation } from '../roster/solve/relaxation.js';
import { solveRosterWithRelaxation, type RosterSolveOptions } from '../roster/solve/solve.js';
import { bestEffortRoster } from '../roster/solve/bestEffort.js';
import type { Roster, RosterProblem } from '../roster/types.js';
import { solveSchedule } from '../schedule/solve.js';
import type { Agent, ScheduleRow } from '../schedule/types.js';

/** The named agents of a plan (SPEC section 6), with last week's schedule and the rows pinned. */
export interface PlanSchedule {
  agents: Agent[];
  /** Last week's schedule.csv (`--previous`): rest and consecutive days count it. */
  previous?: ScheduleRow[];
  /** Rows of a published schedule that must stay as they are (`--pin`). */
  pins?: ScheduleRow[];
}

/** Everything one plan is computed from. */
export interface PlanInputs {
  config: PlanConfig;
  history: History;
  events: CalendarEvent[];
  /** `YYYY-MM-DD` of the week's first day; default config.week_start, else the Monday after the history. */
  week?: string;
  /** Named agents: their pools' shifts are assigned to them, and the plan gains schedule.csv. */
  schedule?: PlanSchedule;
}

/** The stages' results for one week. */
export interface PlanOutcome {
  weekStart: string;
  config: PlanConfig;
  events: CalendarEvent[];
  /** Whether outputs write timestamps with UTC offsets (as the history did). */
  withOffset: boolean;
  /** The week's hours, the queues summed. */
  forecast: ForecastPoint[];
  /** The week's hours queue by queue (each point names its queue), as the staffing reads them. */
  byQueue: ForecastPoint[];
  /** Per queue, the family the forecast chose and its backtest error. */
  forecastModels: QueueModel[];
  requirements: Requirement[];
  /** The roster model's input, kept for what is derived from it later (the over_budget remedy). */
  problem: RosterProblem;
  roster: Roster;
  /** What staffing every hour fully would cost at least (fullCoverage.ts); null when no roster covers every hour. */
  fullCoverageCost: number | null;
  /** With named agents: the agents and schedule.csv's rows (empty when infeasible). */
  schedule?: { agents: Agent[]; rows: ScheduleRow[] };
  /** Weeks of history before the week of the queue with the least (a short one earns a `history_short` alert). */
  historyWeeks: number;
}

/** The longest gap between the history's end and the planned week's end that we forecast. */
const MAX_WEEKS_AHEAD = 8;

/** The least history a week is forecast from: one full week, so each hour of the week was seen once. */
const MIN_HISTORY_HOURS = WEEK;

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
  // A day of history once planned a week "optimal" with every other hour closed: refuse it.
  const spans = history.queues.map((q) => ({
    queue: q.queue,
    first: q.hours[0].t,
    last: q.hours[q.hours.length - 1].t,
    hours: (q.hours[q.hours.length - 1].t - q.hours[0].t) / HOUR_MS + 1,
  }));
  const shortest = spans.reduce((a, b) => (b.hours < a.hours ? b : a));
  if (shortest.hours < MIN_HISTORY_HOURS) {
    const whose = history.queues.length > 1 ? `queue ${shortest.queue}: ` : '';
    const covers = `${shortest.hours} hour${shortest.hours === 1 ? '' : 's'} (${formatTimestamp(shortest.first, tz)} to ${formatTimestamp(shortest.last, tz)})`;
    throw new InputError(
      { file: historyFile },
      `${whose}the history before the week of ${weekStart} covers ${covers}; forecasting a week needs at least 7 days from first row to last (every hour of the week seen once), and ${HISTORY_WEEKS_WANTED} weeks for a tested forecast`,
    );
  }
  const from = lastHour(history) + HOUR_MS;
  const weekEnds = startOfLocalDay(addDaysToDate(weekStart, 7), tz);
  if (weekEnds - from > MAX_WEEKS_AHEAD * 7 * 24 * HOUR_MS) {
    throw new InputError(
      { file: historyFile },
      `the history ends ${localDate(from, tz)}, more than ${MAX_WEEKS_AHEAD} weeks before the planned week ends; bring the history up to date`,
    );
  }
  const horizon = Array.from({ length: (weekEnds - from) / HOUR_MS }, (_, i) => from + i * HOUR_MS);
  const { points, models: forecastModels } = forecastHistory(history, inputs.events, tz, horizon);
  const byQueue = labelledQueues(
    points.filter((p) => p.t >= weekBegins),
    history,
    config,
  );
  const forecast = pooledForecast(byQueue);
  const requirements = requirementsFor(byQueue, config, inputs.events, historyFile);
  const problem = buildRosterProblem(requirements, config, weekStart, history.withOffset);
  const { roster: solved, schedule, relaxation } = await solveWeek(problem, config, inputs.schedule, onProgress);
  const roster = withShadowPrices(solved, problem, relaxation, config.currency);
  const historyWeeks = shortest.hours / WEEK;
  return {
    weekStart,
    config,
    events: inputs.events,
    withOffset: history.withOffset,
    forecast,
    byQueue,
    forecastModels,
    requirements,
    problem,
    roster,
    fullCoverageCost: fullCoverageCost(relaxation),
    ...(schedule ? { schedule } : {}),
    historyWeeks,
  };
}

/**
 * The week's roster and the head-count model's LP relaxation (shadow prices, full-coverage cost):
 * with named agents, their schedule, and the relaxation on its own; without, the head-count
 * roster, whose LP is the relaxation, where a budget too small for the floors still gets the best
 * roster it buys, flagged (bestEffort.ts).
 */
async function solveWeek(
  problem: RosterProblem,
  config: PlanConfig,
  named: PlanSchedule | undefined,
  onProgress: RosterSolveOptions['onProgress'],
): Promise<{ roster: Roster; schedule?: PlanOutcome['schedule']; relaxation: RosterRelaxation }> {
  if (!named) {
    const { roster, relaxation } = await solveRosterWithRelaxation(problem, { onProgress });
    return { roster: await bestEffortRoster(problem, roster), relaxation };
  }
  const { agents, previous, pins } = named;
  const { roster, rows } = await solveSchedule(problem, { agents, rules: scheduleRules(config), previous, pins }, { onProgress });
  return { roster, schedule: { agents, rows }, relaxation: await relaxRoster(problem) };
}

function lastHour(history: History): number {
  return Math.max(...history.queues.map((q) => q.hours[q.hours.length - 1].t));
}

/**
 * Forecast points each named by their queue (a one-queue history's points carry none), so that
 * `demand.queues` reaches them; a `demand.queues` entry no queue of the history has is an error
 * (a misspelt queue would silently keep the defaults).
 */
function labelledQueues(points: readonly ForecastPoint[], history: History, config: PlanConfig): ForecastPoint[] {
  checkQueueNames(config, history);
  const names = history.queues.map((q) => q.queue);
  return names.length === 1 ? points.map((p) => ({ ...p, queue: names[0] })) : [...points];
}

/** Every `demand.queues` entry names a queue of the history; else an InputError naming the entry. */
export function checkQueueNames(config: PlanConfig, history: History): void {
  const names = history.queues.map((q) => q.queue);
  for (const queue of Object.keys(config.demand.queues ?? {})) {
    if (!names.includes(queue))
      throw new InputError(
        { file: 'config.json', field: `demand.queues.${queue}` },
        `no queue "${queue}" in the history (its queues: ${names.join(', ')}); name a queue of the history's queue column`,
      );
  }
}
