import { formatForecast } from '../io/forecastFile.js';
import { formatRequirements } from '../io/requirementsFile.js';
import { reportPage } from '../report/page.js';
import { rosterCsv } from '../report/rosterCsv.js';
import { buildSummary, type PlanSummary } from '../report/summary.js';
import { fullCoverageCost } from '../roster/fullCoverage.js';
import { totalShrinkage } from '../domain/config.js';
import { availableAgents } from '../staffing/onDuty.js';
import { deliveredService, serviceTargetAt } from '../staffing/requirements.js';
import { planWeek, runPlan, type PlanInputs, type PlanOutcome } from './chain.js';
import { planFolderName, planId, writePlanFolder } from './store.js';

export const PLAN_FILES = ['config.json', 'forecast.csv', 'requirements.csv', 'roster.json', 'roster.csv', 'summary.json', 'report.html'] as const;

/** The result of `shiftcast plan`: where the folder is and what it says. */
export interface PlanResult {
  folder: string;
  /** False when the same inputs had been planned before (the folder is reused as it is). */
  created: boolean;
  summary: PlanSummary;
}

/** The plan id of a set of inputs: the same inputs always give the same id. */
export function inputsId(inputs: PlanInputs): string {
  const week = planWeek(inputs);
  return planId([JSON.stringify({ ...inputs.config, week_start: week }), JSON.stringify(inputs.history), JSON.stringify(inputs.events), week]);
}

/**
 * Plans one week and writes its folder into the store, whole or not at all. Running it again
 * with the same inputs finds the folder and changes nothing (cron-safe).
 */
export async function makePlan(inputs: PlanInputs, store: string, now = new Date()): Promise<PlanResult> {
  const id = inputsId(inputs);
  const outcome = await runPlan(inputs);
  const summary = await summarize(outcome, id, now.toISOString());
  const files = planFiles(outcome, summary);
  const { path, created } = writePlanFolder(store, planFolderName(outcome.weekStart, id), files);
  return { folder: path, created, summary: created ? summary : (JSON.parse(files['summary.json']) as PlanSummary) };
}

async function summarize(outcome: PlanOutcome, id: string, created: string): Promise<PlanSummary> {
  const { config, requirements, roster, events } = outcome;
  const shrinkage = totalShrinkage(config.shrinkage);
  const delivered = roster.hourly.map((h, i) => {
    const r = requirements[i];
    return deliveredService(availableAgents(h.staffed, shrinkage), r.handledContacts, r.ahtSeconds, serviceTargetAt(r.t, config, events), config.demand.concurrency);
  });
  return buildSummary({
    planId: id,
    weekStart: outcome.weekStart,
    created,
    config,
    requirements,
    roster,
    delivered,
    fullCoverageCost: await fullCoverageCost(outcome.problem),
    files: [...PLAN_FILES],
  });
}

function planFiles(outcome: PlanOutcome, summary: PlanSummary): Record<(typeof PLAN_FILES)[number], string> {
  const { config, roster } = outcome;
  const tz = config.timezone;
  return {
    'config.json': JSON.stringify(config, null, 2) + '\n',
    'forecast.csv': formatForecast(outcome.forecast, tz, outcome.withOffset),
    'requirements.csv': formatRequirements(outcome.requirements, tz, outcome.withOffset),
    'roster.json': JSON.stringify(roster, null, 1) + '\n',
    'roster.csv': rosterCsv(roster),
    'summary.json': JSON.stringify(summary, null, 2) + '\n',
    'report.html': reportPage(summary, roster),
  };
}
