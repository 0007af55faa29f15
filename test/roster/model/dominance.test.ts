import { describe, expect, it } from 'vitest';
import type { Pool } from '../../../src/domain/config.js';
import { dropDominated, type Merge, mergeSplits } from '../../../src/roster/model/dominance.js';
import type { Decision } from '../../../src/roster/model/model.js';
import { makeProblem, type PoolInput, plainConfig } from '../helpers.js';

/** The validated pools (defaults filled) and the week's slots. */
function setup(...pools: PoolInput[]) {
  const problem = makeProblem(plainConfig(pools), () => 1);
  return { pools: problem.pools, slots: problem.slots, pool: (id: string) => problem.pools.find((p) => p.id === id)! };
}

/** A plain shift decision; cost by default cost_per_hour x hours (no night premium in these pools). */
function shift(pool: Pool, start: number, hours: number, cost = pool.cost_per_hour * hours): Decision {
  return { name: `x_${pool.id}_${start}_${hours}`, pool, hours, starts: [start], tour: null, cost, paidHours: hours };
}

const names = (ds: readonly Decision[]) => ds.map((d) => d.name);
const base = { kind: 'in_house', shift_lengths: [4] } as const;

describe('dropDominated: a pool shift another pool offers at no more cost', () => {
  it('drops the dearer in-house shift at the same start and length, and only that one', () => {
    const { pools, slots, pool } = setup({ ...base, id: 'a', cost_per_hour: 10 }, { ...base, id: 'b', cost_per_hour: 12 });
    const all = [shift(pool('a'), 8, 4), shift(pool('b'), 8, 4), shift(pool('b'), 9, 4)];
    const { kept, merges } = dropDominated(all, pools, slots);
    expect(names(kept)).toEqual(['x_a_8_4', 'x_b_9_4']);
    expect(merges).toEqual([]);
  });

  it('with tiers, keeps a dearer shift of a pool serving a tier the cheaper pool does not, and drops it when the cheaper serves all', () => {
    const problem = makeProblem(
      plainConfig([
        { ...base, id: 'a', cost_per_hour: 10, tiers: ['general'] },
        { ...base, id: 'b', cost_per_hour: 12, tiers: ['senior'] },
        { ...base, id: 'c', cost_per_hour: 8, tiers: ['general', 'senior'] },
      ]),
      () => 1,
    );
    const [a, b, c] = problem.pools;
    const all = [shift(a, 8, 4), shift(b, 8, 4)];
    expect(names(dropDominated(all, problem.pools, problem.slots, problem.tiers).kept)).toEqual(['x_a_8_4', 'x_b_8_4']);
    // Without the tiers (one pooled group) b's shift is dominated by a's.
    expect(names(dropDominated(all, problem.pools, problem.slots).kept)).toEqual(['x_a_8_4']);
    // c serves both tiers, cheaper: it dominates a and b.
    expect(names(dropDominated([...all, shift(c, 8, 4)], problem.pools, problem.slots, problem.tiers).kept)).toEqual(['x_c_8_4']);
  });

  it('keeps both when the cheaper pool has a max_agents of its own', () => {
    const { pools, slots, pool } = setup({ ...base, id: 'a', cost_per_hour: 10, max_agents: 5 }, { ...base, id: 'b', cost_per_hour: 12 });
    const all = [shift(pool('a'), 8, 4), shift(pool('b'), 8, 4)];
    expect(names(dropDominated(all, pools, slots).kept)).toEqual(['x_a_8_4', 'x_b_8_4']);
  });

  it('keeps both when the cheaper pool is less productive', () => {
    const { pools, slots, pool } = setup(
      { ...base, id: 'a', cost_per_hour: 10, productivity: 0.9 },
      { ...base, id: 'b', cost_per_hour: 12 },
    );
    const all = [shift(pool('a'), 8, 4), shift(pool('b'), 8, 4)];
    expect(names(dropDominated(all, pools, slots).kept)).toEqual(['x_a_8_4', 'x_b_8_4']);
  });

  it('never drops an in-house shift for an outsourced one (the outsourced share could grow), but drops outsourced for in-house', () => {
    const { pools, slots, pool } = setup(
      { ...base, id: 'vendor', kind: 'outsourced', cost_per_hour: 5 },
      { ...base, id: 'house', cost_per_hour: 10 },
      { ...base, id: 'dear', kind: 'outsourced', cost_per_hour: 10 },
    );
    const all = [shift(pool('vendor'), 8, 4), shift(pool('house'), 8, 4), shift(pool('dear'), 8, 4)];
    // dear loses to house (same cost, in-house); vendor and house beat neither way.
    expect(names(dropDominated(all, pools, slots).kept)).toEqual(['x_vendor_8_4', 'x_house_8_4']);
  });

  it('between two equal pools, drops only the one listed later in the config', () => {
    const { pools, slots, pool } = setup({ ...base, id: 'first', cost_per_hour: 10 }, { ...base, id: 'second', cost_per_hour: 10 });
    const all = [shift(pool('second'), 8, 4), shift(pool('first'), 8, 4)];
    // Two equal pools never drop each other: the earlier pool in the config wins.
    expect(names(dropDominated(all, pools, slots).kept)).toEqual(['x_first_8_4']);
  });

  it('keeps a more productive dearer pool (it is not dominated by a cheaper, less productive one)', () => {
    const { pools, slots, pool } = setup(
      { ...base, id: 'fast', cost_per_hour: 12, productivity: 1.2 },
      { ...base, id: 'slow', cost_per_hour: 10 },
    );
    const all = [shift(pool('fast'), 8, 4), shift(pool('slow'), 8, 4)];
    expect(names(dropDominated(all, pools, slots).kept)).toEqual(['x_fast_8_4', 'x_slow_8_4']);
  });

  it('never drops a tour, even beside a cheaper plain shift at its start', () => {
    const { pools, slots, pool } = setup({ ...base, id: 'a', cost_per_hour: 10 }, { ...base, id: 'b', cost_per_hour: 12 });
    const tour: Decision = { ...shift(pool('b'), 8, 4), name: 't_b_8_4_offnone', starts: [8, 32], tour: { startHour: 8, daysOff: [] } };
    expect(names(dropDominated([shift(pool('a'), 8, 4), tour], pools, slots).kept)).toEqual(['x_a_8_4', 't_b_8_4_offnone']);
  });
});

describe('dropDominated: a shift equal to two shorter ones back to back', () => {
  it('drops an 8-hour shift when 4 hours at its start and 4 right after cost the same, recording the merge', () => {
    const { pools, slots, pool } = setup({ id: 'v', kind: 'outsourced', cost_per_hour: 5, shift_lengths: [4, 8] });
    const v = pool('v');
    const [a, b, whole] = [shift(v, 8, 4), shift(v, 12, 4), shift(v, 8, 8)];
    const { kept, merges } = dropDominated([a, b, whole], pools, slots);
    expect(kept).toEqual([a, b]);
    expect(merges).toEqual([{ whole, parts: [a, b] }]);
  });

  it('keeps the long shift when the halves cost a different amount (e.g. a night premium on one)', () => {
    const { pools, slots, pool } = setup({ id: 'v', kind: 'outsourced', cost_per_hour: 5, shift_lengths: [4, 8] });
    const v = pool('v');
    const all = [shift(v, 8, 4), shift(v, 12, 4, 26), shift(v, 8, 8)];
    const { kept, merges } = dropDominated(all, pools, slots);
    expect(names(kept)).toEqual(['x_v_8_4', 'x_v_12_4', 'x_v_8_8']);
    expect(merges).toEqual([]);
  });

  it('keeps the long shift when the second half cannot start right after the first', () => {
    const { pools, slots, pool } = setup({ id: 'v', kind: 'outsourced', cost_per_hour: 5, shift_lengths: [4, 8], start_hours: [8] });
    const v = pool('v');
    const all = [shift(v, 8, 4), shift(v, 8, 8)];
    expect(names(dropDominated(all, pools, slots).kept)).toEqual(['x_v_8_4', 'x_v_8_8']);
  });

  it('finds the second half across the end of the week (the week wraps)', () => {
    const { pools, slots, pool } = setup({ id: 'v', kind: 'outsourced', cost_per_hour: 5, shift_lengths: [4, 8] });
    const v = pool('v');
    const last = slots.length - 4;
    const [a, b, whole] = [shift(v, last, 4), shift(v, 0, 4), shift(v, last, 8)];
    expect(dropDominated([a, b, whole], pools, slots).merges).toEqual([{ whole, parts: [a, b] }]);
  });
});

describe('mergeSplits', () => {
  const { pool } = setup({ id: 'v', kind: 'outsourced', cost_per_hour: 5, shift_lengths: [4, 8] });
  const v = pool('v');
  const [p0, p4, p8] = [shift(v, 0, 4), shift(v, 4, 4), shift(v, 8, 4)];
  const merge = (a: Decision, b: Decision): Merge => ({ whole: shift(v, a.starts[0], 8), parts: [a, b] });

  it('turns as many pairs as both halves have into the long shift, leaving the rest', () => {
    const out = mergeSplits(
      [merge(p0, p4)],
      new Map([
        [p0.name, 3],
        [p4.name, 2],
      ]),
    );
    expect(out).toEqual(
      new Map([
        [p0.name, 1],
        [p4.name, 0],
        ['x_v_0_8', 2],
      ]),
    );
  });

  it('merges nothing when a half has no agents, and does not change the counts given', () => {
    const counts = new Map([[p0.name, 3]]);
    expect(mergeSplits([merge(p0, p4)], counts)).toEqual(counts);
    expect(counts).toEqual(new Map([[p0.name, 3]]));
  });

  it('merges the earliest start first when two merges share a half', () => {
    const out = mergeSplits(
      [merge(p4, p8), merge(p0, p4)],
      new Map([
        [p0.name, 1],
        [p4.name, 1],
        [p8.name, 1],
      ]),
    );
    expect(out.get('x_v_0_8')).toBe(1);
    expect(out.get('x_v_4_8') ?? 0).toBe(0);
    expect(out.get(p8.name)).toBe(1);
  });

  it('keeps the agents on shift in every slot and the paid hours (a merge is the same work)', () => {
    const merges = [merge(p0, p4), merge(p4, p8)];
    const counts = new Map([
      [p0.name, 2],
      [p4.name, 5],
      [p8.name, 1],
    ]);
    const out = mergeSplits(merges, counts);
    const all = [p0, p4, p8, ...merges.map((m) => m.whole)];
    const heads = (c: Map<string, number>) =>
      Array.from({ length: 12 }, (_, h) =>
        all.reduce((a, d) => a + (h >= d.starts[0] && h < d.starts[0] + d.hours ? (c.get(d.name) ?? 0) : 0), 0),
      );
    expect(heads(out)).toEqual(heads(counts));
    expect([...out.values()].every((n) => n >= 0)).toBe(true);
  });
});
