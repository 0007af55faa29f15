import { describe, expect, it } from 'vitest';
import { buildRosterModel } from '../../../src/roster/model/model.js';
import { RosterState } from '../../../src/roster/solve/rosterState.js';
import type { RosterProblem } from '../../../src/roster/types.js';
import { makeProblem, type PoolInput, plainConfig } from '../helpers.js';

// Monday 2026-11-30 08:00-12:00 needs `staff`; the rest of the week nobody. Coverage floor 100%.
function state(pools: PoolInput[], extra: Record<string, unknown> = {}, staff = 2, from = 8, to = 12) {
  const problem: RosterProblem = makeProblem(plainConfig(pools, { min_coverage: 1, ...extra }), (slot) =>
    slot >= from && slot < to ? staff : 0,
  );
  const { decisions } = buildRosterModel(problem);
  const s = new RosterState(problem, decisions);
  const at = (name: string) => decisions.findIndex((d) => d.name === name);
  const agents = () => Object.fromEntries(decisions.flatMap((d, i) => (s.count[i] > 0 ? [[d.name, s.count[i]]] : [])));
  return { s, at, agents, decisions };
}

const day = { id: 'day', kind: 'in_house', cost_per_hour: 10, shift_lengths: [4], start_hours: [8] };

describe('RosterState bookkeeping', () => {
  it('starts empty: no agents, the objective is the full shortfall penalty, floors unmet, caps held', () => {
    const { s } = state([day], { shortfall_penalty: 100 });
    expect(s.count.every((c) => c === 0)).toBe(true);
    expect(s.objective()).toBe(100 * 2 * 4);
    expect(s.meetsFloors()).toBe(false);
    expect(s.withinCaps()).toBe(true);
  });

  it('prices cost plus penalty for what is still short as agents are added and taken off', () => {
    const { s, at } = state([day], { shortfall_penalty: 100 });
    s.add(at('x_day_8_4'), 1);
    expect(s.objective()).toBe(40 + 100 * 4);
    expect(s.meetsFloors()).toBe(false);
    s.add(at('x_day_8_4'), 2);
    // Over-staffing costs, but nothing is short.
    expect(s.objective()).toBe(120);
    expect(s.meetsFloors()).toBe(true);
    s.add(at('x_day_8_4'), -1);
    expect(s.objective()).toBe(80);
    s.add(at('x_day_8_4'), 0);
    expect(s.count[at('x_day_8_4')]).toBe(2);
  });

  it('holds the caps only while max_agents, the outsourced share and the budget all hold', () => {
    const vendor = { id: 'v', kind: 'outsourced', cost_per_hour: 5, shift_lengths: [4], start_hours: [8], max_agents: 2 };
    const { s, at } = state([day, vendor], { max_outsourced_share: 0.5, budget: 120 });
    s.add(at('x_v_8_4'), 1);
    expect(s.withinCaps()).toBe(false); // all paid hours outsourced
    s.add(at('x_day_8_4'), 1);
    expect(s.withinCaps()).toBe(true); // 50%, cost 60
    s.add(at('x_v_8_4'), 1);
    expect(s.withinCaps()).toBe(false); // 2 of 3 outsourced
    s.add(at('x_day_8_4'), 1);
    expect(s.withinCaps()).toBe(true); // 50%, cost 120 = budget
    s.add(at('x_day_8_4'), 1);
    expect(s.withinCaps()).toBe(false); // 40% outsourced, but cost 160 > 120
  });

  it('breaks max_agents in any slot the pool has more heads than its cap', () => {
    const capped = { ...day, id: 'capped', start_hours: [8, 10], max_agents: 1 };
    const { s, at } = state([capped]);
    s.add(at('x_capped_8_4'), 1);
    s.add(at('x_capped_10_4'), 1);
    // 10:00-11:00 has both on shift.
    expect(s.withinCaps()).toBe(false);
  });
});

describe('RosterState.greedyAdd', () => {
  it('adds the agents the floors need, and no more', () => {
    const { s, agents } = state([day]);
    expect(s.greedyAdd()).toBe(2);
    expect(agents()).toEqual({ x_day_8_4: 2 });
    expect(s.meetsFloors()).toBe(true);
    expect(s.greedyAdd()).toBe(0);
  });

  it('prefers the cheaper cover per unit of deficit removed', () => {
    const dear = { ...day, id: 'dear', cost_per_hour: 20 };
    const { s, agents } = state([dear, day]);
    s.greedyAdd();
    expect(agents()).toEqual({ x_day_8_4: 2 });
  });

  it('stops at max_agents, leaving the floors unmet', () => {
    const { s, agents } = state([{ ...day, max_agents: 1 }]);
    expect(s.greedyAdd()).toBe(1);
    expect(agents()).toEqual({ x_day_8_4: 1 });
    expect(s.meetsFloors()).toBe(false);
    expect(s.withinCaps()).toBe(true);
  });

  it('adds nothing beyond the budget, except for the floors when asked', () => {
    const { s } = state([day], { budget: 50 });
    expect(s.greedyAdd()).toBe(1);
    expect(s.withinCaps()).toBe(true);
    const other = state([day], { budget: 50 }).s;
    expect(other.greedyAdd(true)).toBe(2);
    expect(other.meetsFloors()).toBe(true);
    expect(other.withinCaps()).toBe(false);
  });

  it('with floorsOnly, stops once the floors are met even if more agents would lower the objective', () => {
    // Floor 50% of 2 staff: one agent meets it; the penalty would pay for the second.
    const { s, agents } = state([day], {
      min_coverage: 0.5,
      night: { start_hour: 0, end_hour: 8, min_coverage: 0.5 },
      shortfall_penalty: 100,
    });
    expect(s.greedyAdd(true)).toBe(1);
    expect(agents()).toEqual({ x_day_8_4: 1 });
    expect(s.greedyAdd()).toBe(1);
    expect(agents()).toEqual({ x_day_8_4: 2 });
  });
});

describe('RosterState.trimToBudget', () => {
  it('takes agents off until the budget holds while the floors still hold', () => {
    const { s, at, agents } = state([day], { budget: 100, min_coverage: 0.5, night: { start_hour: 0, end_hour: 8, min_coverage: 0.5 } });
    s.add(at('x_day_8_4'), 4); // 160
    expect(s.trimToBudget()).toBe(true);
    expect(agents()).toEqual({ x_day_8_4: 2 });
    expect(s.withinCaps()).toBe(true);
  });

  it('is false when the budget cannot be met without breaking a floor', () => {
    const { s, at } = state([day], { budget: 50 });
    s.add(at('x_day_8_4'), 2); // 80, and both agents are needed
    expect(s.trimToBudget()).toBe(false);
    expect(s.count[at('x_day_8_4')]).toBe(2);
  });

  it('is true at once within the budget or without one', () => {
    expect(state([day]).s.trimToBudget()).toBe(true);
    const { s, at } = state([day], { budget: 1000 });
    s.add(at('x_day_8_4'), 3);
    expect(s.trimToBudget()).toBe(true);
    expect(s.count[at('x_day_8_4')]).toBe(3);
  });
});

describe('RosterState.dropUseless', () => {
  it('drops agents that only add cost, keeping the floors', () => {
    const wide = { ...day, start_hours: [8, 20] };
    const { s, at, agents } = state([wide]);
    s.add(at('x_day_8_4'), 3);
    s.add(at('x_day_20_4'), 2);
    expect(s.dropUseless()).toBe(3);
    expect(agents()).toEqual({ x_day_8_4: 2 });
    expect(s.meetsFloors()).toBe(true);
  });

  it('keeps an agent whose removal would cost more in penalty than it saves', () => {
    // Floors at 50%: the second agent is not needed by the floor but saves 4 x 100 of penalty.
    const { s, at } = state([day], { min_coverage: 0.5, night: { start_hour: 0, end_hour: 8, min_coverage: 0.5 }, shortfall_penalty: 100 });
    s.add(at('x_day_8_4'), 2);
    expect(s.dropUseless()).toBe(0);
  });
});

describe('RosterState.moveAgents', () => {
  it('moves an agent to a nearby start of the same pool when that lowers the objective', () => {
    // Needed 10:00-14:00: the 08:00 shift covers half of it, the 10:00 shift all.
    const wide = { ...day, start_hours: [8, 10] };
    const { s, at, agents } = state([wide], { min_coverage: 0, night: { start_hour: 0, end_hour: 8, min_coverage: 0 } }, 1, 10, 14);
    s.add(at('x_day_8_4'), 1);
    expect(s.moveAgents()).toBe(1);
    expect(agents()).toEqual({ x_day_10_4: 1 });
  });

  it('does not move an agent to a start more than two hours away', () => {
    const far = { ...day, start_hours: [8, 11] };
    const { s, at, agents } = state([far], { min_coverage: 0, night: { start_hour: 0, end_hour: 8, min_coverage: 0 } }, 1, 11, 15);
    s.add(at('x_day_8_4'), 1);
    expect(s.moveAgents()).toBe(0);
    expect(agents()).toEqual({ x_day_8_4: 1 });
  });

  it('does not move an agent to another pool', () => {
    const other = { ...day, id: 'other', start_hours: [10] };
    const { s, at, agents } = state([day, other], { min_coverage: 0, night: { start_hour: 0, end_hour: 8, min_coverage: 0 } }, 1, 10, 14);
    s.add(at('x_day_8_4'), 1);
    expect(s.moveAgents()).toBe(0);
    expect(agents()).toEqual({ x_day_8_4: 1 });
  });
});
