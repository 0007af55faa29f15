import { DEFAULT_POOLS } from '../../src/domain/config.js';

/**
 * A realistic week of staff needs for tests and timing: a night trough, a morning ramp, a midday
 * plateau and an evening (live-commerce) peak, busier at the weekend, scaled so the week's peak
 * is `peak` staff. Deterministic: a fixed wiggle instead of noise.
 */
export function realisticWeek(peak: number, weekStart = '2026-11-30'): { timestamp: string; staffNeeded: number }[] {
  const shape = [
    0.12, 0.08, 0.06, 0.05, 0.05, 0.07, 0.15, 0.3, 0.5, 0.65, 0.72, 0.75, 0.7, 0.68, 0.72, 0.74, 0.7, 0.68, 0.72, 0.85, 1.0, 0.95, 0.6, 0.3,
  ];
  const dayFactor = [0.92, 0.9, 0.9, 0.93, 0.96, 1.0, 0.97];
  const [y, m, d] = weekStart.split('-').map(Number);
  const rows: { timestamp: string; staffNeeded: number }[] = [];
  for (let h = 0; h < 168; h++) {
    const day = Math.floor(h / 24);
    const wiggle = 1 + 0.04 * Math.sin(h * 1.7) + 0.03 * Math.cos(h * 0.37);
    const date = new Date(Date.UTC(y, m - 1, d + day, h % 24));
    const timestamp = date.toISOString().slice(0, 16);
    rows.push({ timestamp, staffNeeded: Math.round(peak * shape[h % 24] * dayFactor[day] * wiggle * 1000) / 1000 });
  }
  return rows;
}

/** The rows as `requirements.csv` text (`timestamp,staff_needed`). */
export function requirementsCsv(rows: readonly { timestamp: string; staffNeeded: number }[]): string {
  return `${['timestamp,staff_needed', ...rows.map((r) => `${r.timestamp},${r.staffNeeded}`)].join('\n')}\n`;
}

/** The pools the realistic weeks are planned with: the SPEC's defaults. */
const [inhouse, vendor, night] = DEFAULT_POOLS;
export const REALISTIC_POOLS = { inhouse, vendor, night };
