import { describe, expect, it } from 'vitest';
import { fullCoverageCost } from '../../../src/roster/explain/fullCoverage.js';
import { makeProblem, type PoolInput, plainConfig } from '../helpers.js';
import { relaxRoster } from '../../../src/roster/solve/relaxation.js';

// Monday 2026-11-30 08:00-12:00 needs `staff`; the rest of the week nobody. Shifts: 4 hours from 08:00.
const day = { id: 'day', kind: 'in_house', cost_per_hour: 10, shift_lengths: [4], start_hours: [8] };
const cost = async (pools: PoolInput[], extra: Record<string, unknown> = {}, staff = 2) =>
  fullCoverageCost(
    await relaxRoster(makeProblem(plainConfig(pools, { min_coverage: 0.5, ...extra }), (slot) => (slot >= 8 && slot < 12 ? staff : 0))),
  );

describe('fullCoverageCost', () => {
  it('is the least cost of staffing every hour in full, whatever min_coverage allows short', async () => {
    // 2 agents x 4 hours x 10.
    expect(await cost([day])).toBe(80);
  });

  it('leaves the budget out', async () => {
    expect(await cost([day], { budget: 10 })).toBe(80);
  });

  it('is a lower bound from the LP relaxation: fractional agents, rounded to cents', async () => {
    // 1.5 staff: 1.5 agents in the relaxation (a real roster needs 2).
    expect(await cost([day], {}, 1.5)).toBe(60);
    // 2 staff at 0.9 productivity: 2.22... agents x 40 = 88.888...
    expect(await cost([{ ...day, productivity: 0.9 }])).toBe(88.89);
  });

  it('keeps the outsourced share cap', async () => {
    const vendor = { id: 'vendor', kind: 'outsourced', cost_per_hour: 5, shift_lengths: [4], start_hours: [8] };
    expect(await cost([day, vendor])).toBe(40);
    // At most half the paid hours outsourced: 1 day agent (40) + 1 vendor agent (20).
    expect(await cost([day, vendor], { max_outsourced_share: 0.5 })).toBe(60);
  });

  it('is null when max_agents cannot cover every hour', async () => {
    expect(await cost([{ ...day, max_agents: 1 }])).toBeNull();
  });
});
