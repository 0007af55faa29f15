import { InputError } from '../domain/errors.js';

/** A plan, when it was made (summary.json `created`, else when the store got it), and its summary (null when damaged). */
export interface DatedPlan {
  name: string;
  created: string;
  summary: Record<string, unknown> | null;
}

/** A summary.json's text as an object, or null when it is missing or not a JSON object (a damaged plan). */
export function summaryObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const summary = JSON.parse(text) as unknown;
    return summary !== null && typeof summary === 'object' && !Array.isArray(summary) ? (summary as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A plan dated by its summary's `created`, else by when the store got it (asked only then). */
export function datedPlan(name: string, summary: Record<string, unknown> | null, stored: () => string): DatedPlan {
  return { name, created: typeof summary?.created === 'string' ? summary.created : stored(), summary };
}

/** Most recently created first; the same date, the later name first. */
export const newestFirst = (a: DatedPlan, b: DatedPlan) =>
  a.created < b.created ? 1 : a.created > b.created ? -1 : a.name < b.name ? 1 : -1;

/**
 * Refuses retention on a store that holds anything but plans and the store's own entries:
 * `--store .` in a project folder must never put the user's `data/` at risk.
 */
export function assertOnlyPlans(location: string, foreign: readonly string[]): void {
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ` and ${foreign.length - 5} more` : '');
  throw new InputError(
    { file: 'command line', field: '--keep' },
    `the store ${location} holds entries that are not Shiftcast plans (${shown}); ` +
      '--keep deletes old plans only in a store of its own: move them out or plan into another --store',
  );
}
