import { parse } from 'csv-parse/browser/esm/sync';

/** The rows of a plan's CSV file (they are ours: a header, then plain cells), keyed by column. */
export function csvRows(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}
