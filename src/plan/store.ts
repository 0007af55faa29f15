import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** `<week_start>_<short id>`, the SPEC's folder name. */
export const planFolderName = (weekStart: string, id: string) => `${weekStart}_${id}`;

/**
 * Writes a plan folder whole or not at all: the files go into a hidden folder of the store,
 * which is then renamed into place. If another writer already produced the same plan (same
 * inputs, same name), its folder is kept and ours is dropped. Returns the folder's path and
 * whether this call created it.
 */
export function writePlanFolder(store: string, name: string, files: PlanFiles): { path: string; created: boolean } {
  mkdirSync(store, { recursive: true });
  const final = join(store, name);
  if (existsSync(final)) return { path: final, created: false };
  const tmp = join(store, `.tmp-${name}-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(tmp);
  try {
    for (const [file, text] of Object.entries(files)) writeFileSync(join(tmp, file), text);
    renameSync(tmp, final);
    return { path: final, created: true };
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    // A concurrent writer renamed the same plan into place first: theirs is identical.
    if (existsSync(final) && ['ENOTEMPTY', 'EEXIST'].includes((e as NodeJS.ErrnoException).code ?? '')) return { path: final, created: false };
    throw e;
  }
}

/** The plan folders of a store (entries not beginning with `.`), newest week first. */
export function listPlanFolders(store: string): string[] {
  if (!existsSync(store)) return [];
  return readdirSync(store, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort()
    .reverse();
}

/** Whether a plan folder of the store holds a file. */
export function hasPlanFile(store: string, name: string, file: string): boolean {
  return existsSync(join(store, name, file));
}

/** Reads one file of a plan folder. */
export function readPlanFile(store: string, name: string, file: string): string {
  return readFileSync(join(store, name, file), 'utf8');
}
