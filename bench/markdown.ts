/** A Markdown table of a benchmark's rows, as the README shows them. */
export function markdownTable(head: readonly string[], body: readonly (readonly string[])[]): string {
  return ['', head.join(' | '), head.map(() => '---').join(' | '), ...body.map((cells) => cells.join(' | '))]
    .map((l) => (l ? `| ${l} |` : l))
    .join('\n');
}

/** A money figure without decimals (`1,008,525`), or `-` when there is none. */
export function num(v: number | null): string {
  return v === null ? '-' : v.toLocaleString('en-US', { maximumFractionDigits: 0 });
}
