import { beforeAll, describe, expect, it } from 'vitest';
import { solveRoster } from '../../src/roster/solve/solve.js';
import { verifyRoster } from '../../src/roster/verify.js';
import type { Roster, RosterProblem } from '../../src/roster/types.js';
import { makeProblem, plainConfig } from './helpers.js';

const inhouse = {
  id: 'inhouse',
  kind: 'in_house',
  cost_per_hour: 10,
  night_premium: 0.5,
  shift_lengths: [8],
  start_hours: [0, 8, 16],
} as const;
const vendor = { id: 'vendor', kind: 'outsourced', cost_per_hour: 6, shift_lengths: [8], start_hours: [0, 8, 16], max_agents: 2 } as const;

describe('verifyRoster', () => {
  let problem: RosterProblem;
  let roster: Roster;
  beforeAll(async () => {
    problem = makeProblem(plainConfig([inhouse, vendor], { max_outsourced_share: 0.3, budget: 9_000 }), () => 5);
    roster = await solveRoster(problem);
  });
  const tampered = (change: (r: Roster) => void): Roster => {
    const copy = structuredClone(roster);
    change(copy);
    return copy;
  };

  it('accepts the roster the solver returned', () => {
    expect(roster.status).toBe('optimal');
    expect(verifyRoster(problem, roster)).toEqual([]);
  });

  it('catches a reported cost that does not match the shifts', () => {
    expect(
      verifyRoster(
        problem,
        tampered((r) => (r.cost.total += 1)),
      ),
    ).toEqual([expect.stringContaining('reported cost.total')]);
  });

  it('catches a removed shift: the floor breaks and the hourly figures no longer agree', () => {
    const errors = verifyRoster(
      problem,
      tampered((r) => r.shifts.shift()),
    );
    expect(errors.some((e) => e.includes('below the coverage floor'))).toBe(true);
    expect(errors.some((e) => e.includes('reported staffed'))).toBe(true);
  });

  it('catches fractional agents, a forbidden start hour and a forbidden length', () => {
    const errors = verifyRoster(
      problem,
      tampered((r) => r.shifts.push({ pool: 'inhouse', start: '2026-11-30T03:00', hours: 7, agents: 0.5 })),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('positive integer'),
        expect.stringContaining('may not start at 3:00'),
        expect.stringContaining('not a shift length'),
      ]),
    );
  });

  it('catches max_agents, the outsourced share and the budget being broken', () => {
    const errors = verifyRoster(
      problem,
      tampered((r) => r.shifts.push({ pool: 'vendor', start: '2026-11-30T08:00', hours: 8, agents: 500 })),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('max_agents is 2'),
        expect.stringContaining('outsourced share'),
        expect.stringContaining('above the budget'),
      ]),
    );
  });

  it('catches tours that do not expand into their pool shifts', async () => {
    const pool = { ...inhouse, start_hours: [8], week_pattern: { days: 5, consecutive_days_off: true } };
    const tourProblem = makeProblem(plainConfig([pool]), (_, hour) => (hour >= 8 && hour < 16 ? 2 : 0));
    const tours = await solveRoster(tourProblem);
    expect(verifyRoster(tourProblem, tours)).toEqual([]);
    const moved = structuredClone(tours);
    moved.tours[0].days_off = ['mon', 'wed'];
    expect(verifyRoster(tourProblem, moved)).toEqual(
      expect.arrayContaining([expect.stringContaining('not consecutive'), expect.stringContaining('not exactly the expansion')]),
    );
  });
});
