import type { RosterSolveOptions } from '../roster/solve/solve.js';
import { formatWeekForecast } from '../io/forecastFile.js';
import { formatRequirements } from '../io/requirementsFile.js';
import { formatAgents } from '../io/agentsFile.js';
import { formatSchedule } from '../io/scheduleFile.js';
import type { ScheduleRow } from '../schedule/types.js';
import { HOUR_MS, formatTimestamp, weekHours } from '../domain/time.js';
import type { CalendarEvent, History } from '../domain/types.js';
import { formatEvents } from '../io/events.js';
import type { ContactsPoint } from '../report/charts.js';
import { costByDay } from '../report/costByDay.js';
import { reportPage } from '../report/page.js';
import { rosterCsv } from '../report/rosterCsv.js';
import { buildSummary, type PlanSummary } from '../report/summary.js';
import { overBudget, type RemedyFacts } from '../report/alerts.js';
import { budgetRemedy } from '../roster/explain/budgetRemedy.js';
import type { Roster, RosterProblem } from '../roster/types.js';
import { deliveredByHour, type RosterService } from '../staffing/delivered.js';
import { rosterRisk } from '../staffing/rosterRisk.js';
import { planWeek, runPlan, type PlanInputs, type PlanOutcome } from './chain.js';
import { planFolderName, planId } from '../store/planNames.js';
import type { PlanFiles, Store } from '../store/store.js';
import type { ScheduleWeek } from '../report/scheduleView.js';

/** Weeks of history the report shows before the forecast. */
const REPORT_HISTORY_WEEKS = 3;

export const PLAN_FILES = [
  'config.json',
  'forecast.csv',
  'requirements.csv',
  'roster.json',
  'roster.csv',
  'summary.json',
  'report.html',
] as const;

/**
 * Files a plan folder holds only sometimes: schedule.csv and agents.csv (as planned, defaults
 * filled in) when the plan has named agents (SPEC section 6), events.csv when events touch its
 * week (the intraday corrections read their holiday service targets from it).
 */
export const OPTIONAL_PLAN_FILES = ['schedule.csv', 'agents.csv', 'events.csv'] as const;

type PlanFileName = (typeof PLAN_FILES)[number] | (typeof OPTIONAL_PLAN_FILES)[number];

/** The result of `shiftcast plan`: where the plan is and what it says. */
export interface PlanResult {
  /** The plan's name in the store, `<week_start>_<id>`. */
  name: string;
  /** Where the store keeps the plan (the plan folder's path for the folder store). */
  folder: string;
  /** False when the same inputs had been planned before (the folder is reused as it is). */
  created: boolean;
  summary: PlanSummary;
}

/** The plan id of a set of inputs: the same inputs always give the same id. */
export function inputsId(inputs: PlanInputs): string {
  const week = planWeek(inputs);
  // The data, not the name of the file it came in: the same history uploaded or read from disk is one plan.
  const { queues, withOffset } = inputs.history;
  return planId([
    JSON.stringify({ ...inputs.config, week_start: week }),
    JSON.stringify({ queues, withOffset }),
    JSON.stringify(inputs.events),
    week,
    // Only with named agents, so the ids of plans without them stay as they were.
    ...(inputs.schedule ? [scheduleKey(inputs.schedule)] : []),
  ]);
}

/** The named agents, last week's schedule and the pins as data (the rows' file lines left out). */
function scheduleKey({ agents, previous, pins }: NonNullable<PlanInputs['schedule']>): string {
  const rows = (list: readonly ScheduleRow[] | undefined) => (list ?? []).map(({ agent, pool, t, hours }) => [agent, pool, t, hours]);
  return JSON.stringify({ agents, previous: rows(previous), pins: rows(pins) });
}

/** The files of a plan folder: the fixed ones, schedule.csv and agents.csv with named agents, events.csv when events touch the week. */
export function planFileNames(outcome: Pick<PlanOutcome, 'schedule' | 'events' | 'weekStart' | 'config'>): PlanFileName[] {
  return [
    ...PLAN_FILES,
    ...(outcome.schedule ? (['schedule.csv', 'agents.csv'] as const) : []),
    ...(weekEvents(outcome).length > 0 ? (['events.csv'] as const) : []),
  ];
}

/** The plan's events that overlap its week: those its service targets read (holidays) and its forecast was shaped by. */
function weekEvents({ events, weekStart, config }: Pick<PlanOutcome, 'events' | 'weekStart' | 'config'>): CalendarEvent[] {
  const hours = weekHours(weekStart, config.timezone);
  const end = hours[hours.length - 1] + HOUR_MS;
  return events.filter((e) => e.start < end && e.end > hours[0]);
}

/**
 * Plans one week and writes its folder into the store, whole or not at all. Running it again
 * with the same inputs finds the folder and changes nothing (cron-safe).
 */
export async function makePlan(
  inputs: PlanInputs,
  store: Store,
  options: { now?: Date; onProgress?: RosterSolveOptions['onProgress'] } = {},
): Promise<PlanResult> {
  const id = inputsId(inputs);
  const name = planFolderName(planWeek(inputs), id);
  // Planned before: nothing to compute, the folder is the answer.
  if (await store.plans.has(name, 'summary.json')) return existingPlan(store, name);
  const outcome = await runPlan(inputs, options.onProgress);
  const summary = await summarize(outcome, id, (options.now ?? new Date()).toISOString());
  const { created } = await store.plans.write(name, await planFiles(outcome, summary, inputs.history));
  // A concurrent writer may have put the same plan in place first: theirs stands.
  return created ? { name, folder: store.plans.where(name), created, summary } : existingPlan(store, name);
}

async function existingPlan(store: Store, name: string): Promise<PlanResult> {
  const summary = JSON.parse(await store.plans.read(name, 'summary.json')) as PlanSummary;
  return { name, folder: store.plans.where(name), created: false, summary };
}

async function summarize(outcome: PlanOutcome, id: string, created: string): Promise<PlanSummary> {
  const { config, requirements, roster, events } = outcome;
  const deliveredBy = (r: Roster) =>
    deliveredByHour(
      requirements,
      r.hourly.map((h) => h.staffed),
      config,
      events,
      { staffedByTier: r.hourly.map((h) => h.tiers) },
    );
  const fullCost = outcome.fullCoverageCost;
  return buildSummary({
    planId: id,
    weekStart: outcome.weekStart,
    created,
    config,
    requirements,
    roster,
    delivered: deliveredBy(roster),
    fullCoverageCost: fullCost,
    costByDay: costByDay(roster, outcome.problem),
    remedy: overBudget(config, fullCost) ? await remedyFacts(outcome.problem, deliveredBy) : undefined,
    files: planFileNames(outcome),
    historyWeeks: outcome.historyWeeks,
    forecastModels: outcome.forecastModels,
    risk: rosterRisk(requirements, roster.hourly, outcome.byQueue, config, events),
  });
}

/** The over_budget remedy found by re-solving (budgetRemedy.ts), with the service its roster delivers. */
async function remedyFacts(problem: RosterProblem, deliveredBy: (r: Roster) => RosterService): Promise<RemedyFacts> {
  const { share, roster, split } = await budgetRemedy(problem);
  return { share, cost: roster?.cost.total ?? null, split, serviceLevel: roster ? deliveredBy(roster).week.serviceLevel : null };
}

async function planFiles(outcome: PlanOutcome, summary: PlanSummary, history: History): Promise<PlanFiles> {
  const { config, roster } = outcome;
  const tz = config.timezone;
  const events = weekEvents(outcome);
  const charts = { contacts: contactsSeries(history, outcome), costs: summary.cost.by_day ?? [] };
  return {
    'config.json': `${JSON.stringify(config, null, 2)}\n`,
    'forecast.csv': formatWeekForecast(outcome.forecast, outcome.byQueue, tz, outcome.withOffset, config.demand.queues !== undefined),
    'requirements.csv': formatRequirements(outcome.requirements, tz, outcome.withOffset),
    'roster.json': `${JSON.stringify(roster, null, 1)}\n`,
    'roster.csv': rosterCsv(roster),
    'summary.json': `${JSON.stringify(summary, null, 2)}\n`,
    'report.html': await reportPage(summary, roster, charts, outcome.schedule && scheduleWeek(outcome, outcome.schedule)),
    ...(outcome.schedule
      ? {
          'schedule.csv': formatSchedule(outcome.schedule.rows, tz, outcome.withOffset),
          'agents.csv': formatAgents(outcome.schedule.agents),
        }
      : {}),
    ...(events.length > 0 ? { 'events.csv': formatEvents(events, tz, outcome.withOffset) } : {}),
  };
}

/** The report's week view of the named schedule. */
function scheduleWeek(outcome: PlanOutcome, schedule: NonNullable<PlanOutcome['schedule']>): ScheduleWeek {
  const { config, roster } = outcome;
  return {
    weekStart: outcome.weekStart,
    timeZone: config.timezone,
    night: config.night,
    agents: schedule.agents,
    rows: schedule.rows,
    figures: roster.schedule,
  };
}

/** The report's contacts chart: the history's last weeks before the plan's week (queues summed), then the forecast. */
function contactsSeries(history: History, outcome: PlanOutcome): ContactsPoint[] {
  const tz = outcome.config.timezone;
  const weekBegins = outcome.forecast[0]?.t ?? Infinity;
  const from = weekBegins - REPORT_HISTORY_WEEKS * 7 * 24 * HOUR_MS;
  const past = new Map<number, number>();
  for (const q of history.queues)
    for (const h of q.hours) if (h.t >= from && h.t < weekBegins) past.set(h.t, (past.get(h.t) ?? 0) + h.contacts);
  return [
    ...[...past]
      .sort((a, b) => a[0] - b[0])
      .map(([t, contacts]): ContactsPoint => ({ time: formatTimestamp(t, tz), series: 'history', contacts })),
    ...outcome.forecast.map(
      (p): ContactsPoint => ({ time: formatTimestamp(p.t, tz), series: 'forecast', contacts: p.contacts, lo80: p.lo80, hi80: p.hi80 }),
    ),
  ];
}
