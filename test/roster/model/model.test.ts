import { describe, expect, it } from 'vitest';
import { buildRosterModel, offDaySets } from '../../../src/roster/model/model.js';
import { toLpFormat } from '../../../src/roster/model/lpFormat.js';
import { makeProblem, plainConfig } from '../helpers.js';

const inhouse = { id: 'inhouse', kind: 'in_house', cost_per_hour: 10, night_premium: 0.5, shift_lengths: [8] } as const;

describe('buildRosterModel', () => {
  it('offers a shift at every slot whose local hour is a start hour, named by pool, start slot and length', () => {
    const model = buildRosterModel(makeProblem(plainConfig([{ ...inhouse, start_hours: [8, 20] }]), () => 1));
    expect(model.decisions.map((d) => d.name).slice(0, 3)).toEqual(['x_inhouse_8_8', 'x_inhouse_20_8', 'x_inhouse_32_8']);
    expect(model.decisions).toHaveLength(14);
  });

  it('lets a shift starting in the last slot cover slot 0 (the week wraps)', () => {
    const model = buildRosterModel(makeProblem(plainConfig([{ ...inhouse, start_hours: [23] }]), () => 1));
    const row = (name: string) => model.program.rows.find((r) => r.name === name)!.terms;
    // Slot 0's head count includes the shift started at 23:00 on Sunday, which ends at slot 7.
    expect(row('heads_inhouse_0')).toEqual([
      { variable: 'on_inhouse_0', coef: 1 },
      { variable: 'x_inhouse_167_8', coef: -1 },
    ]);
    expect(row('heads_inhouse_7')).toContainEqual({ variable: 'x_inhouse_167_8', coef: 1 });
    expect(row('heads_inhouse_167')).toContainEqual({ variable: 'x_inhouse_167_8', coef: -1 });
    expect(row('floor_0')).toEqual([{ variable: 'on_inhouse_0', coef: 1 }]);
  });

  it('writes a floor and a shortfall row for the first and the last slot', () => {
    const rows = buildRosterModel(makeProblem(plainConfig([inhouse]), () => 2)).program.rows.map((r) => r.name);
    expect(rows).toEqual(expect.arrayContaining(['floor_0', 'floor_167', 'cover_0', 'cover_167']));
    expect(rows.filter((r) => r.startsWith('floor_'))).toHaveLength(168);
  });

  it('prices night hours with the night premium', () => {
    // 22:00-06:00: two day hours and six night hours (night is 00:00-08:00).
    const model = buildRosterModel(makeProblem(plainConfig([{ ...inhouse, start_hours: [22] }]), () => 1));
    expect(model.decisions[0].cost).toBe(2 * 10 + 6 * 15);
  });

  it('counts agents, not productivity, against max_agents', () => {
    const vendor = { id: 'vendor', kind: 'outsourced', cost_per_hour: 5, productivity: 0.9, shift_lengths: [4], max_agents: 3 };
    const rows = buildRosterModel(makeProblem(plainConfig([inhouse, vendor]), () => 1)).program.rows;
    const max = rows.find((r) => r.name === 'max_vendor_10')!;
    expect(max.terms.every((t) => t.coef === 1)).toBe(true);
    expect(max.rhs).toBe(3);
    expect(rows.find((r) => r.name === 'floor_10')!.terms).toContainEqual({ variable: 'on_vendor_10', coef: 0.9 });
  });

  it('expands a tour into the same shift on each working day', () => {
    const pool = { ...inhouse, start_hours: [9], week_pattern: { days: 5, consecutive_days_off: true } };
    const model = buildRosterModel(makeProblem(plainConfig([pool]), () => 1));
    const satSunOff = model.decisions.find((d) => d.name === 't_inhouse_9_8_off56')!;
    expect(satSunOff.starts).toEqual([9, 33, 57, 81, 105]);
    expect(satSunOff.paidHours).toBe(40);
  });

  it('emits LP text HiGHS can read, with integer decisions under Generals', () => {
    const text = toLpFormat(buildRosterModel(makeProblem(plainConfig([inhouse]), () => 1)).program);
    expect(text).toMatch(/^Minimize\n obj: 120 x_inhouse_0_8/);
    expect(text).toContain('floor_167:');
    expect(text).toMatch(/Generals\n x_inhouse_0_8/);
  });
});

describe('offDaySets', () => {
  it('gives the seven pairs of adjacent days, Sunday-Monday included, for 5 consecutive days', () => {
    expect(offDaySets({ days: 5, consecutive_days_off: true })).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
      [0, 6],
    ]);
  });

  it('gives every pair of days when the days off need not be adjacent', () => {
    expect(offDaySets({ days: 5, consecutive_days_off: false })).toHaveLength(21);
  });
});
