import { InputError } from '../domain/errors.js';
import { formatTimestamp } from '../domain/time.js';
import type { Requirement, StaffNeed } from '../domain/types.js';
import { formatCsv } from './formatCsv.js';
import { numberCell, parseTable, readTable, type Table } from './table.js';
import { timedRows } from './timestamps.js';
import { roundTo } from '../domain/round.js';

/**
 * `requirements.csv`: timestamp,contacts,handled_contacts,aht_seconds,agents_needed,staff_needed
 * (SPEC), the hour's totals; with tiers each tier's own `handled_contacts.<tier>`,
 * `aht_seconds.<tier>`, `agents_needed.<tier>` and `staff_needed.<tier>` follow. With a standby
 * pool, `staff_needed_hi80` follows `staff_needed`.
 */
export function formatRequirements(rows: readonly Requirement[], timeZone: string, withOffset: boolean): string {
  const tiers = rows[0]?.tiers?.map((d) => d.tier) ?? [];
  const tierColumns = tiers.flatMap((tier) => TIER_FIELDS.map((f) => `${f}.${tier}`));
  const high = rows.some((r) => r.staffNeededHigh !== undefined);
  return formatCsv(
    ['timestamp', 'contacts', 'handled_contacts', 'aht_seconds', 'agents_needed', 'staff_needed', ...(high ? [HIGH] : []), ...tierColumns],
    rows.map((r) => [
      formatTimestamp(r.t, timeZone, withOffset),
      roundTo(r.contacts, 3),
      roundTo(r.handledContacts, 3),
      roundTo(r.ahtSeconds, 2),
      r.agentsNeeded,
      roundTo(r.staffNeeded, 4),
      ...(high ? [roundTo(r.staffNeededHigh ?? r.staffNeeded, 4)] : []),
      ...tiers.flatMap((tier) => {
        const d = r.tiers?.find((x) => x.tier === tier);
        return d ? [roundTo(d.handledContacts, 3), roundTo(d.ahtSeconds, 2), d.agentsNeeded, roundTo(d.staffNeeded, 4)] : [0, '', 0, 0];
      }),
    ]),
  );
}

const TIER_FIELDS = ['handled_contacts', 'aht_seconds', 'agents_needed', 'staff_needed'] as const;
/** With a standby pool (SPEC section 7): the staff the forecast's hi80 contacts would need. */
export const HIGH = 'staff_needed_hi80';
const TIER_NEED = 'staff_needed.';

/** Reads staff needed per hour (only `timestamp,staff_needed` are required), sorted by time. */
export function readStaffNeeds(path: string, timeZone: string): { needs: StaffNeed[]; withOffset: boolean } {
  return staffNeedsOf(readTable(path, STAFF_NEEDS_COLUMNS), timeZone);
}

/** Staff needed per hour from the text of a `requirements.csv` (read from a file or a store). */
export function parseStaffNeeds(text: string, file: string, timeZone: string): { needs: StaffNeed[]; withOffset: boolean } {
  return staffNeedsOf(parseTable(text, file, STAFF_NEEDS_COLUMNS), timeZone);
}

const STAFF_NEEDS_COLUMNS = ['timestamp', 'staff_needed'];

function staffNeedsOf(table: Table, timeZone: string): { needs: StaffNeed[]; withOffset: boolean } {
  const { rows, withOffset } = timedRows(table, timeZone);
  const tiers = Object.keys(table.rows[0]?.cells ?? {})
    .filter((c) => c.startsWith(TIER_NEED) && c.length > TIER_NEED.length)
    .map((c) => c.slice(TIER_NEED.length));
  const high = HIGH in (table.rows[0]?.cells ?? {});
  const needs = rows.map(({ t, row }): StaffNeed => {
    const staffNeeded = numberCell(table, row, 'staff_needed', { min: 0 })!;
    const withHigh = high ? { staffNeededHigh: numberCell(table, row, HIGH, { min: 0 })! } : {};
    if (tiers.length === 0) return { t, staffNeeded, ...withHigh };
    const byTier = tiers.map((tier) => ({ tier, staffNeeded: numberCell(table, row, `${TIER_NEED}${tier}`, { min: 0 })! }));
    const sum = byTier.reduce((a, d) => a + d.staffNeeded, 0);
    // Rounded to 4 decimals each when written: their sum may miss the total by that much.
    if (Math.abs(sum - staffNeeded) > 1e-3 * Math.max(1, tiers.length))
      throw new InputError(
        { file: table.file, line: row.line, field: 'staff_needed' },
        `${staffNeeded} is not the sum of the tiers' staff_needed columns (${roundTo(sum, 4)})`,
      );
    return { t, staffNeeded, ...withHigh, tiers: byTier };
  });
  return { needs: needs.sort((a, b) => a.t - b.t), withOffset };
}
