import { formatTimestamp } from '../domain/time.js';
import type { Requirement, StaffNeed } from '../domain/types.js';
import { formatCsv, numberCell, parseTable, readTable, type Table } from './table.js';
import { timedRows } from './timestamps.js';
import { roundTo } from '../domain/round.js';

/** `requirements.csv`: timestamp,contacts,handled_contacts,aht_seconds,agents_needed,staff_needed. */
export function formatRequirements(rows: readonly Requirement[], timeZone: string, withOffset: boolean): string {
  return formatCsv(
    ['timestamp', 'contacts', 'handled_contacts', 'aht_seconds', 'agents_needed', 'staff_needed'],
    rows.map((r) => [
      formatTimestamp(r.t, timeZone, withOffset),
      roundTo(r.contacts, 3),
      roundTo(r.handledContacts, 3),
      roundTo(r.ahtSeconds, 2),
      r.agentsNeeded,
      roundTo(r.staffNeeded, 4),
    ]),
  );
}

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
  const needs = rows.map(({ t, row }) => ({ t, staffNeeded: numberCell(table, row, 'staff_needed', { min: 0 })! }));
  return { needs: needs.sort((a, b) => a.t - b.t), withOffset };
}
