import { describe, expect, it } from 'vitest';
import { bestEffortRoster } from '../../../src/roster/solve/bestEffort.js';
import { solveRoster } from '../../../src/roster/solve/solve.js';
import { verifyRoster } from '../../../src/roster/verify.js';
import { makeProblem, plainConfig } from '../helpers.js';

// Monday 08:00-12:00 needs 4 staff (floor 3.8: 4 agents, 160); 4-hour shifts from 08:00 at 10 an hour.
const day = { id: 'day', kind: 'in_house', cost_per_hour: 10, shift_lengths: [4], start_hours: [8] };
const week = (extra: Record<string, unknown>, pool: Record<string, unknown> = day) =>
  makeProblem(plainConfig([pool], extra), (slot) => (slot >= 8 && slot < 12 ? 4 : 0));

describe('bestEffortRoster: the best roster a budget too small for the floors buys', () => {
  it('spends at most the budget, passes every rule but the floors, and reports the unmet need per hour', async () => {
    const problem = week({ budget: 100 });
    const infeasible = await solveRoster(problem);
    const roster = await bestEffortRoster(problem, infeasible);
    expect(roster.status).toBe('infeasible');
    // 2 agents (80): a third would cost 120.
    expect(roster.shifts).toEqual([{ pool: 'day', start: '2026-11-30T08:00', hours: 4, agents: 2 }]);
    expect(roster.cost.total).toBeLessThanOrEqual(100);
    expect(verifyRoster(problem, roster, { floors: false })).toEqual([]);
    expect(verifyRoster(problem, roster)).toHaveLength(4);
    expect(roster.unmet_floors).toEqual(
      [8, 9, 10, 11].map((h) => ({ timestamp: `2026-11-30T${String(h).padStart(2, '0')}:00`, floor: 3.8, staffed: 2, unmet: 1.8 })),
    );
    expect(roster.explanation).toMatch(/^The budget of 100 is too small/);
    expect(roster.explanation).toContain(
      'Meanwhile this is the best roster the budget buys: it costs 80 and leaves 4 hour(s) below their coverage floor ' +
        '(7.2 staff-hours short of the floors)',
    );
  });

  it('leaves a week infeasible for another rule as it is', async () => {
    const problem = week({ budget: 1000 }, { ...day, max_agents: 2 });
    const infeasible = await solveRoster(problem);
    expect(await bestEffortRoster(problem, infeasible)).toBe(infeasible);
    expect(infeasible.shifts).toEqual([]);
  });
});
