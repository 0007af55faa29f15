import { hasPlanFile, listPlanFolders, readPlanFile } from '../src/plan/store.js';
import { ApiError } from './errors.js';

/** The files a plan folder holds and the media type each is served with. */
export const PLAN_FILE_TYPES: Record<string, string> = {
  'config.json': 'application/json',
  'forecast.csv': 'text/csv; charset=utf-8',
  'requirements.csv': 'text/csv; charset=utf-8',
  'roster.json': 'application/json',
  'roster.csv': 'text/csv; charset=utf-8',
  'summary.json': 'application/json',
  'report.html': 'text/html; charset=utf-8',
};

/** A plan id is the short hash (`3f9c0a1b2c`) or the folder name (`2026-11-30_3f9c0a1b2c`). */
const PLAN_ID = /^(?:\d{4}-\d{2}-\d{2}_)?([0-9a-f]{10})$/;

/** The folder name of a plan id, or a 404 (also for ids that could point outside the store). */
export function planFolder(store: string, id: string): string {
  const hash = PLAN_ID.exec(id)?.[1];
  const folder = hash === undefined ? undefined : listPlanFolders(store).find((name) => name.endsWith(`_${hash}`));
  if (!folder || !hasPlanFile(store, folder, 'summary.json')) throw new ApiError(404, 'not_found', `no plan ${id}`);
  return folder;
}

/** A plan's summary.json as an object. */
export function readSummary(store: string, folder: string): Record<string, unknown> {
  return JSON.parse(readPlanFile(store, folder, 'summary.json')) as Record<string, unknown>;
}
