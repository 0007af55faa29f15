import { describe, expect, it } from 'vitest';
import { buildRosterModel } from '../../../src/roster/model/model.js';
import { solveRoster } from '../../../src/roster/solve/solve.js';
import { verifyRoster } from '../../../src/roster/verify.js';
import { makeProblem, plainConfig } from '../helpers.js';

const inhouse = { id: 'inhouse', kind: 'in_house', cost_per_hour: 10, night_premium: 0.3, shift_lengths: [8] } as const;
const vendor = { id: 'vendor', kind: 'outsourced', cost_per_hour: 5, productivity: 0.9, shift_lengths: [4, 8], max_agents: 20 } as const;

describe('dominated decisions', () => {
  it('leaves out a pool shift that a no-dearer uncapped in-house pool offers at the same start', () => {
    const night = { ...inhouse, id: 'night', night_premium: 0.5, start_hours: [22, 23, 0] };
    const names = buildRosterModel(makeProblem(plainConfig([inhouse, night]), () => 1)).decisions.map((d) => d.name);
    expect(names.some((n) => n.startsWith('x_night'))).toBe(false);
  });

  it('keeps a dearer pool whose rival is capped by max_agents', () => {
    const capped = { ...inhouse, id: 'cheap', cost_per_hour: 5, max_agents: 2 };
    const names = buildRosterModel(makeProblem(plainConfig([capped, inhouse]), () => 1)).decisions.map((d) => d.name);
    expect(names).toContain('x_inhouse_0_8');
  });

  it('solves 8-hour vendor shifts as two 4-hour halves and merges them back into 8-hour shifts', async () => {
    const problem = makeProblem(plainConfig([inhouse, vendor], { max_outsourced_share: 0.5 }), () => 4);
    expect(buildRosterModel(problem).decisions.some((d) => d.name === 'x_vendor_0_8')).toBe(false);
    const roster = await solveRoster(problem);
    expect(verifyRoster(problem, roster)).toEqual([]);
    const vendorShifts = roster.shifts.filter((s) => s.pool === 'vendor');
    expect(vendorShifts.length).toBeGreaterThan(0);
    expect(vendorShifts.filter((s) => s.hours === 8).length).toBeGreaterThan(vendorShifts.filter((s) => s.hours === 4).length);
  });
});
