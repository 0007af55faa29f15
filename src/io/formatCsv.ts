// Pure text, no file access: the console's bundle uses it too.

/** Writes rows as CSV text: a header, then one line per row (numbers as given, strings quoted when needed). */
export function formatCsv(columns: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (v: string | number) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  return `${[columns.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n')}\n`;
}
