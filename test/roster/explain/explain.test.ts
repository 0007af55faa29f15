import { describe, expect, it } from 'vitest';
import { type ExplainOptions, explainInfeasible, noRosterInTime } from '../../../src/roster/explain/explain.js';
import { makeProblem, type PoolInput, plainConfig } from '../helpers.js';

// Monday 2026-11-30, 2 staff needed in the hours `needed` (slot h is hour h of the week), floors at 100%.
function explain(pools: PoolInput[], extra: Record<string, unknown>, needed: number[], options: Partial<ExplainOptions> = {}) {
  const problem = makeProblem(
    plainConfig(pools, { min_coverage: 1, night: { start_hour: 0, end_hour: 8, min_coverage: 1 }, ...extra }),
    (slot) => (needed.includes(slot) ? 2 : 0),
  );
  return explainInfeasible(problem, { proven: true, timeLimitSeconds: 10, iterationLimit: 1e6, ...options });
}

const day = { id: 'day', kind: 'in_house', cost_per_hour: 10, shift_lengths: [4], start_hours: [8] };
const MORNING = [8, 9, 10, 11];

describe('noRosterInTime', () => {
  it('says the search stopped at its limit, and that no rule is in the way when the relaxation holds', () => {
    expect(noRosterInTime(30, 'time limit reached', true)).toBe(
      'No roster found: the search reached its limit (30 s; time limit reached) before finding one, and no hard rule is proven to be in the way (the LP relaxation meets them all); raise solver.time_limit_seconds.',
    );
  });

  it('says whether a roster exists is unknown when the relaxation did not settle it, and "stopped" without a reason', () => {
    expect(noRosterInTime(5, '', false)).toBe(
      'No roster found: the search reached its limit (5 s; stopped) before finding one, and whether a roster exists is not known; raise solver.time_limit_seconds.',
    );
  });
});

describe('explainInfeasible', () => {
  it("names the hours max_agents cannot staff, the worst one's figures and each capped pool's least raise", async () => {
    const text = await explain([{ ...day, max_agents: 1 }], {}, MORNING);
    expect(text).toBe(
      "The pools' max_agents cannot reach the coverage floor in 4 hour(s) (2026-11-30T08:00, 2026-11-30T09:00, 2026-11-30T10:00, 2026-11-30T11:00): at 2026-11-30T08:00 they allow 1 staff but the floor needs 2; raise day's max_agents by 1 (to 2), or lower min_coverage.",
    );
  });

  it('counts productivity in the raise, and names night.min_coverage for night hours', async () => {
    // 0.5 staff per agent: 2 agents give 1 staff; the floor needs 2 more agents.
    const night = { ...day, id: 'night', start_hours: [2], productivity: 0.5, max_agents: 2 };
    const text = await explain([night], {}, [2, 3]);
    expect(text).toMatch(
      /at 2026-11-30T02:00 they allow 1 staff but the floor needs 2; raise night's max_agents by 2 \(to 4\), or lower night\.min_coverage\.$/,
    );
  });

  it('lists five hours and counts the rest', async () => {
    const text = await explain([{ ...day, start_hours: [8], shift_lengths: [8], max_agents: 1 }], {}, [8, 9, 10, 11, 12, 13, 14]);
    expect(text).toMatch(/in 7 hour\(s\) \(2026-11-30T08:00, .*, 2026-11-30T12:00 and 2 more\)/);
  });

  it('says when no start hour reaches a needed hour', async () => {
    const text = await explain([day], {}, [20]);
    expect(text).toBe(
      "The pools' start hours and shift lengths cannot reach the coverage floor in 1 hour(s) (2026-11-30T20:00): at 2026-11-30T20:00 they allow 0 staff but the floor needs 2; no pool's start hours and shift lengths reach 20:00: allow a start hour that covers it, or lower min_coverage.",
    );
  });

  it('names the budget and the least cost that meets the floors', async () => {
    // 2 agents x 4 hours x 10 = 80 is the least any roster meeting the floors costs.
    const text = await explain([day], { budget: 50 }, MORNING);
    expect(text).toBe(
      'The budget of 50 is too small: the least cost that meets the coverage floors under the other rules is 80; raise the budget to at least 80 or lower min_coverage.',
    );
  });

  it('prices the budget under the outsourced share cap', async () => {
    // Without the cap 2 vendor agents (40) would do; with half the paid hours in-house: 40 + 20.
    const vendor = { id: 'vendor', kind: 'outsourced', cost_per_hour: 5, shift_lengths: [4], start_hours: [8] };
    const text = await explain([day, vendor], { budget: 50, max_outsourced_share: 0.5 }, MORNING);
    expect(text).toMatch(/^The budget of 50 is too small: the least cost that meets the coverage floors under the other rules is 60;/);
  });

  it('names a rule the relaxation proves, even when the search merely stopped', async () => {
    const proven = await explain([{ ...day, max_agents: 1 }], {}, MORNING);
    const stopped = await explain([{ ...day, max_agents: 1 }], {}, MORNING, { proven: false, stopped: 'time limit reached' });
    expect(stopped).toBe(proven);
  });

  it('names the outsourced share cap and the least share that meets the floors', async () => {
    // Every morning needs 2; in-house works only mornings, 1 agent at most: the second agent of
    // every morning must be the vendor's, half the paid hours (no idle in-house shift can dilute it).
    const vendor = { id: 'vendor', kind: 'outsourced', cost_per_hour: 5, shift_lengths: [4], start_hours: [8] };
    const everyMorning = Array.from({ length: 168 }, (_, h) => h).filter((h) => h % 24 >= 8 && h % 24 < 12);
    const text = await explain([{ ...day, max_agents: 1 }, vendor], { max_outsourced_share: 0.2 }, everyMorning);
    expect(text).toBe(
      "The outsourced share cap of 20% cannot hold: the in-house pools' max_agents leave too few in-house hours, and the least outsourced share that meets the coverage floors is 50%; raise max_outsourced_share to at least 0.5 or in-house max_agents.",
    );
  });

  it('blames the search limit, not a rule, when the search stopped unproven and every relaxation holds', async () => {
    const text = await explain([day], { budget: 1000 }, MORNING, { proven: false, stopped: 'time limit reached', userLimitSeconds: 7 });
    expect(text).toBe(noRosterInTime(7, 'time limit reached', true));
  });
});
