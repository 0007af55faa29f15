import { existsSync, lstatSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { assertOnlyPlans, type DatedPlan, datedPlan, newestFirst } from '../retention.js';
import { isProcessAlive, withLock } from './lock.js';
import { readPlanSummary, scanStore } from './planFolders.js';

/** The store's plan folders (or the ones named), most recently created first (summary `created`, else the folder's mtime). */
export function plansNewestFirst(store: string, names: readonly string[] = scanStore(store).plans): DatedPlan[] {
  return names
    .map((name) => datedPlan(name, readPlanSummary(store, name), () => statSync(join(store, name)).mtime.toISOString()))
    .sort(newestFirst);
}

/**
 * Keeps the newest `keep` plan folders of a store and deletes the others (`plan --keep N`).
 * Only folders proven to be plans (name and marker, see isPlanFolder) are candidates, and only
 * in a store that holds nothing else (assertOnlyPlans). Folders named in `protect` (the plan
 * just written or reused) are never deleted; hidden entries (keys, jobs, locks, workspaces) are
 * not plans and are left alone.
 * @returns the names of the deleted folders
 */
export function prunePlans(store: string, keep: number, protect: readonly string[] = []): Promise<string[]> {
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
