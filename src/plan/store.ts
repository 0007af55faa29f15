import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withLock } from './lock.js';

/** The files of one plan folder, by name. */
export type PlanFiles = Record<string, string>;

/**
 * The plan id: a short hash of everything the plan is computed from, so that the same inputs
 * name the same folder (cron reruns are idempotent) and different inputs never collide.
 */
export function planId(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\u0000');
  return hash.digest('hex').slice(0, 10);
}

/** `<week_start>_<short id>`: the only names a plan folder has (the id is planId's 10 hex digits). */
const PLAN_FOLDER_NAME = /^(\d{4}-\d{2}-\d{2})_([0-9a-f]{10})$/;

/**
 * The file inside every plan folder that proves Shiftcast wrote it: it names the plan the folder
 * holds. Retention deletes only folders that carry it (a user's `data/` never does).
 */
export const PLAN_MARKER = '.shiftcast-plan.json';

/** `<week_start>_<short id>`, the SPEC's folder name. */
export const planFolderName = (weekStart: string, id: string) => `${weekStart}_${id}`;

/** The plan id in a plan folder name, or undefined when the name is not one. */
const planIdOfFolder = (name: string): string | undefined => PLAN_FOLDER_NAME.exec(name)?.[2];

/**
 * Writes a plan folder whole or not at all, under the store's write lock: the files and the
 * marker go into a hidden folder of the store, which is then renamed into place. If another writer already produced the same plan
 * (same inputs, same name), its folder is kept and ours is dropped. Returns the folder's path
 * and whether this call created it.
 */
export function writePlanFolder(store: string, name: string, files: PlanFiles): { path: string; created: boolean } {
  const id = planIdOfFolder(name);
  if (id === undefined) throw new Error(`"${name}" is not a plan folder name (<week_start>_<10 hex digits>)`);
  mkdirSync(store, { recursive: true });
  return withLock(store, 'write', () => {
    const final = join(store, name);
    if (existsSync(final)) return { path: final, created: false };
    const tmp = join(store, `.tmp-${name}-${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(tmp);
    try {
      for (const [file, text] of Object.entries(files)) writeFileSync(join(tmp, file), text);
      writeFileSync(join(tmp, PLAN_MARKER), `${JSON.stringify({ plan_id: id, folder: name, written_by: 'shiftcast' })}\n`);
      renameSync(tmp, final);
      return { path: final, created: true };
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      // A writer on another host (no shared lock) renamed the same plan into place first: theirs is identical.
      if (existsSync(final) && ['ENOTEMPTY', 'EEXIST'].includes((e as NodeJS.ErrnoException).code ?? ''))
        return { path: final, created: false };
      throw e;
    }
  });
}

/**
 * Whether an entry of the store is provably a Shiftcast plan: a real folder (not a link) with a
 * plan folder's name whose marker names the same plan.
 */
export function isPlanFolder(store: string, name: string): boolean {
  const id = planIdOfFolder(name);
  if (id === undefined) return false;
  try {
    if (!lstatSync(join(store, name)).isDirectory()) return false;
    const marker = JSON.parse(readFileSync(join(store, name, PLAN_MARKER), 'utf8')) as { plan_id?: unknown };
    return marker.plan_id === id;
  } catch {
    return false;
  }
}

/**
 * The store's visible entries sorted into plan folders (proven by isPlanFolder, newest week
 * first) and foreign ones: neither the store's own (hidden, `.`) nor a plan, i.e. a user's files.
 */
export function scanStore(store: string): { plans: string[]; foreign: string[] } {
  const plans: string[] = [];
  const foreign: string[] = [];
  if (!existsSync(store)) return { plans, foreign };
  for (const name of readdirSync(store).sort()) {
    if (isPlanFolder(store, name)) plans.push(name);
    else if (!name.startsWith('.')) foreign.push(name);
  }
  return { plans: plans.reverse(), foreign };
}

/** The plan folders of a store (see scanStore), newest week first. */
export const listPlanFolders = (store: string) => scanStore(store).plans;

/** Whether a plan folder of the store holds a file. */
export function hasPlanFile(store: string, name: string, file: string): boolean {
  return existsSync(join(store, name, file));
}

/** A plan's summary.json as an object, or null when it is missing or not a JSON object (a damaged plan). */
export function readPlanSummary(store: string, name: string): Record<string, unknown> | null {
  try {
    const summary = JSON.parse(readPlanFile(store, name, 'summary.json')) as unknown;
    return summary !== null && typeof summary === 'object' && !Array.isArray(summary) ? (summary as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Reads one file of a plan folder. */
export function readPlanFile(store: string, name: string, file: string): string {
  return readFileSync(join(store, name, file), 'utf8');
}
