import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Test and benchmark inputs (no vitest here: `npm run bench:api` uses them too). */

/** A fresh empty store in the temp folder. */
export const tempStore = () => mkdtempSync(join(tmpdir(), 'shiftcast-api-'));

/**
 * A small synthetic center: `weeks` weeks of hourly contacts ending the Sunday before
 * 2026-11-30, with a daily curve, an evening peak and seeded noise. Volumes are small so
 * solves take seconds; `scale` makes centers that plan differently.
 */
export function syntheticHistory(weeks = 4, scale = 1, seed = 1): string {
  let state = seed;
  const noise = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.2;
  const start = Date.UTC(2026, 10, 30) - weeks * 7 * 86_400_000;
  const rows = ['timestamp,contacts'];
  for (let h = 0; h < weeks * 7 * 24; h++) {
    const t = new Date(start + h * 3_600_000);
    const hour = h % 24;
    const day = 20 + 30 * Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI)) + (hour >= 19 && hour <= 22 ? 25 : 0);
    rows.push(`${t.toISOString().slice(0, 16)},${Math.max(0, Math.round(day * scale * (1 + noise())))}`);
  }
  return `${rows.join('\n')}\n`;
}

/** A small config (UTC, short solver limit, no budget) for the synthetic center. */
export function smallConfig(): Record<string, unknown> {
  return {
    timezone: 'UTC',
    week_start: '2026-11-30',
    demand: { bot_deflection: 0.5, aht_seconds: 240 },
    budget: null,
    solver: { time_limit_seconds: 10, mip_rel_gap: 0.02 },
    pools: [
      { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, night_premium: 0.3, shift_lengths: [8] },
      { id: 'vendor', kind: 'outsourced', cost_per_hour: 38, productivity: 0.9, shift_lengths: [4, 8], max_agents: 50 },
    ],
  };
}

/** The smallest useful config: one in-house pool of 8-hour shifts (plans in a fraction of a second). */
export function tinyConfig(): Record<string, unknown> {
  return { ...smallConfig(), pools: [{ id: 'inhouse', kind: 'in_house', cost_per_hour: 55, shift_lengths: [8] }] };
}

/**
 * A config whose solve runs until its time limit (many shift lengths, zero gap) on a larger
 * center (`syntheticHistory(8, 20)`): for jobs that must still be running when cancelled,
 * timed out or killed.
 */
export function heavyConfig(timeLimitSeconds: number): Record<string, unknown> {
  return {
    ...smallConfig(),
    solver: { time_limit_seconds: timeLimitSeconds, mip_rel_gap: 0 },
    pools: [
      { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, night_premium: 0.3, shift_lengths: [4, 5, 6, 7, 8, 9, 10] },
      { id: 'vendor', kind: 'outsourced', cost_per_hour: 38, productivity: 0.9, shift_lengths: [4, 5, 6, 7, 8], max_agents: 400 },
      { id: 'night', kind: 'in_house', cost_per_hour: 50, night_premium: 0.5, shift_lengths: [8, 9], start_hours: [20, 21, 22, 23, 0] },
    ],
  };
}

/**
 * A center with named agents (SPEC section 6): an in-house pool of six named agents (leave, a
 * no-nights agent, weekend wishes, a part-timer) beside a vendor pool that stays a head count;
 * the vendor costs more per productive hour, so the in-house agents get shifts. For
 * `syntheticHistory(2, 0.3)` (about 1 to 3 staff an hour) it plans in seconds.
 */
export function namedConfig(): Record<string, unknown> {
  return {
    ...smallConfig(),
    solver: { time_limit_seconds: 5, mip_rel_gap: 0.02 },
    max_outsourced_share: 1,
    pools: [
      { id: 'inhouse', kind: 'in_house', cost_per_hour: 40, night_premium: 0.3, shift_lengths: [8] },
      { id: 'vendor', kind: 'outsourced', cost_per_hour: 60, productivity: 0.9, shift_lengths: [4, 8], max_agents: 50 },
    ],
  };
}

/** agents.csv of namedConfig's in-house team, for the week of 2026-11-30. */
export const NAMED_AGENTS_CSV = [
  'id,pool,min_hours,max_hours,max_days,unavailable,prefers_off,night',
  'ana,inhouse,,,,,sat;sun,',
  'bo,inhouse,,,,2026-12-02..2026-12-03,,',
  'cai,inhouse,,,,,,no',
  'dee,inhouse,16,24,3,,mon,',
  'eli,inhouse,,,,,,',
  'fan,inhouse,,,,,sun,no',
  '',
].join('\n');
