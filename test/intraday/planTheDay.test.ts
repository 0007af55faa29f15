import { describe, expect, it } from 'vitest';
import { HOUR_MS, parseTimestamp } from '../../src/domain/time.js';
import { planTheDay } from '../../src/intraday/planTheDay.js';
import { type DemandHour, projectService } from '../../src/intraday/projectService.js';
import { reforecast } from '../../src/intraday/reforecast.js';
import type { DayAnswer, DayInput, PlannedShift } from '../../src/intraday/types.js';
import { availableAgents } from '../../src/staffing/onDuty.js';
import { inputError } from '../support/inputError.js';
import { actualsUntil, at, dayInput, onCall, PLAN, POOLS, SHIFTS, SHRINKAGE, TARGET, TZ } from './dayFixture.js';

const NOON = at(1, 12);
const surge = (factor = 1.4, over: Partial<DayInput> = {}) => dayInput(NOON, actualsUntil(NOON, factor, at(1, 10)), over);
const quiet = (over: Partial<DayInput> = {}) => dayInput(NOON, actualsUntil(NOON, 0.7, at(1, 8)), over);
const ordinary = (over: Partial<DayInput> = {}) => dayInput(NOON, actualsUntil(NOON), over);

const instant = (text: string) => parseTimestamp(text, TZ)!.t;
const hourAt = <T extends { timestamp: string }>(rows: T[], t: number) => rows.find((r) => instant(r.timestamp) === t)!;
/** The instants an action covers. */
const hoursOf = (a: { start: string; hours: number }) => Array.from({ length: a.hours }, (_, k) => instant(a.start) + k * HOUR_MS);
const covering = (shifts: PlannedShift[], t: number) => shifts.filter((s) => s.start <= t && t < s.start + s.hours * HOUR_MS);
const meets = (p: DayAnswer['projected'][number]) => p.asa_seconds <= 60 && p.service_level >= TARGET.service_level;

/** The remaining hours' work as the engine sees it on a day without handle-time or absence reports. */
function demandOf(input: DayInput): DemandHour[] {
  const ahead = reforecast({ plan: PLAN, actuals: input.actuals, now: input.now, timeZone: TZ });
  const first = PLAN.length - ahead.length;
  return ahead.map((f, i) => ({ handled: f.contacts * PLAN[first + i].handledShare, ahtSeconds: 180, concurrency: 1, target: TARGET }));
}

describe('planTheDay', () => {
  it('raises the afternoon after a surge morning and lowers it after a quiet one', () => {
    const [hot, plan, calm] = [planTheDay(surge()), planTheDay(ordinary()), planTheDay(quiet())];
    const t = at(1, 15);
    expect(hourAt(hot.reforecast, t).contacts).toBeGreaterThan(hourAt(plan.reforecast, t).contacts * 1.15);
    expect(hourAt(calm.reforecast, t).contacts).toBeLessThan(hourAt(plan.reforecast, t).contacts * 0.85);
    expect(hourAt(hot.projected, t).agents_needed).toBeGreaterThan(hourAt(plan.projected, t).agents_needed);
    expect(hourAt(calm.projected, t).agents_needed).toBeLessThan(hourAt(plan.projected, t).agents_needed);
    expect(hot.reforecast[0].timestamp).toBe('2026-12-01T12:00');
    expect(hot.reforecast.length).toBe(PLAN.length - 36);
    expect(hot.projected.map((p) => p.timestamp)).toEqual(hot.reforecast.map((r) => r.timestamp));
  });

  it('takes no action and raises no alert on a day running to plan', () => {
    const answer = planTheDay(ordinary());
    expect(answer.actions).toEqual([]);
    expect(answer.alerts).toEqual([]);
    expect(answer.projected.every(meets)).toBe(true);
  });

  it('calls standby agents only inside on-call shifts, and no more than are on call', () => {
    const standby = onCall(1);
    const answer = planTheDay(surge(2, { standby }));
    const calls = answer.actions.filter((a) => a.kind === 'activate_standby');
    expect(calls.length).toBeGreaterThan(0);
    const called = new Map<number, number>();
    for (const a of calls) for (const t of hoursOf(a)) called.set(t, (called.get(t) ?? 0) + a.agents);
    for (const [t, n] of called) expect(n).toBeLessThanOrEqual(covering(standby, t).reduce((s, x) => s + x.agents, 0));
    // Every call lies inside one on-call shift.
    for (const a of calls) {
      const [first, last] = [instant(a.start), instant(a.start) + (a.hours - 1) * HOUR_MS];
      expect(covering(standby, first).some((s) => covering([s], last).length === 1)).toBe(true);
    }
    // One on-call agent cannot absorb a day at twice the plan: the alert says so.
    const alert = answer.alerts.find((x) => x.kind === 'asa_over_limit');
    expect(alert?.severity).toBe('critical');
    expect(alert?.message).toMatch(/more agents? would be needed/);
  });

  it('calls no more standby agents than it takes: one fewer and some hour misses the ASA limit or the target', () => {
    const input = surge();
    const answer = planTheDay(input);
    const calls = answer.actions.filter((a) => a.kind === 'activate_standby');
    expect(calls.length).toBeGreaterThan(0);
    expect(answer.projected.every(meets)).toBe(true);
    const demand = demandOf(input);
    const start = instant(answer.projected[0].timestamp);
    for (const a of calls) {
      const inCall = new Set(hoursOf(a));
      const agents = answer.projected.map((p) => availableAgents(inCall.has(instant(p.timestamp)) ? p.staffed - 1 : p.staffed, SHRINKAGE));
      const without = projectService(demand, agents);
      const broken = without.some((h) => h.asaSeconds > 60 || h.serviceLevel < TARGET.service_level);
      expect(broken, `${a.start} for ${a.hours} h`).toBe(true);
      expect(instant(a.start)).toBeGreaterThanOrEqual(start);
    }
  });

  it('carries the backlog of an overloaded hour into the next one', () => {
    // The plan expects 2.5 times the contacts at 13:00 as the roster was made for; nothing can be called.
    const none = { standby: [], overtime: { premium: 0.5, maxHours: 0 } };
    const spike = PLAN.map((p) => (p.t === at(1, 13) ? { ...p, contacts: 2.5 * p.contacts, lo80: 2.5 * p.lo80, hi80: 2.5 * p.hi80 } : p));
    const [plain, spiked] = [planTheDay(ordinary(none)), planTheDay(ordinary({ ...none, hours: spike }))];
    expect(hourAt(spiked.projected, at(1, 13)).service_level).toBe(0);
    expect(Number.isFinite(hourAt(spiked.projected, at(1, 13)).asa_seconds)).toBe(true);
    // 14:00 has the same contacts and staff in both, but starts behind the queue 13:00 left.
    expect(hourAt(spiked.reforecast, at(1, 14)).contacts).toBeCloseTo(hourAt(plain.reforecast, at(1, 14)).contacts, 6);
    expect(hourAt(spiked.projected, at(1, 14)).asa_seconds).toBeGreaterThan(hourAt(plain.projected, at(1, 14)).asa_seconds + 60);
    expect(spiked.alerts.find((a) => a.kind === 'asa_over_limit')?.hours).toContain('2026-12-01T14:00');
  });

  it('offers overtime when no standby is on call, to agents whose shift ends then', () => {
    const answer = planTheDay(surge(1.4, { standby: [] }));
    const overtime = answer.actions.filter((a) => a.kind === 'offer_overtime');
    expect(overtime.length).toBeGreaterThan(0);
    expect(answer.actions.some((a) => a.kind === 'activate_standby')).toBe(false);
    for (const a of overtime) {
      const ending = SHIFTS.filter((s) => s.pool === a.pool && s.start + s.hours * HOUR_MS === instant(a.start));
      expect(a.agents).toBeLessThanOrEqual(ending.reduce((s, x) => s + x.agents, 0));
      expect(a.hours).toBeLessThanOrEqual(2);
      const rate = POOLS.find((p) => p.id === a.pool)!.cost_per_hour * 1.5;
      expect(a.cost).toBeCloseTo(rate * a.hours * a.agents, 6);
      expect(a.reason).toMatch(/whose shift ends at \d\d:00/);
    }
    // Today is covered; tomorrow's short hours (overtime is offered for today only) are alerts.
    const missed = answer.projected.filter((p) => !meets(p));
    expect(missed.every((p) => instant(p.timestamp) >= at(2, 0))).toBe(true);
    expect(answer.alerts.flatMap((x) => x.hours)).toEqual(expect.arrayContaining(missed.map((p) => p.timestamp)));
  });

  it('offers time off on a quiet day, never where it breaks the target, and says what it saves', () => {
    const answer = planTheDay(quiet());
    const off = answer.actions.filter((a) => a.kind === 'offer_time_off');
    expect(off.length).toBeGreaterThan(0);
    expect(answer.projected.every(meets)).toBe(true);
    for (const a of off) {
      expect(a.cost).toBeLessThan(0);
      expect(a.reason).toMatch(/below plan.*Saves CNY/);
      expect(instant(a.start)).toBeGreaterThanOrEqual(NOON);
      expect(instant(a.start)).toBeLessThan(at(2, 0));
    }
    expect(answer.actions.some((a) => a.kind !== 'offer_time_off')).toBe(false);
    expect(planTheDay(surge()).actions.some((a) => a.kind === 'offer_time_off')).toBe(false);
  });

  it('explains each action with its hours, the departure from plan, the ASA and what it costs', () => {
    const a = planTheDay(surge()).actions.find((x) => x.kind === 'activate_standby')!;
    expect(a.reason).toMatch(/^From \d\d:00 to \d\d:00 contacts run \d+% above plan \([\d,]+ expected, [\d,]+ planned\); calling in/);
    expect(a.reason).toMatch(/within 60 s .* without them\)\. Costs CNY [\d,]+\.$/);
    expect(a.cost).toBeCloseTo(70 * a.hours * a.agents, 6);
  });

  it('runs today’s staff down by the absence seen in the last hours and today’s work up by longer handle times', () => {
    const plain = planTheDay(ordinary());
    const actuals = actualsUntil(NOON).map((a) => (a.t >= at(1, 10) ? { ...a, agentsAvailable: 7, ahtSeconds: 216 } : a));
    // With nothing to call on, the projection shows the absence itself.
    const bare = planTheDay(ordinary({ actuals, standby: [], overtime: { premium: 0.5, maxHours: 0 } }));
    // The roster makes 9 agents available from 10:00 to 12:00 and 7 turned up: today's staff runs at 7/9.
    expect(hourAt(bare.projected, at(1, 14)).staffed).toBeCloseTo((hourAt(plain.projected, at(1, 14)).staffed * 7) / 9, 2);
    expect(hourAt(bare.projected, at(2, 14)).staffed).toBe(hourAt(plain.projected, at(2, 14)).staffed);
    expect(hourAt(bare.projected, at(1, 14)).agents_needed).toBeGreaterThan(hourAt(plain.projected, at(1, 14)).agents_needed);
    expect(hourAt(bare.projected, at(2, 14)).agents_needed).toBe(hourAt(plain.projected, at(2, 14)).agents_needed);
    expect(bare.alerts.map((x) => x.kind)).toContain('asa_over_limit');
    expect(planTheDay(ordinary({ actuals })).actions.some((a) => a.kind === 'activate_standby')).toBe(true);
  });

  it('writes timestamps with offsets when the plan had them, and answers the same every time', () => {
    const input = surge(1.4, { withOffset: true });
    const answer = planTheDay(input);
    expect(answer.now).toBe('2026-12-01T12:00+08:00');
    expect(answer.actions[0].start).toMatch(/\+08:00$/);
    expect(planTheDay(input)).toEqual(answer);
  });

  it('names the actuals file when an actual falls after now', () => {
    const input = { ...ordinary(), actuals: actualsUntil(at(1, 13)), actualsFile: 'today.csv' };
    expect(inputError(() => planTheDay(input)).message).toMatch(/^today\.csv.*does not end by now/);
  });
});
