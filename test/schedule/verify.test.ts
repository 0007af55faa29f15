import { describe, expect, it } from 'vitest';
import { verifySchedule } from '../../src/schedule/verify.js';
import type { Agent, ScheduleRow } from '../../src/schedule/types.js';
import { agent, at, countedShifts, problem, row, rules } from './fixtures.js';

/** The verdict on rows whose roster is exactly their count (so only the rule under test speaks). */
function check(agents: Agent[], rows: ScheduleRow[], options: { previous?: ScheduleRow[]; rules?: typeof rules } = {}) {
  return verifySchedule(problem, { rules: options.rules ?? rules, agents, rows, shifts: countedShifts(rows), previous: options.previous });
}
const errorsOf = (...args: Parameters<typeof check>) => check(...args).errors;

// Monday to Friday 08:00-16:00: 40 h, 5 days.
const weekdays = (id: string, pool = 'inhouse', hour = 8) => [0, 1, 2, 3, 4].map((d) => row(id, pool, at(d, hour)));

describe('verifySchedule: a valid schedule', () => {
  it('passes: day agents, a night crew across midnight and the week wrap, a tour', () => {
    const agents = [agent('a'), agent('n', 'night'), agent('f', 'fixed')];
    // The night crew works Tuesday to Saturday 22:00-06:00 (Saturday's ends on Sunday).
    const rows = [...weekdays('a'), ...[1, 2, 3, 4, 5].map((d) => row('n', 'night', at(d, 22))), ...weekdays('f', 'fixed', 12)];
    const verdict = check(agents, rows);
    expect(verdict.errors).toEqual([]);
    expect(verdict.figures).toMatchObject({ agents: 3, assigned_hours: 120 });
  });

  it('passes an agent with no shift and a vendor pool left as head counts', () => {
    const rows = weekdays('a');
    const shifts = [...countedShifts(rows), { pool: 'vendor', start: at(0, 8), hours: 8, agents: 4 }];
    expect(verifySchedule(problem, { rules, agents: [agent('a'), agent('idle')], rows, shifts }).errors).toEqual([]);
  });
});

describe('verifySchedule: each hard rule broken on purpose', () => {
  it('an unknown agent', () => {
    expect(errorsOf([agent('a')], [row('zed', 'inhouse', at(0, 8))])).toContain('unknown agent zed');
  });

  it('an agent scheduled in another pool', () => {
    expect(errorsOf([agent('a')], [row('a', 'night', at(0, 22))])).toContain('agent a of pool inhouse is scheduled in pool night');
  });

  it('a shift that does not start in the week', () => {
    expect(errorsOf([agent('a')], [row('a', 'inhouse', at(7, 8))])).toContain(
      'agent a: shift at 2026-12-07 does not start at an hour of the week',
    );
  });

  it('two shifts starting on one local date', () => {
    const errors = errorsOf([agent('a')], [row('a', 'inhouse', at(0, 0)), row('a', 'inhouse', at(0, 20))]);
    expect(errors).toEqual(['agent a: 2 shifts start on 2026-11-30 (2026-11-30T00:00, 2026-11-30T20:00)']);
  });

  it('overlapping shifts', () => {
    const errors = errorsOf([agent('a')], [row('a', 'inhouse', at(0, 20), 10), row('a', 'inhouse', at(1, 4))]);
    expect(errors).toEqual(['agent a: the shifts at 2026-11-30T20:00 and 2026-12-01T04:00 overlap']);
  });

  it('too little rest between shifts', () => {
    const errors = errorsOf([agent('a')], [row('a', 'inhouse', at(0, 8)), row('a', 'inhouse', at(1, 2))]);
    expect(errors).toEqual(['agent a: 10 h of rest between the shifts at 2026-11-30T08:00 and 2026-12-01T02:00, less than 11']);
  });

  it('paid hours above max_hours and below min_hours', () => {
    expect(errorsOf([agent('a', 'inhouse', { maxHours: 16 })], weekdays('a').slice(0, 3))).toEqual([
      'agent a: 24 paid hours, outside [0, 16]',
    ]);
    expect(errorsOf([agent('a', 'inhouse', { minHours: 20 })], weekdays('a').slice(0, 2))).toEqual([
      'agent a: 16 paid hours, outside [20, 40]',
    ]);
  });

  it('more days than max_days', () => {
    expect(errorsOf([agent('a', 'inhouse', { maxDays: 2 })], weekdays('a').slice(0, 3))).toEqual([
      'agent a: 3 days worked, more than max_days 2',
    ]);
  });

  it('a run of days longer than max_consecutive_days', () => {
    const seven = [0, 1, 2, 3, 4, 5].map((d) => row('a', 'inhouse', at(d, 8)));
    const a = agent('a', 'inhouse', { maxDays: 7, maxHours: 80 });
    expect(errorsOf([a], seven, { rules: { ...rules, maxConsecutiveDays: 5 } })).toEqual([
      'agent a: 6 consecutive days worked, more than max_consecutive_days 5',
    ]);
  });

  it('a shift covering an hour of an unavailable date, a single date or a range', () => {
    const one = agent('a', 'inhouse', { unavailable: [{ from: '2026-12-01', to: '2026-12-01' }] });
    // Monday 20:00-04:00 reaches into Tuesday.
    expect(errorsOf([one], [row('a', 'inhouse', at(0, 20))])).toEqual([
      'agent a: the shift at 2026-11-30T20:00 covers 2026-12-01, a date the agent is unavailable',
    ]);
    const range = agent('b', 'inhouse', { unavailable: [{ from: '2026-12-02', to: '2026-12-04' }] });
    expect(errorsOf([range], [row('b', 'inhouse', at(3, 8))])).toEqual([
      'agent b: the shift at 2026-12-03T08:00 covers 2026-12-03, a date the agent is unavailable',
    ]);
    expect(errorsOf([range], [row('b', 'inhouse', at(5, 8))])).toEqual([]);
  });

  it('a shift past the end of the week covering an unavailable date of the next week', () => {
    const a = agent('a', 'inhouse', { unavailable: [{ from: '2026-12-07', to: '2026-12-07' }] });
    expect(errorsOf([a], [row('a', 'inhouse', at(6, 20))])).toEqual([
      'agent a: the shift at 2026-12-06T20:00 covers 2026-12-07, a date the agent is unavailable',
    ]);
  });

  it('a night slot for an agent who works no nights', () => {
    const a = agent('a', 'inhouse', { night: false });
    expect(errorsOf([a], [row('a', 'inhouse', at(0, 20))])).toEqual([
      'agent a: the shift at 2026-11-30T20:00 covers night hours and the agent works no nights',
    ]);
    expect(errorsOf([a], [row('a', 'inhouse', at(0, 8))])).toEqual([]);
  });

  it("a length that is not one of the pool's shift_lengths", () => {
    expect(errorsOf([agent('a')], [row('a', 'inhouse', at(0, 8), 6)])).toEqual([
      'agent a: 6 h at 2026-11-30T08:00 is not a shift length of inhouse (8, 10)',
    ]);
  });

  it("a start hour that is not one of the pool's start_hours", () => {
    expect(errorsOf([agent('n', 'night')], [row('n', 'night', at(0, 10))])).toEqual([
      'agent n: night may not start at 10:00 (2026-11-30T10:00)',
    ]);
  });

  it('week_pattern: one start hour and length all week', () => {
    const rows = [...weekdays('f', 'fixed').slice(0, 4), row('f', 'fixed', at(4, 12))];
    expect(errorsOf([agent('f', 'fixed')], rows)).toEqual([
      'agent f: pool fixed works one shift all week, not 8:00 for 8 h and 12:00 for 8 h',
    ]);
  });

  it('week_pattern: the number of days', () => {
    expect(errorsOf([agent('f', 'fixed')], weekdays('f', 'fixed').slice(0, 4))).toEqual(['agent f: pool fixed works 5 days a week, not 4']);
  });

  it('week_pattern: days off adjacent, Sunday and Monday counting as adjacent', () => {
    const apart = [0, 1, 3, 4, 5].map((d) => row('f', 'fixed', at(d, 8)));
    expect(errorsOf([agent('f', 'fixed')], apart)).toEqual(['agent f: pool fixed takes its days off together, not wed, sun']);
    const sundayMonday = [1, 2, 3, 4, 5].map((d) => row('f', 'fixed', at(d, 8)));
    expect(errorsOf([agent('f', 'fixed')], sundayMonday)).toEqual([]);
  });

  it("the roster's shifts of named pools differ from the schedule counted", () => {
    const rows = weekdays('a');
    const shifts = countedShifts(rows).slice(1);
    shifts.push({ pool: 'inhouse', start: at(6, 8), hours: 8, agents: 2 });
    expect(verifySchedule(problem, { rules, agents: [agent('a')], rows, shifts }).errors).toEqual([
      "the roster's shifts of named pools differ from the schedule counted by (pool, start, hours): " +
        'inhouse 2026-11-30T08:00 8 h: 1 more in the schedule; inhouse 2026-12-06T08:00 8 h: 2 more in the roster',
    ]);
  });
});

describe('verifySchedule: the week wrap and the previous week', () => {
  const sundayLate = row('a', 'inhouse', at(6, 22));

  it('without a previous week, a Sunday 22:00 8-hour shift forbids a Monday 03:00 start (it runs into Monday) and a 10:00 one (rest)', () => {
    expect(errorsOf([agent('a')], [row('a', 'inhouse', at(0, 3)), sundayLate])).toEqual([
      'agent a: the shifts at 2026-12-06T22:00 and 2026-11-30T03:00 (next week) overlap',
    ]);
    expect(errorsOf([agent('a')], [row('a', 'inhouse', at(0, 10)), sundayLate])).toEqual([
      'agent a: 4 h of rest between the shifts at 2026-12-06T22:00 and 2026-11-30T10:00 (next week), less than 11',
    ]);
  });

  it('with a previous week that has no such shift, the same Monday 03:00 start is allowed', () => {
    const previous = [row('a', 'inhouse', at(-3, 8))];
    expect(errorsOf([agent('a')], [row('a', 'inhouse', at(0, 3)), sundayLate], { previous })).toEqual([]);
    expect(errorsOf([agent('a')], [row('a', 'inhouse', at(0, 3)), sundayLate], { previous: [] })).toEqual([]);
  });

  it("a previous week's Sunday late shift forbids an early Monday start", () => {
    const previous = [row('a', 'inhouse', at(-1, 20))];
    expect(errorsOf([agent('a')], [row('a', 'inhouse', at(0, 10))], { previous })).toEqual([
      'agent a: 6 h of rest between the shifts at 2026-11-29 (previous week) and 2026-11-30T10:00, less than 11',
    ]);
    expect(errorsOf([agent('a')], [row('a', 'inhouse', at(0, 2))], { previous })).toEqual([
      'agent a: the shifts at 2026-11-29 (previous week) and 2026-11-30T02:00 overlap',
    ]);
    expect(errorsOf([agent('a')], [row('a', 'inhouse', at(0, 15))], { previous })).toEqual([]);
  });

  it('consecutive days wrap from Sunday into Monday without a previous week, and not with one', () => {
    // Thursday to Tuesday, Wednesday off: a run of 6 across the wrap, of 4 within the week.
    const rows = [3, 4, 5, 6, 0, 1].map((d) => row('a', 'inhouse', at(d, 8)));
    const a = agent('a', 'inhouse', { maxDays: 7, maxHours: 80 });
    const five = { ...rules, maxConsecutiveDays: 5 };
    expect(errorsOf([a], rows, { rules: five })).toEqual(['agent a: 6 consecutive days worked, more than max_consecutive_days 5']);
    expect(errorsOf([a], rows, { rules: five, previous: [] })).toEqual([]);
    // Last week's Friday to Sunday and this week's Monday and Tuesday: 5 in a row, then 6 with last Thursday.
    const lastWeek = (days: number[]) => days.map((d) => row('a', 'inhouse', at(d, 8)));
    expect(errorsOf([a], rows, { rules: five, previous: lastWeek([-3, -2, -1]) })).toEqual([]);
    expect(errorsOf([a], rows, { rules: five, previous: lastWeek([-4, -3, -2, -1]) })).toEqual([
      'agent a: 6 consecutive days worked, more than max_consecutive_days 5',
    ]);
  });

  it("a previous week's row that starts inside this week is an error", () => {
    expect(errorsOf([agent('a')], [], { previous: [row('a', 'inhouse', at(0, 8))] })).toEqual([
      'previous schedule agent a: a shift on 2026-11-30 is not before the week starting 2026-11-30',
    ]);
  });
});

describe('verifySchedule: soft figures', () => {
  it('computes preferences met and the spreads by hand', () => {
    const agents = [
      agent('a', 'inhouse', { prefersOff: ['sat', 'sun'] }),
      agent('b', 'inhouse', { prefersOff: ['mon', 'sun'] }),
      agent('c', 'inhouse', { maxDays: 3 }),
    ];
    const rows = [
      ...weekdays('a'), // no weekend, no night; both wishes granted
      ...[2, 3, 4, 5, 6].map((d) => row('b', 'inhouse', at(d, 20))), // Wed-Sun 20:00-04:00: 5 night shifts, 2 weekend days; Monday granted, Sunday not
      row('c', 'inhouse', at(5, 8)), // alone in its group (max_days 3)
    ];
    const verdict = check(agents, rows);
    expect(verdict.errors).toEqual([]);
    expect(verdict.figures).toEqual({ agents: 3, assigned_hours: 88, preferences_met: 0.75, weekend_spread: 2, night_spread: 5 });
  });

  it('is 1 when nobody has wishes and 0 spread with one agent', () => {
    expect(check([agent('b')], [row('b', 'inhouse', at(5, 20))]).figures).toEqual({
      agents: 1,
      assigned_hours: 8,
      preferences_met: 1,
      weekend_spread: 0,
      night_spread: 0,
    });
  });
});
