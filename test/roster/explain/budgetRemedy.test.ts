import { describe, expect, it } from 'vitest';
import { budgetRemedy } from '../../../src/roster/explain/budgetRemedy.js';
import { fullCoverageCost, fullCoverageProblem } from '../../../src/roster/explain/fullCoverage.js';
import { solveRoster } from '../../../src/roster/solve/solve.js';
import { makeProblem, plainConfig } from '../helpers.js';
import { relaxRoster } from '../../../src/roster/solve/relaxation.js';

// Monday 08:00-12:00 needs 4 staff; 4-hour shifts from 08:00. Per agent: day 40, vendor a 20 (one
// at most), vendor b 24. With k of the 4 agents outsourced (a first), full coverage costs
// k = 1: 140, k = 2: 124, k = 3: 108, k = 4: 92.
const start = { shift_lengths: [4], start_hours: [8] };
const pools = [
  { id: 'day', kind: 'in_house', cost_per_hour: 10, ...start },
  { id: 'a', kind: 'outsourced', cost_per_hour: 5, max_agents: 1, ...start },
  { id: 'b', kind: 'outsourced', cost_per_hour: 6, ...start },
];
const week = (budget: number) =>
  makeProblem(plainConfig(pools, { budget, max_outsourced_share: 0.25 }), (slot) => (slot >= 8 && slot < 12 ? 4 : 0));

describe('budgetRemedy: the outsourced share that brings full coverage within budget, found by solving', () => {
  it('finds the least share on the 0.01 grid whose re-solved roster fits, with the vendor split', async () => {
    const problem = week(110);
    // The over_budget alert's premise: at the 25% cap full coverage costs 140, over 110 + 10%.
    expect(fullCoverageCost(await relaxRoster(problem))).toBe(140);
    const remedy = await budgetRemedy(problem);
    expect(remedy.share).toBe(0.75);
    expect(remedy.roster?.cost.total).toBe(108);
    expect(remedy.split).toEqual({ a: 0.333, b: 0.667 });
    // A bounded search: one uncapped solve, then bisection over (0.25, 1].
    expect(remedy.solves).toBeLessThanOrEqual(8);
    // Re-solved at the proposed share, every hour is covered within the budget; a point less is not.
    const at = (share: number) => solveRoster({ ...fullCoverageProblem(problem), maxOutsourcedShare: share });
    const fitting = await at(remedy.share!);
    expect(fitting.status).toBe('optimal');
    expect(fitting.cost.total).toBeLessThanOrEqual(110);
    expect(fitting.hourly.every((h) => h.shortfall === 0)).toBe(true);
    expect((await at(0.74)).cost.total).toBeGreaterThan(110);
  });

  it('says no share fits when even outsourcing without a cap is over budget, with that cost', async () => {
    const remedy = await budgetRemedy(week(90));
    expect(remedy).toMatchObject({ share: null, solves: 1 });
    expect(remedy.roster?.cost.total).toBe(92);
  });
});
