/**
 * The day's actions replayed on the bank's surge days (bench:intraday's second table). For each
 * replayed week the plan is made as `shiftcast plan` makes it, with a standby pool in the config:
 * requirements from the week's forecast, the roster model's rounded relaxation (`preview`, the
 * roster the MIP starts from, under a second a week instead of the full solve's 5-20 s) with its
 * on-call shifts. Each surge day is then replayed at the `now`s after the surge has begun, with
 * planTheDay on the week as it happened so far. (Events are left out of the plan folder: the
 * service targets of the bank's holidays are those of ordinary days, which changes no surge day.)
 *
 * Measured over the remaining open hours of the surge day (plan forecast >= 1 contact) at each now:
 *   met          projected ASA <= alerts.max_asa_seconds (60 s) with planTheDay's actions
 *   suffices     the hour's projected ASA (same re-forecast) is within the limit when every on-call
 *                agent works the whole of every on-call shift (the standby pool's shifts taken as
 *                working shifts) and nothing else is done (no overtime, no call-in choice): the
 *                hour lies where on-call capacity suffices
 *   met where suffices   the hours met among those where it suffices (issue 15's target: at least 90%)
 * and, for context: `no action`, the hours within the limit with the roster alone; `actual: met`
 * and `actual: no action`, the same at the contacts that actually came (the surge laid on the real
 * day) with the answer's staff and with the roster's alone (the same projection, from no backlog
 * at now); the on-call agent-hours called for the rest of the day and their cost, per replayed day.
 */
import type { PlanConfig } from '../src/domain/config.js';
import { localDate, parseTimestamp } from '../src/domain/time.js';
import type { CalendarEvent, ForecastPoint, Instant } from '../src/domain/types.js';
import { pooledForecast } from '../src/forecast/pooled.js';
import { type PlanDay, loadPlanDay } from '../src/intraday/load.js';
import { planTheDay } from '../src/intraday/planTheDay.js';
import { projectService } from '../src/intraday/projectService.js';
import type { ActualHour, DayAnswer, DayInput } from '../src/intraday/types.js';
import { formatWeekForecast } from '../src/io/forecastFile.js';
import { buildRosterProblem } from '../src/roster/problem.js';
import { solveRoster } from '../src/roster/solve/solve.js';
import { availableAgents } from '../src/staffing/onDuty.js';
import { requirementsFor } from '../src/staffing/requirements.js';

/**
 * The week's plan as `shiftcast plan` would write it with the roster's preview (config.json,
 * forecast.csv, roster.json with its on-call shifts), read back as `shiftcast intraday` reads a
 * plan folder.
 * @param points the week's forecast, each point named by its queue
 */
export async function planWeekForDay(
  points: readonly ForecastPoint[],
  config: PlanConfig,
  events: readonly CalendarEvent[],
  weekStart: string,
): Promise<PlanDay> {
  const weekConfig = { ...config, week_start: weekStart };
  const problem = buildRosterProblem(requirementsFor(points, weekConfig, events, 'history'), weekConfig, weekStart);
  const roster = await solveRoster(problem, { preview: true });
  const files: Record<string, string> = {
    'config.json': JSON.stringify(weekConfig),
    'forecast.csv': formatWeekForecast(pooledForecast(points), points, config.timezone, false),
    'roster.json': JSON.stringify(roster),
  };
  return loadPlanDay(async (file) => files[file], { file: `plan of ${weekStart}` });
}

export interface ActionTally {
  days: number;
  hours: number;
  met: number;
  suffices: number;
  metWhereSuffices: number;
  withoutActions: number;
  /** At the day's actual contacts (the surge as it came): hours within the limit with the actions' staff, and with the roster's alone. */
  realMet: number;
  realWithoutActions: number;
  calledHours: number;
  cost: number;
}

export const emptyTally = (): ActionTally => ({
  days: 0,
  hours: 0,
  met: 0,
  suffices: 0,
  metWhereSuffices: 0,
  withoutActions: 0,
  realMet: 0,
  realWithoutActions: 0,
  calledHours: 0,
  cost: 0,
});

/**
 * Replays one surge day at `now`: planTheDay on the week so far, against the same day with every
 * on-call agent working (the standby pool as a working pool, no other action possible) and with
 * no action at all; and the staff of the answer and of no action against the contacts that came
 * (`truth`). Adds the day's remaining open hours (`day`: their instants) to the tally.
 */
export function replaySurge(
  week: PlanDay,
  actuals: ActualHour[],
  now: Instant,
  day: readonly Instant[],
  truth: ReadonlyMap<Instant, number>,
  tally: ActionTally,
): void {
  const input: DayInput = { ...week, actuals, now };
  const answer = planTheDay(input);
  const standbyIds = new Set(week.pools.filter((p) => p.kind === 'standby').map((p) => p.id));
  const fixedOnly = { ...input, standby: [], overtime: { ...input.overtime, maxHours: 0 } };
  const everyone = planTheDay({
    ...fixedOnly,
    pools: week.pools.map((p) => (standbyIds.has(p.id) ? { ...p, kind: 'in_house' as const, retainer_per_hour: undefined } : p)),
    shifts: [...week.shifts, ...week.standby],
  });
  const bare = planTheDay(fixedOnly);
  const within = (a: DayAnswer, i: number) => a.projected[i].asa_seconds <= week.maxAsaSeconds;
  const first = week.hours.length - answer.projected.length;
  const real = week.hours.slice(first).map((h) => ({
    handled: (truth.get(h.t) ?? 0) * h.handledShare,
    ahtSeconds: h.ahtSeconds,
    concurrency: h.concurrency,
    target: h.target,
  }));
  const realAsa = (a: DayAnswer) =>
    projectService(
      real,
      a.projected.map((p) => availableAgents(p.staffed, week.shrinkage)),
    ).map((h) => h.asaSeconds);
  const [realWith, realBare] = [realAsa(answer), realAsa(bare)];
  const wanted = new Set(day);
  tally.days++;
  answer.projected.forEach((_, i) => {
    const t = parseTimestamp(answer.projected[i].timestamp, week.timeZone)!.t;
    if (!wanted.has(t)) return;
    tally.hours++;
    const met = within(answer, i);
    const suffices = within(everyone, i);
    if (met) tally.met++;
    if (suffices) tally.suffices++;
    if (met && suffices) tally.metWhereSuffices++;
    if (within(bare, i)) tally.withoutActions++;
    if (realWith[i] <= week.maxAsaSeconds) tally.realMet++;
    if (realBare[i] <= week.maxAsaSeconds) tally.realWithoutActions++;
  });
  // The calls of the replayed day (the answer also calls for later days' short hours).
  const today = localDate(now, week.timeZone);
  for (const a of answer.actions) {
    if (a.kind !== 'activate_standby' || !a.start.startsWith(today)) continue;
    tally.calledHours += a.hours * a.agents;
    tally.cost += a.cost;
  }
}
