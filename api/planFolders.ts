import type { Logger } from 'pino';
import type { Store } from '../src/store/store.js';
import { ApiError } from './errors.js';

/** The files a plan folder holds and the media type each is served with. */
export const PLAN_FILE_TYPES: Record<string, string> = {
  'config.json': 'application/json',
  'forecast.csv': 'text/csv; charset=utf-8',
  'requirements.csv': 'text/csv; charset=utf-8',
  'roster.json': 'application/json',
  'roster.csv': 'text/csv; charset=utf-8',
  'schedule.csv': 'text/csv; charset=utf-8',
  'agents.csv': 'text/csv; charset=utf-8',
  'events.csv': 'text/csv; charset=utf-8',
  'summary.json': 'application/json',
  'report.html': 'text/html; charset=utf-8',
};

/**
 * Files only some plans have (schedule.csv and agents.csv: a plan with named agents; events.csv: events touched
 * its week); the summary's `files` says which.
 */
const OPTIONAL_FILES = new Map([
  ['schedule.csv', 'it was planned without named agents'],
  ['agents.csv', 'it was planned without named agents'],
  ['events.csv', 'no events touched its week'],
]);

/** Why a plan lacks an optional file, for the 404. */
export const missingFileReason = (file: string) => OPTIONAL_FILES.get(file) ?? 'it is damaged';

/** The files of the plan a summary describes: every fixed file, and an optional one when the summary lists it. */
export function planFileNames(summary: Record<string, unknown>): string[] {
  const listed = Array.isArray(summary.files) ? (summary.files as unknown[]) : [];
  return Object.keys(PLAN_FILE_TYPES).filter((f) => !OPTIONAL_FILES.has(f) || listed.includes(f));
}

/** A plan id is the short hash (`3f9c0a1b2c`) or the folder name (`2026-11-30_3f9c0a1b2c`). */
const PLAN_ID = /^(?:\d{4}-\d{2}-\d{2}_)?([0-9a-f]{10})$/;

/** The folder name of a plan id, or a 404 (also for ids that could point outside the store). */
export async function planFolder(store: Store, id: string): Promise<string> {
  const hash = PLAN_ID.exec(id)?.[1];
  const folder = hash === undefined ? undefined : (await store.plans.scan()).plans.find((name) => name.endsWith(`_${hash}`));
  if (!folder || !(await store.plans.has(folder, 'summary.json'))) throw new ApiError(404, 'not_found', `no plan ${id}`);
  return folder;
}

/** A plan's summary.json as an object; a plan whose summary cannot be read answers for itself alone. */
export async function readSummary(store: Store, folder: string): Promise<Record<string, unknown>> {
  const summary = await store.plans.summary(folder);
  if (summary) return summary;
  throw new ApiError(500, 'corrupt_plan', `plan ${folder} is damaged: its summary.json cannot be read; plan the week again`);
}

/**
 * The store's plans for `GET /v1/plans`, newest first: what is not a plan (a stray folder) and
 * a plan whose summary cannot be read are skipped and logged, so one bad entry never fails the
 * list for everyone.
 */
export async function listPlans(store: Store, limit: number, logger: Logger): Promise<Record<string, unknown>[]> {
  const { plans: folders, foreign } = await store.plans.scan();
  if (foreign.length > 0) logger.warn({ entries: foreign }, 'the plan store holds entries that are not plans; they are not listed');
  const plans: Record<string, unknown>[] = [];
  for (const { name, summary: s } of await store.plans.list(folders)) {
    if (plans.length === limit) break;
    if (!s) {
      logger.error({ folder: name }, 'a plan folder cannot be read; it is left out of the list');
      continue;
    }
    plans.push({
      plan_id: s.plan_id,
      week_start: s.week_start,
      created: s.created,
      status: s.status,
      currency: s.currency,
      cost: s.cost,
      // What needs a decision, without the whole message: the plan's page has it.
      alerts: Array.isArray(s.alerts)
        ? (s.alerts as { kind: string; severity: string }[]).map(({ kind, severity }) => ({ kind, severity }))
        : [],
      url: `/v1/plans/${s.plan_id}`,
    });
  }
  return plans;
}
