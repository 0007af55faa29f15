import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkedPlanId, planIdOfName } from '../planNames.js';
import { summaryObject } from '../retention.js';
import type { PlanFiles } from '../store.js';
import { withLock } from './lock.js';

/**
 * The file inside every plan folder that proves Shiftcast wrote it: it names the plan the folder
 * holds. Retention deletes only folders that carry it (a user's `data/` never does).
 */
export const PLAN_MARKER = '.shiftcast-plan.json';

/**
 * Writes a plan folder whole or not at all, under the store's write lock: the files and the
 * marker go into a hidden folder of the store, which is then renamed into place. If another writer already produced the same plan
 * (same inputs, same name), its folder is kept and ours is dropped. Returns the folder's path
 * and whether this call created it.
 */
export function writePlanFolder(store: string, name: string, files: PlanFiles): Promise<{ path: string; created: boolean }> {
  const id = checkedPlanId(name);
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
  const id = planIdOfName(name);
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

/** Reads one file of a plan folder. */
export function readPlanFile(store: string, name: string, file: string): string {
  return readFileSync(join(store, name, file), 'utf8');
}

/** A plan's summary.json as an object, or null when it is missing or not a JSON object (a damaged plan). */
export function readPlanSummary(store: string, name: string): Record<string, unknown> | null {
  try {
    return summaryObject(readPlanFile(store, name, 'summary.json'));
  } catch {
    return null; // no summary.json
  }
}
