import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../../src/domain/config.js';
import { parseEvents } from '../../src/io/events.js';
import { parseHistory } from '../../src/io/history.js';
import { makePlan } from '../../src/plan/makePlan.js';
import { openStore } from '../../src/store/open.js';
import { syntheticHistory, tempStore, tinyConfig } from '../api/synthetic.js';

/** A holiday on the Wednesday of the planned week (2026-12-02, UTC). */
export const HOLIDAY_CSV = 'start,end,kind,name\n2026-12-02T00:00,2026-12-03T00:00,holiday,founders_day\n';

/**
 * The synthetic center's plan of the week of 2026-11-30 (tinyConfig: UTC, one in-house pool of
 * 8-hour shifts, bot deflection 0.5), made in-process into a fresh store in well under a second.
 */
export async function dayPlan(o: { events?: string; store?: string } = {}): Promise<{ store: string; name: string; folder: string }> {
  const store = o.store ?? tempStore();
  const config = configSchema.parse(tinyConfig());
  const history = parseHistory(syntheticHistory(4), 'UTC');
  const events = o.events === undefined ? [] : parseEvents(o.events, 'UTC');
  const plan = await makePlan({ config, history, events }, openStore(store));
  return { store, name: plan.name, folder: plan.folder };
}

/**
 * Actuals of the plan's Monday from midnight to `hours`, as CSV: the plan's forecast times
 * `factor` (rounded), one row per hour.
 */
export function mondayActuals(folder: string, hours: number, factor = 1.3): string {
  const rows = readFileSync(join(folder, 'forecast.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1, hours + 1);
  return `timestamp,contacts\n${rows.map((r) => `${r.split(',')[0]},${Math.round(Number(r.split(',')[1]) * factor)}`).join('\n')}\n`;
}

/** Every file of a folder with its sha256: to show a folder was not written. */
export function folderHashes(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(folder, f)))
          .digest('hex'),
      ]),
  );
}
