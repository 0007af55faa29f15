import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { configSchema } from '../../src/domain/config.js';
import { HOUR_MS } from '../../src/domain/time.js';
import { runPlan } from '../../src/plan/chain.js';
import { makePlan } from '../../src/plan/makePlan.js';
import { fullCoverageProblem } from '../../src/roster/explain/fullCoverage.js';
import { buildRosterModel } from '../../src/roster/model/model.js';
import * as highs from '../../src/roster/solve/highs.js';
import { openStore } from '../../src/store/open.js';
import { at, makeHistory } from '../forecast/synthetic.js';

// Every HiGHS solve of the plan goes through the wrapper: counted here, solved as ever.
vi.mock('../../src/roster/solve/highs.js', async (original) => {
  const real = await original<typeof import('../../src/roster/solve/highs.js')>();
  return { ...real, solveWithHighs: vi.fn(real.solveWithHighs) };
});
const solves = vi.mocked(highs.solveWithHighs);

const TZ = 'UTC';
// An in-house pool and a capped vendor under an outsourcing cap that binds and a budget that leaves
// room: a price to check and a full-coverage cost within budget (no remedy to search).
const config = configSchema.parse({
  timezone: TZ,
  budget: 2_000_000,
  max_outsourced_share: 0.3,
  solver: { time_limit_seconds: 10, mip_rel_gap: 0.02 },
  pools: [
    { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, shift_lengths: [8] },
    { id: 'vendor', kind: 'outsourced', cost_per_hour: 38, shift_lengths: [4, 8], max_agents: 3 },
  ],
});
const start = at('2026-11-30T00:00', TZ) - 28 * 24 * HOUR_MS;
const inputs = {
  config,
  history: { queues: [{ queue: '', hours: makeHistory(start, 4, TZ, () => 30) }], withOffset: false, file: 'calls.csv' },
  events: [],
  week: '2026-11-30',
};

describe('a plan solves one LP (issue 16)', () => {
  it('reads the shadow prices and the full-coverage cost off the roster LP: one LP with duals and variants, one MIP', async () => {
    solves.mockClear();
    const { summary } = await makePlan(inputs, openStore(mkdtempSync(join(tmpdir(), 'shiftcast-one-lp-'))));
    expect(summary.status).not.toBe('infeasible');
    const lps = solves.mock.calls.filter(([, o]) => o.relax);
    expect(lps).toHaveLength(1);
    expect(lps[0][1]).toMatchObject({ duals: true });
    expect(lps[0][1].variants!.length).toBeGreaterThan(1);
    expect(lps[0][1].cuts!.length).toBeGreaterThan(0);
    expect(solves.mock.calls.filter(([, o]) => !o.relax)).toHaveLength(1);
  });

  it('gives the full-coverage cost its own cold LP gives, and prices the rules that bind', async () => {
    const outcome = await runPlan(inputs);
    // The full-coverage problem as a model of its own, cost alone, as fullCoverage.ts solved it before.
    const model = buildRosterModel(fullCoverageProblem(outcome.problem));
    const costOnly = { ...model.program, objective: model.decisions.map((d) => ({ variable: d.name, coef: d.cost })) };
    const cold = await highs.solveWithHighs(costOnly, { timeLimitSeconds: 30, mipRelGap: 0, relax: true, inThread: true });
    expect(cold.status).toBe('optimal');
    expect(outcome.fullCoverageCost).toBeCloseTo(cold.objective!, 2);
    const prices = outcome.roster.shadow_prices;
    expect(prices.map((p) => p.rule)).toEqual([
      'budget',
      'max_outsourced_share',
      'min_coverage',
      'night.min_coverage',
      'pools.vendor.max_agents',
    ]);
    // The binding cap's price is the fall of the plain LP, solved cold, with the cap 0.01 looser.
    const lp = async (share: number) =>
      (
        await highs.solveWithHighs(buildRosterModel({ ...outcome.problem, maxOutsourcedShare: share }).program, {
          timeLimitSeconds: 30,
          mipRelGap: 0,
          relax: true,
          inThread: true,
        })
      ).objective!;
    const share = prices.find((p) => p.rule === 'max_outsourced_share')!;
    expect(share.value).toBeGreaterThan(0);
    expect(share.value).toBeCloseTo((await lp(0.3)) - (await lp(0.31)), 2);
    expect(prices.filter((p) => p.rule !== 'max_outsourced_share').every((p) => p.value === 0)).toBe(true);
  });
});
