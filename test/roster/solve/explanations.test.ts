import { describe, expect, it } from 'vitest';
import { solveRoster } from '../../../src/roster/solve/solve.js';
import { makeProblem, plainConfig } from '../helpers.js';
import { REALISTIC_POOLS, realisticWeek } from '../weekShape.js';

const { inhouse, vendor } = REALISTIC_POOLS;
const week = realisticWeek(30).map((r) => r.staffNeeded);
const realistic = (extra: Record<string, unknown>) =>
  makeProblem(plainConfig([inhouse, vendor], { max_outsourced_share: 0.45, ...extra }), (slot) => week[slot]);
// A search stopped before its first node: a wall-clock limit of ~0 and a work budget of 1 iteration.
const stoppedAtOnce = { timeLimitSeconds: 0.001, iterationLimit: 1 };

/** The least budget the explanation states: [proven lower bound, a budget known to be enough]. */
function leastBudget(explanation: string): [number, number | null] {
  const exact = /least cost that meets the coverage floors under the other rules is (\d+);/.exec(explanation);
  if (exact) return [Number(exact[1]), Number(exact[1])];
  const low = /is at least (\d+)/.exec(explanation);
  const high = /at most (\d+)/.exec(explanation);
  expect(low, explanation).not.toBeNull();
  return [Number(low![1]), high ? Number(high[1]) : null];
}

describe('explanations of a week without a roster rest on a proof, not on how far the search got', () => {
  it('names the budget and its least figure for a budget-infeasible week even when the search stops at once (issue #11)', async () => {
    // Used to say "max_agents, start hours and shift lengths cannot reach the floors" (or blame
    // the time limit) when the explanation's own search found nothing in time.
    const budget = 20_000;
    const roster = await solveRoster(realistic({ budget }), stoppedAtOnce);
    expect(roster.status).toBe('infeasible');
    expect(roster.explanation).toMatch(/^The budget of 20000 is too small/);
    expect(roster.explanation).not.toMatch(/max_agents|No roster found/);
    const [low, high] = leastBudget(roster.explanation);
    expect(low).toBeGreaterThan(budget);
    // Given time, the search pins the least budget inside the same proven range.
    const settled = await solveRoster(realistic({ budget }), { timeLimitSeconds: 5 });
    expect(settled.explanation).toMatch(/^The budget of 20000 is too small/);
    const [settledLow, settledHigh] = leastBudget(settled.explanation);
    expect(settledLow).toBeGreaterThanOrEqual(low);
    if (high !== null) expect(settledLow).toBeLessThanOrEqual(high);
    // The upper figure is the cost of a roster the explanation checked (verify.ts); that such a
    // budget then solves is shown on a small week in solve.test.ts.
    expect(settledHigh).toBeGreaterThanOrEqual(settledLow);
  });

  it('names the outsourced share cap and its least figure when the search stops at once', async () => {
    const day8 = { id: 'inhouse', kind: 'in_house', cost_per_hour: 10, night_premium: 0, shift_lengths: [8], max_agents: 6 } as const;
    const config = plainConfig([day8, { ...day8, id: 'vendor', kind: 'outsourced', max_agents: null }], { max_outsourced_share: 0.1 });
    const roster = await solveRoster(
      makeProblem(config, () => 10),
      stoppedAtOnce,
    );
    expect(roster.status).toBe('infeasible');
    // The LP relaxation with the rounding cuts proves 37.9% (solve.test.ts finds a roster at 38%).
    expect(roster.explanation).toMatch(/^The outsourced share cap of 10% cannot hold: .* is (at least )?38%/);
  });

  it('names the least raise of max_agents when caps bind only jointly, from the LP relaxation', async () => {
    // Shifts from 00:00 and 04:00 overlap at 04-07: the floors before and after need 5 of each
    // there, the cap allows 5 in all (every single hour is within the cap).
    const pool = {
      id: 'inhouse',
      kind: 'in_house',
      cost_per_hour: 10,
      night_premium: 0,
      shift_lengths: [8],
      start_hours: [0, 4],
      max_agents: 5,
    } as const;
    const roster = await solveRoster(
      makeProblem(plainConfig([pool]), (_, hour) => (hour < 4 || (hour >= 8 && hour < 12) ? 5 : 0)),
      stoppedAtOnce,
    );
    expect(roster.status).toBe('infeasible');
    expect(roster.explanation).toMatch(
      /^No roster meets the coverage floors \(proven by the LP relaxation\): together, .*raise every capped pool's max_agents by at least 5/,
    );
  });

  it('says the time limit stopped the search, not that a rule is infeasible, when a roster exists', async () => {
    const roster = await solveRoster(realistic({ budget: 1_000_000 }), stoppedAtOnce);
    if (roster.status !== 'infeasible') return; // HiGHS found a roster before the first interrupt check
    expect(roster.explanation).toMatch(/^No roster found: the search reached its limit .* no hard rule is proven to be in the way/);
    expect(roster.explanation).not.toMatch(/too small|cannot reach|cannot hold/);
  });
});
