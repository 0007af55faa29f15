import { describe, expect, it } from 'vitest';
import { narrateRoster } from '../../../src/roster/explain/narrate.js';
import { buildRosterModel } from '../../../src/roster/model/model.js';
import { assembleRoster } from '../../../src/roster/solve/assemble.js';
import type { Roster } from '../../../src/roster/types.js';
import { makeProblem, type PoolInput, plainConfig } from '../helpers.js';

// Monday 2026-11-30 08:00-12:00 needs 2 staff; every shift is 4 hours from 08:00 (day: 40 a head).
const day = { id: 'day', kind: 'in_house', cost_per_hour: 10, shift_lengths: [4], start_hours: [8] };
// Cheaper than day, or day's shift would leave the vendor's out of the model (dominance.ts): 32 a head.
const vendor = { id: 'vendor', kind: 'outsourced', cost_per_hour: 8, shift_lengths: [4], start_hours: [8] };

/** The problem and the roster of the given agents per decision, as the solver would hand it over. */
function narrate(
  pools: PoolInput[],
  extra: Record<string, unknown>,
  counts: Record<string, number>,
  status: Roster['status'] = 'optimal',
  gap: number | null = 0,
) {
  const problem = makeProblem(plainConfig(pools, extra), (slot) => (slot >= 8 && slot < 12 ? 2 : 0));
  const body = assembleRoster(problem, buildRosterModel(problem), new Map(Object.entries(counts)));
  return narrateRoster(problem, { ...body, status, solver: { name: 'highs', seconds: 1, objective: null, bound: null, gap } });
}

describe('narrateRoster', () => {
  it('gives the cost and coverage, and says no rule binds when none does', () => {
    expect(narrate([day], {}, { x_day_8_4: 2 })).toBe(
      'The roster costs 80 and covers 100% of the staff-hours needed (night 100%). No budget, share or max_agents rule binds: the cost is driven by the hours needed.',
    );
  });

  it('names the budget when (nearly) all of it is used, and not otherwise', () => {
    expect(narrate([day], { budget: 80 }, { x_day_8_4: 2 })).toMatch(/Binding: the budget \(100% used\)\./);
    expect(narrate([day], { budget: 80.05 }, { x_day_8_4: 2 })).toMatch(/Binding: the budget \(99.9% used\)\./);
    expect(narrate([day], { budget: 100 }, { x_day_8_4: 2 })).toMatch(/No budget, share or max_agents rule binds/);
  });

  it('names the outsourced share cap when the share is at it (within half a point)', () => {
    const atCap = narrate([day, vendor], { max_outsourced_share: 0.5 }, { x_day_8_4: 1, x_vendor_8_4: 1 });
    expect(atCap).toMatch(/Binding: the outsourced share cap \(50% of paid hours, cap 50%\)\./);
    const nearCap = narrate([day, vendor], { max_outsourced_share: 0.504 }, { x_day_8_4: 1, x_vendor_8_4: 1 });
    expect(nearCap).toMatch(/the outsourced share cap \(50% of paid hours, cap 50.4%\)/);
    const under = narrate([day, vendor], { max_outsourced_share: 0.6 }, { x_day_8_4: 1, x_vendor_8_4: 1 });
    expect(under).not.toMatch(/outsourced share cap/);
  });

  it("names a pool's max_agents and the hours it is reached in", () => {
    const text = narrate([{ ...day, max_agents: 2 }], {}, { x_day_8_4: 2 });
    expect(text).toMatch(/Binding: day's max_agents of 2 \(reached in 4 hour\(s\)\)\./);
    expect(narrate([{ ...day, max_agents: 3 }], {}, { x_day_8_4: 2 })).not.toMatch(/max_agents of/);
  });

  it('lists every binding rule, joined by semicolons', () => {
    const text = narrate([{ ...day, max_agents: 1 }, vendor], { budget: 72, max_outsourced_share: 0.5 }, { x_day_8_4: 1, x_vendor_8_4: 1 });
    expect(text).toMatch(
      /Binding: the budget \(100% used\); the outsourced share cap \(50% of paid hours, cap 50%\); day's max_agents of 1 \(reached in 4 hour\(s\)\)\./,
    );
  });

  it('says how many staff-hours are short, in how many hours, and the penalty that made them so', () => {
    const text = narrate([day], { shortfall_penalty: 30 }, { x_day_8_4: 1 });
    expect(text).toMatch(/^The roster costs 40 and covers 50% of the staff-hours needed/);
    expect(text).toMatch(
      /4 staff-hours are left short in 4 hour\(s\), where one more shift would cost more than the shortfall penalty of 30 per staff-hour\.$/,
    );
    expect(narrate([day], {}, { x_day_8_4: 2 })).not.toMatch(/left short/);
  });

  it("gives the solver's gap for a roster not proven optimal (100% when unknown)", () => {
    expect(narrate([day], {}, { x_day_8_4: 2 }, 'feasible', 0.0123)).toMatch(
      /The solver stopped at a gap of 1.2% to the best possible cost\.$/,
    );
    expect(narrate([day], {}, { x_day_8_4: 2 }, 'feasible', null)).toMatch(/a gap of 100% to the best possible cost\.$/);
    expect(narrate([day], {}, { x_day_8_4: 2 }, 'optimal', 0.0123)).not.toMatch(/gap/);
  });

  it('writes the cost with thousands separators and at most two decimals', () => {
    const problem = makeProblem(plainConfig([day]), () => 0);
    const body = assembleRoster(problem, buildRosterModel(problem), new Map());
    const roster = { ...body, cost: { ...body.cost, total: 1234567.891 }, status: 'optimal' as const };
    const text = narrateRoster(problem, { ...roster, solver: { name: 'highs', seconds: 0, objective: null, bound: null, gap: 0 } });
    expect(text).toMatch(/^The roster costs 1,234,567.89 and covers 100% of the staff-hours needed \(night 100%\)\./);
  });
});
