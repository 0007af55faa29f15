import { describe, expect, it } from 'vitest';
import { roundingCuts } from '../../../src/roster/model/cuts.js';
import { buildRosterModel } from '../../../src/roster/model/model.js';
import { roundAndRepair } from '../../../src/roster/solve/heuristic.js';
import { solveWithHighs } from '../../../src/roster/solve/highs.js';
import { supportProgram } from '../../../src/roster/solve/neighbourhood.js';
import { solveRoster } from '../../../src/roster/solve/solve.js';
import { startVector } from '../../../src/roster/solve/startVector.js';
import { verifyRoster } from '../../../src/roster/verify.js';
import { makeProblem, plainConfig } from '../helpers.js';
import { REALISTIC_POOLS, realisticWeek } from '../weekShape.js';

const { inhouse, vendor, night } = REALISTIC_POOLS;
const tour = { days: 5, consecutive_days_off: true };
const week = realisticWeek(60).map((r) => r.staffNeeded);
const tourConfig = plainConfig([{ ...inhouse, week_pattern: tour }, vendor, { ...night, week_pattern: tour }], {
  max_outsourced_share: 0.45,
});
const tours = makeProblem(tourConfig, (slot) => week[slot]);

describe("the seed's neighbourhood (RENS)", () => {
  it('keeps exactly the shifts the relaxation or the seed staffs, and the seed stays a solution of it', async () => {
    const model = buildRosterModel(tours);
    const lp = await solveWithHighs(model.program, { timeLimitSeconds: 30, mipRelGap: 0, relax: true, inThread: true });
    const seed = roundAndRepair(tours, model, lp.values)!;
    const sub = supportProgram(model, model.program, lp.values, seed.counts);
    const kept = new Set(sub.integers);
    for (const d of model.decisions) {
      const used = (lp.values.get(d.name) ?? 0) > 1e-6 || seed.counts.get(d.name)! > 0;
      expect(kept.has(d.name)).toBe(used);
    }
    expect(model.decisions.filter((d) => kept.has(d.name)).length).toBeLessThan(model.decisions.length / 2);
    // HiGHS takes the seed as its incumbent, so the neighbourhood's answer is never worse.
    const solved = await solveWithHighs(sub, {
      timeLimitSeconds: 30,
      mipRelGap: 0.001,
      start: startVector(tours, model, seed.counts),
      iterationLimit: 3000,
      inThread: true,
    });
    expect(solved.objective!).toBeLessThanOrEqual(seed.objective + 1e-6);
  });

  it('searches a tour week in the neighbourhood alone: a verified roster no worse than the seed, the same on every run', async () => {
    const big = realisticWeek(250).map((r) => r.staffNeeded);
    const week250 = makeProblem(tourConfig, (slot) => big[slot]);
    const model = buildRosterModel(week250);
    const lp = await solveWithHighs(model.program, {
      timeLimitSeconds: 30,
      mipRelGap: 0,
      relax: true,
      inThread: true,
      cuts: roundingCuts(week250, model),
    });
    const seed = roundAndRepair(week250, model, lp.values)!;
    const first = await solveRoster(week250, { inThread: true });
    expect(verifyRoster(week250, first)).toEqual([]);
    expect(first.solver.objective!).toBeLessThanOrEqual(seed.objective + 1e-6);
    // The neighbourhood proves no bound on the week: the bound stays the LP's.
    expect(first.solver.bound!).toBeCloseTo(lp.objective!, 3);
    expect(first.tours.length).toBeGreaterThan(0);
    const again = await solveRoster(week250, { inThread: true });
    expect(again.shifts).toEqual(first.shifts);
  });
});
