import { describe, expect, it } from 'vitest';
import { solveRoster } from '../../src/roster/solve/solve.js';
import { verifyRoster } from '../../src/roster/verify.js';
import { makeProblem, plainConfig } from './helpers.js';

const day8 = { id: 'inhouse', kind: 'in_house', cost_per_hour: 10, night_premium: 0, shift_lengths: [8] } as const;

describe('horizons of several weeks', () => {
  it('has 168 slots a week and wraps the last slot of the horizon onto its first', async () => {
    const pool = { ...day8, shift_lengths: [2], start_hours: [23] };
    const problem = makeProblem(plainConfig([pool]), (slot) => (slot === 0 || slot === 335 ? 5 : 0), 2);
    expect(problem.slots).toHaveLength(336);
    const roster = await solveRoster(problem);
    expect(roster.shifts).toEqual([{ pool: 'inhouse', start: '2026-12-13T23:00', hours: 2, agents: 5 }]);
    expect(roster.hourly[0].staffed).toBe(5);
    expect(roster.hourly[168].staffed).toBe(0);
    expect(verifyRoster(problem, roster)).toEqual([]);
  });

  it('repeats each tour in every week, with the same days off', async () => {
    const pool = { ...day8, start_hours: [9], week_pattern: { days: 5, consecutive_days_off: true } };
    // Weekdays only need staff: the tours take Saturday and Sunday off in both weeks.
    const problem = makeProblem(plainConfig([pool]), (slot, hour) => (Math.floor(slot / 24) % 7 < 5 && hour >= 9 && hour < 17 ? 3 : 0), 3);
    const roster = await solveRoster(problem);
    expect(roster.tours).toEqual([{ pool: 'inhouse', start_hour: 9, hours: 8, days_off: ['sat', 'sun'], agents: 3 }]);
    expect(roster.shifts).toHaveLength(15);
    expect(roster.shifts.map((s) => s.start.slice(0, 10))).toContain('2026-12-18');
    expect(roster.cost.total).toBe(3 * 8 * 15 * 10);
    expect(verifyRoster(problem, roster)).toEqual([]);
  });
});
