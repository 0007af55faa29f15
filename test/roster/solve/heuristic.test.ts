import { describe, expect, it } from 'vitest';
import { roundingCuts } from '../../../src/roster/model/cuts.js';
import { solveWithHighs } from '../../../src/roster/solve/highs.js';
import { roundAndRepair } from '../../../src/roster/solve/heuristic.js';
import { buildRosterModel } from '../../../src/roster/model/model.js';
import { dayAndVendorWeek, makeProblem, plainConfig } from '../helpers.js';
import { REALISTIC_POOLS, realisticWeek } from '../weekShape.js';

const { inhouse, vendor, night } = REALISTIC_POOLS;
const week = realisticWeek(30).map((r) => r.staffNeeded);
// The bench's binding budget at peak 30: the integer floors alone cost 117,373.
const problem = makeProblem(plainConfig([inhouse, vendor, night], { max_outsourced_share: 0.45, budget: 120_500 }), (slot) => week[slot]);

describe('the rounding heuristic', () => {
  it('finds a roster within a binding budget that the rounded relaxation overspends', async () => {
    const model = buildRosterModel(problem);
    const lp = await solveWithHighs(model.program, { timeLimitSeconds: 30, mipRelGap: 0, relax: true, inThread: true });
    const first = roundAndRepair(problem, model, lp.values);
    expect(first).not.toBeNull();
    const staffed = problem.slots.map(() => 0);
    let cost = 0;
    for (const d of model.decisions) {
      const agents = first!.counts.get(d.name)!;
      cost += agents * d.cost;
      for (const s of d.starts) for (let k = 0; k < d.hours; k++) staffed[(s + k) % staffed.length] += agents * d.pool.productivity;
    }
    expect(cost).toBeLessThanOrEqual(120_500);
    problem.slots.forEach((slot, h) => expect(staffed[h]).toBeGreaterThanOrEqual(slot.floor - 1e-9));
    // Deterministic: the same relaxation gives the same roster.
    expect(roundAndRepair(problem, model, lp.values)).toEqual(first);
  });

  it('adds rounding cuts that tighten the relaxation and keep the integer optimum', async () => {
    const small = dayAndVendorWeek();
    const model = buildRosterModel(small);
    const cut = { ...model.program, rows: [...model.program.rows, ...roundingCuts(small, model)] };
    const solve = (lp: typeof cut, relax: boolean) => solveWithHighs(lp, { timeLimitSeconds: 30, mipRelGap: 0, relax, inThread: true });
    expect((await solve(cut, true)).objective!).toBeGreaterThan((await solve(model.program, true)).objective! + 1);
    expect((await solve(cut, false)).objective!).toBeCloseTo((await solve(model.program, false)).objective!, 6);
  });
});
