import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from '../../io/atomic.js';
import { withLock } from './lock.js';

/**
 * The hidden folder beside the plan folders that keeps each plan's intraday log: hidden like the
 * store's other own entries (keys, jobs, locks), so no plan listing, prune or scan takes it for a
 * plan or a user's file, and the plan folder itself is never written after it appears.
 */
export const DAY_LOG_FOLDER = '.intraday';

/** The intraday log of the plan folder `planDir`: `<store>/.intraday/<plan folder name>.jsonl`. */
export function dayLogPath(planDir: string): string {
  const dir = resolve(planDir);
  return join(dirname(dir), DAY_LOG_FOLDER, `${basename(dir)}.jsonl`);
}

/**
 * Adds one entry (a JSON line) to a plan's intraday log, whole or not at all: the log is written
 * anew beside itself and renamed into place, under the store's write lock so that two answers
 * given at once both stay (each rename would otherwise drop the other's line).
 */
export function appendDayLog(planDir: string, entry: object): Promise<void> {
  const path = dayLogPath(planDir);
  return withLock(dirname(resolve(planDir)), 'write', () => {
    const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
    writeFileAtomic(path, `${before}${JSON.stringify(entry)}\n`);
  });
}
