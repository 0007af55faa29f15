import { existsSync, lstatSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../domain/errors.js';
import { isProcessAlive, withLock } from './lock.js';
import { listPlanFolders, readPlanSummary, scanStore } from './store.js';

/** A plan folder, when it was made (summary.json `created`, else the folder's mtime), and its summary (null when damaged). */
export interface DatedPlan {
  name: string;
  created: string;
  summary: Record<string, unknown> | null;
}

/** The store's plan folders (or the ones named), most recently created first; each summary is read once. */
export function plansNewestFirst(store: string, names: readonly string[] = listPlanFolders(store)): DatedPlan[] {
  return names
    .map((name) => {
      const summary = readPlanSummary(store, name);
      const created = typeof summary?.created === 'string' ? summary.created : statSync(join(store, name)).mtime.toISOString();
      return { name, created, summary };
    })
    .sort((a, b) => (a.created < b.created ? 1 : a.created > b.created ? -1 : a.name < b.name ? 1 : -1));
}

/**
 * Refuses retention on a store that holds anything but plans and the store's own hidden
 * entries: `--store .` in a project folder must never put the user's `data/` at risk.
 */
export function assertOnlyPlans(store: string, foreign: readonly string[] = scanStore(store).foreign): void {
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ` and ${foreign.length - 5} more` : '');
  throw new InputError(
    { file: 'command line', field: '--keep' },
    `the store ${store} holds entries that are not Shiftcast plans (${shown}); --keep deletes old plans only in a store of its own: move them out or plan into another --store`,
  );
}

/**
 * Keeps the newest `keep` plan folders of a store and deletes the others (`plan --keep N`).
 * Only folders proven to be plans (name and marker, see isPlanFolder) are candidates, and only
 * in a store that holds nothing else (assertOnlyPlans). Folders named in `protect` (the plan
 * just written or reused) are never deleted; hidden entries (keys, jobs, locks, workspaces) are
 * not plans and are left alone.
 * @returns the names of the deleted folders
 * @example prunePlans('forecasts', 2) //=> ['2026-11-16_ab12cd34ef']
 */
export function prunePlans(store: string, keep: number, protect: readonly string[] = []): string[] {
  // Under the write lock: a plan being written (an API job) is never half-seen or raced.
  return withLock(store, 'write', () => {
    const { plans: folders, foreign } = scanStore(store);
    assertOnlyPlans(store, foreign);
    const plans = plansNewestFirst(store, folders).map((p) => p.name);
    const kept = new Set([...plans.slice(0, keep), ...protect]);
    const doomed = plans.filter((name) => !kept.has(name));
    for (const name of doomed) rmSync(join(store, name), { recursive: true, force: true });
    return doomed;
  });
}

/** `.tmp-<plan folder>-<pid>-<8 hex>`: the hidden folder writePlanFolder renames into place. */
const TEMP_PLAN = /^\.tmp-\d{4}-\d{2}-\d{2}_[0-9a-f]{10}-(\d+)-[0-9a-f]{8}$/;

/**
 * Removes the hidden `.tmp-*` folders that writePlanFolder leaves when its process dies before
 * the rename (a crash mid-write). Only folders of processes that are no longer alive go.
 * @returns the names removed
 */
export function removeAbandonedTemp(store: string): string[] {
  if (!existsSync(store)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(store)) {
    const pid = TEMP_PLAN.exec(name)?.[1];
    if (pid === undefined || isProcessAlive(Number(pid)) || !lstatSync(join(store, name)).isDirectory()) continue;
    rmSync(join(store, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
