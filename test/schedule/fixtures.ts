import { scheduleRules } from '../../src/domain/config.js';
import { addDaysToDate, localDate, parseTimestamp } from '../../src/domain/time.js';
import type { Roster } from '../../src/roster/types.js';
import type { Agent, ScheduleRow } from '../../src/schedule/types.js';
import { makeProblem, plainConfig } from '../roster/helpers.js';

export const TZ = 'Asia/Shanghai';

/** Pools of the examples: in-house any hour 8/10 h, a night crew, a 5-day tour pool, a vendor. */
export const POOLS = [
  { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, shift_lengths: [8, 10] },
  { id: 'night', kind: 'in_house', cost_per_hour: 55, shift_lengths: [8], start_hours: [22, 23, 0] },
  {
    id: 'fixed',
    kind: 'in_house',
    cost_per_hour: 50,
    shift_lengths: [8],
    start_hours: [8, 12],
    week_pattern: { days: 5, consecutive_days_off: true },
  },
  { id: 'vendor', kind: 'outsourced', cost_per_hour: 38, shift_lengths: [4, 8] },
];

/** The week of 2026-11-30 (a Monday), Asia/Shanghai, night 0-8, no need. */
export const problem = makeProblem(plainConfig(POOLS), () => 0);
export const rules = scheduleRules({});

/** The example team as agents.csv: leave, night = no, part time, a night crew. */
export const AGENTS_CSV = [
  'id,pool,min_hours,max_hours,max_days,unavailable,prefers_off,night',
  'a,inhouse,,,,2026-12-05..2026-12-06,sat;sun,no',
  'b,inhouse,,,,,mon;sun,',
  'c,inhouse,,,3,2026-12-01,,',
  'd,inhouse,,80,7,,,yes',
  'n,night,16,,,,wed,',
].join('\n');

export function agent(id: string, pool = 'inhouse', extra: Partial<Agent> = {}): Agent {
  return { id, pool, minHours: 0, maxHours: 40, maxDays: 5, unavailable: [], prefersOff: [], night: true, ...extra };
}

/** A schedule row starting at a local timestamp of the example's zone. */
export function row(agentId: string, pool: string, start: string, hours = 8): ScheduleRow {
  const t = parseTimestamp(start, TZ)!.t;
  return { agent: agentId, pool, t, date: localDate(t, TZ), hours };
}

/** The roster shifts that count a schedule's rows (what the roster of a valid schedule lists). */
export function countedShifts(rows: readonly ScheduleRow[]): Roster['shifts'] {
  const counted = new Map<string, { pool: string; start: string; hours: number; agents: number }>();
  for (const r of rows) {
    const start = problem.slots.find((s) => s.t === r.t)?.label ?? '';
    const key = `${r.pool} ${start} ${r.hours}`;
    const entry = counted.get(key) ?? { pool: r.pool, start, hours: r.hours, agents: 0 };
    entry.agents++;
    counted.set(key, entry);
  }
  return [...counted.values()];
}

/** Local `2026-11-30` + `day` days (negative: last week) at `hour`:00. */
export const at = (day: number, hour: number) => `${addDaysToDate('2026-11-30', day)}T${String(hour).padStart(2, '0')}:00`;
