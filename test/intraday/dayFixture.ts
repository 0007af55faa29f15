import { configSchema, type Pool, type ServiceTarget } from '../../src/domain/config.js';
import { HOUR_MS, localParts, weekHours } from '../../src/domain/time.js';
import { Z90 } from '../../src/intraday/interval80.js';
import type { ActualHour, DayInput, PlanHour, PlannedShift } from '../../src/intraday/types.js';
import { agentsNeeded } from '../../src/staffing/agentsNeeded.js';

/*
 * A small synthetic week for the day's corrections: open 08:00-22:00 every day (closed hours have
 * no contacts), 240 contacts an hour at the 10:00-12:00 peak of which half reach agents, a roster
 * that meets the target at the plan's forecast with in-house and vendor shifts, and a standby pool
 * on call 10:00-16:00 and 16:00-22:00.
 */

export const TZ = 'Asia/Shanghai';
export const WEEK = weekHours('2026-11-30', TZ);
/** Day 0 is Monday 2026-11-30. */
export const at = (day: number, hour: number) => WEEK[0] + (24 * day + hour) * HOUR_MS;

export const TARGET: ServiceTarget = {
  answer_within_seconds: 20,
  service_level: 0.8,
  max_asa_seconds: null,
  max_occupancy: 0.85,
  patience_seconds: null,
  max_abandon_rate: null,
};
export const SHRINKAGE = 0.3;
const AHT = 180;
const HANDLED_SHARE = 0.5;
const OPEN = 8;
const CLOSE = 22;

export const POOLS: Pool[] = configSchema.parse({
  pools: [
    { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, night_premium: 0.3, shift_lengths: [8] },
    { id: 'vendor', kind: 'outsourced', cost_per_hour: 38, night_premium: 0.2, productivity: 0.9, shift_lengths: [4] },
    { id: 'night', kind: 'in_house', cost_per_hour: 55, night_premium: 0.5, shift_lengths: [8], start_hours: [22] },
    { id: 'oncall', kind: 'standby', cost_per_hour: 70, retainer_per_hour: 10, shift_lengths: [6] },
  ],
}).pools;

/** Contacts the plan expects at a local hour of day. */
function planned(hour: number): number {
  if (hour < OPEN || hour >= CLOSE) return 0;
  if (hour < 10) return 160;
  if (hour < 12) return 240;
  if (hour < 18) return 200;
  return 140;
}

export const PLAN: PlanHour[] = WEEK.map((t) => {
  const hour = localParts(t, TZ).hour;
  const contacts = planned(hour);
  const sd = Math.sqrt(contacts + 0.03 * contacts ** 2);
  return {
    t,
    contacts,
    lo80: Math.max(0, contacts - Z90 * sd),
    hi80: contacts + Z90 * sd,
    handledShare: HANDLED_SHARE,
    ahtSeconds: AHT,
    concurrency: 1,
    target: TARGET,
    night: hour < 8,
  };
});

/**
 * A roster meeting the target at the plan's forecast: each open hour short of its staff needed
 * gets agents starting then, in-house for 8 hours before 14:00, vendor for 4 hours after (cut at
 * closing time).
 */
export const SHIFTS: PlannedShift[] = (() => {
  const staffed = new Array<number>(WEEK.length).fill(0);
  const shifts: PlannedShift[] = [];
  PLAN.forEach((p, i) => {
    const need = agentsNeeded(p.contacts * HANDLED_SHARE, AHT, TARGET) / (1 - SHRINKAGE);
    const hour = localParts(p.t, TZ).hour;
    const [id, length] = hour < 14 ? ['inhouse', 8] : ['vendor', 4];
    const productivity = POOLS.find((q) => q.id === id)!.productivity;
    const hours = Math.min(length, CLOSE - hour);
    let agents = 0;
    while (staffed[i] + 1e-9 < need) {
      agents++;
      for (let k = 0; k < hours; k++) staffed[i + k] += productivity;
    }
    if (agents > 0) shifts.push({ pool: id, start: p.t, hours, agents });
  });
  return shifts;
})();

/** On-call shifts of the standby pool: `agents` from 10:00 and from 16:00, 6 hours each, every day. */
export function onCall(agents: number): PlannedShift[] {
  return [0, 1, 2, 3, 4, 5, 6].flatMap((d) => [
    { pool: 'oncall', start: at(d, 10), hours: 6, agents },
    { pool: 'oncall', start: at(d, 16), hours: 6, agents },
  ]);
}

/** The actuals of every hour ended by `now`: the plan times `factor` from `from` on. */
export function actualsUntil(now: number, factor = 1, from = 0): ActualHour[] {
  return PLAN.filter((p) => p.t + HOUR_MS <= now).map((p) => ({ t: p.t, contacts: p.contacts * (p.t >= from ? factor : 1) }));
}

/** The day's input at `now` with the given actuals (on-call: 4 agents per shift unless given). */
export function dayInput(now: number, actuals: ActualHour[], over: Partial<DayInput> = {}): DayInput {
  return {
    timeZone: TZ,
    withOffset: false,
    currency: 'CNY',
    shrinkage: SHRINKAGE,
    maxAsaSeconds: 60,
    pools: POOLS,
    overtime: { premium: 0.5, maxHours: 2 },
    hours: PLAN,
    shifts: SHIFTS,
    standby: onCall(4),
    actuals,
    now,
    ...over,
  };
}
