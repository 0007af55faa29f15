import { DEFAULT_POOLS } from '../../src/domain/config.js';

/**
 * A realistic week of staff needs for tests and timing: a night trough, a morning ramp, a midday
 * plateau and an evening (live-commerce) peak, busier at the weekend, scaled so the week's peak
 * is `peak` staff. Deterministic: a fixed wiggle instead of noise. `phase` shifts the wiggle by that
 * many hours (0: the week every test uses), so that the weeks of a longer horizon differ.
 */
export function realisticWeek(peak: number, weekStart = '2026-11-30', phase = 0): { timestamp: string; staffNeeded: number }[] {
  const shape = [
    0.12, 0.08, 0.06, 0.05, 0.05, 0.07, 0.15, 0.3, 0.5, 0.65, 0.72, 0.75, 0.7, 0.68, 0.72, 0.74, 0.7, 0.68, 0.72, 0.85, 1.0, 0.95, 0.6, 0.3,
  ];
  const dayFactor = [0.92, 0.9, 0.9, 0.93, 0.96, 1.0, 0.97];
  const [y, m, d] = weekStart.split('-').map(Number);
  const rows: { timestamp: string; staffNeeded: number }[] = [];
  for (let h = 0; h < 168; h++) {
    const day = Math.floor(h / 24);
    const wiggle = 1 + 0.04 * Math.sin((h + phase) * 1.7) + 0.03 * Math.cos((h + phase) * 0.37);
    const date = new Date(Date.UTC(y, m - 1, d + day, h % 24));
    const timestamp = date.toISOString().slice(0, 16);
    rows.push({ timestamp, staffNeeded: Math.round(peak * shape[h % 24] * dayFactor[day] * wiggle * 1000) / 1000 });
  }
  return rows;
}

/**
 * `weeks` (1-4) consecutive realistic weeks from `weekStart`, for a multi-week horizon: week k is
 * `realisticWeek` at a level that varies from week to week (a quiet week, a promotion week) with the
 * wiggle running on across the weeks, so no two weeks are alike. The first week is the busiest, at
 * `realisticWeek(peak)`'s level.
 * With `weeks` = 1 it is `realisticWeek(peak, weekStart)`.
 */
export function realisticWeeks(peak: number, weeks: number, weekStart = '2026-11-30'): { timestamp: string; staffNeeded: number }[] {
  const level = [1, 0.94, 0.97, 0.9];
  const [y, m, d] = weekStart.split('-').map(Number);
  return Array.from({ length: weeks }, (_, k) => {
    const start = new Date(Date.UTC(y, m - 1, d + 7 * k)).toISOString().slice(0, 10);
    return realisticWeek(peak * level[k], start, 168 * k);
  }).flat();
}

/** The rows as `requirements.csv` text (`timestamp,staff_needed`). */
export function requirementsCsv(rows: readonly { timestamp: string; staffNeeded: number }[]): string {
  return `${['timestamp,staff_needed', ...rows.map((r) => `${r.timestamp},${r.staffNeeded}`)].join('\n')}\n`;
}

/** The pools the realistic weeks are planned with: the SPEC's defaults. */
const [inhouse, vendor, night] = DEFAULT_POOLS;
export const REALISTIC_POOLS = { inhouse, vendor, night };
