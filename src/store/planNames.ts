import { createHash } from 'node:crypto';

/**
 * The plan id: a short hash of everything the plan is computed from, so that the same inputs
 * name the same plan (cron reruns are idempotent) and different inputs never collide.
 */
export function planId(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\u0000');
  return hash.digest('hex').slice(0, 10);
}

/** `<week_start>_<short id>`: the only names a plan has (the id is planId's 10 hex digits). */
export const PLAN_FOLDER_NAME = /^(\d{4}-\d{2}-\d{2})_([0-9a-f]{10})$/;

/** `<week_start>_<short id>`, the SPEC's folder name. */
export const planFolderName = (weekStart: string, id: string) => `${weekStart}_${id}`;

/** The plan id in a plan folder name, or undefined when the name is not one. */
export const planIdOfName = (name: string): string | undefined => PLAN_FOLDER_NAME.exec(name)?.[2];

/** The plan id of a name a plan is written under; throws when the name is not a plan's (every store refuses alike). */
export function checkedPlanId(name: string): string {
  const id = planIdOfName(name);
  if (id === undefined) throw new Error(`"${name}" is not a plan folder name (<week_start>_<10 hex digits>)`);
  return id;
}
