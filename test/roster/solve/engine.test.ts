import { describe, expect, it } from 'vitest';
import highsModule, { type Highs } from 'highs';
import { toLpFormat } from '../../../src/roster/model/lpFormat.js';
import { buildRosterModel } from '../../../src/roster/model/model.js';
import { solveRoster } from '../../../src/roster/solve/solve.js';
import { verifyRoster } from '../../../src/roster/verify.js';
import type { Roster } from '../../../src/roster/types.js';
import { dayAndVendorWeek, makeProblem, plainConfig } from '../helpers.js';
import { REALISTIC_POOLS, realisticWeek } from '../weekShape.js';

const { inhouse, vendor, night } = REALISTIC_POOLS;
const week = (peak: number) => realisticWeek(peak).map((r) => r.staffNeeded);
const realistic = (peak: number, extra: Record<string, unknown> = {}) =>
  makeProblem(plainConfig([inhouse, vendor, night], { max_outsourced_share: 0.45, ...extra }), (slot) => week(peak)[slot]);
const withoutSeconds = (r: Roster) => ({ ...r, solver: { ...r.solver, seconds: 0 } });

describe('the roster engine', () => {
  it('answers a preview in well under a second with a valid roster, its bound and gap', async () => {
    const problem = realistic(250);
    await solveRoster(problem, { preview: true }); // warms up the worker and HiGHS
    const roster = await solveRoster(problem, { preview: true });
    expect(roster.status).not.toBe('infeasible');
    expect(roster.solver.seconds).toBeLessThan(1);
    expect(verifyRoster(problem, roster)).toEqual([]);
    expect(roster.solver.bound!).toBeLessThanOrEqual(roster.solver.objective!);
    expect(roster.solver.gap).toBeLessThan(0.02);
  });

  it('gives the same roster from the worker thread as on the calling thread', async () => {
    const problem = realistic(20);
    const options = { iterationLimit: 300, timeLimitSeconds: 60 };
    const [worker, inThread] = [await solveRoster(problem, options), await solveRoster(problem, { ...options, inThread: true })];
    expect(withoutSeconds(worker)).toEqual(withoutSeconds(inThread));
  });

  it('gives the same roster twice when the work budget, not optimality, stops the solve', async () => {
    // Guards the old behaviour: a wall-clock stop gave a different roster from run to run.
    const problem = realistic(30);
    const options = { iterationLimit: 400, timeLimitSeconds: 60, mipRelGap: 0 };
    const a = await solveRoster(problem, options);
    const b = await solveRoster(problem, options);
    expect(a.status).toBe('feasible');
    expect(withoutSeconds(a)).toEqual(withoutSeconds(b));
  });

  it('reports incumbent, bound and gap through onProgress', async () => {
    const seen: { incumbent: number | null; bound: number | null; gap: number | null }[] = [];
    const roster = await solveRoster(realistic(30), { iterationLimit: 300, timeLimitSeconds: 60, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    const last = seen.at(-1)!;
    expect(last.bound!).toBeLessThanOrEqual(last.incumbent!);
    expect(last.gap!).toBeGreaterThanOrEqual(0);
    expect(roster.solver.bound!).toBeGreaterThanOrEqual(last.bound! - 1e-6);
  });

  it('always reports a bound and a gap, the bound below the objective', async () => {
    const problem = realistic(30, { budget: 125_000 });
    const roster = await solveRoster(problem, { iterationLimit: 300, timeLimitSeconds: 60 });
    expect(verifyRoster(problem, roster)).toEqual([]);
    expect(roster.solver.bound).not.toBeNull();
    expect(roster.solver.gap).toBeCloseTo((roster.solver.objective! - roster.solver.bound!) / roster.solver.objective!, 5);
  });

  it('writes LP text that HiGHS reads back to the same optimum', async () => {
    const problem = dayAndVendorWeek();
    const roster = await solveRoster(problem, { mipRelGap: 0 });
    expect(roster.status).toBe('optimal');
    const highs = await (highsModule as unknown as () => Promise<Highs>)();
    const solved = highs.solve(toLpFormat(buildRosterModel(problem).program), { mip_rel_gap: 0 });
    expect(solved.Status).toBe('Optimal');
    expect(solved.ObjectiveValue).toBeCloseTo(roster.solver.objective!, 4);
  });
});
