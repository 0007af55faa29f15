import { describe, expect, it } from 'vitest';
import type { LinearRow } from '../../../src/roster/model/lpFormat.js';
import { buildRosterModel } from '../../../src/roster/model/model.js';
import type { Counts } from '../../../src/roster/solve/assemble.js';
import { startVector } from '../../../src/roster/solve/startVector.js';
import { makeProblem, plainConfig } from '../helpers.js';

// Monday 2026-11-30: 2 staff needed 08:00-12:00, nobody else in the week.
const need = (slot: number) => (slot >= 8 && slot < 12 ? 2 : 0);
const day = { id: 'day-shift', kind: 'in_house', cost_per_hour: 10, shift_lengths: [4], start_hours: [8, 10] };
const vendor = { id: 'v', kind: 'outsourced', cost_per_hour: 5, productivity: 0.5, shift_lengths: [4], start_hours: [8, 22] };
const problem = makeProblem(plainConfig([day, vendor]), need);
const model = buildRosterModel(problem);

const lhs = (row: LinearRow, x: Map<string, number>) => row.terms.reduce((a, t) => a + t.coef * (x.get(t.variable) ?? Number.NaN), 0);
const holds = (row: LinearRow, x: Map<string, number>) => {
  const v = lhs(row, x);
  return row.sense === '=' ? Math.abs(v - row.rhs) < 1e-9 : row.sense === '>=' ? v >= row.rhs - 1e-9 : v <= row.rhs + 1e-9;
};

describe('startVector', () => {
  const counts: Counts = new Map([
    ['x_day.shift_8_4', 1],
    ['x_v_8_4', 2],
    ['x_day.shift_10_4', 1],
    // Sunday 22:00 runs past the end of the week into Monday 00:00-02:00.
    ['x_v_166_4', 3],
  ]);
  const x = startVector(problem, model, counts);

  it('gives every decision its agents, 0 for those not in the counts', () => {
    for (const d of model.decisions) expect(x.get(d.name)).toBe(counts.get(d.name) ?? 0);
  });

  it('gives the head counts per pool and slot, the week wrapping', () => {
    expect([7, 8, 9, 10, 11, 12, 13, 14].map((h) => x.get(`on_day.shift_${h}`))).toEqual([0, 1, 1, 2, 2, 1, 1, 0]);
    expect([0, 1, 2, 8, 11, 12, 165, 166, 167].map((h) => x.get(`on_v_${h}`))).toEqual([3, 3, 0, 2, 2, 0, 0, 3, 3]);
  });

  it('gives each needed slot its shortfall, never below zero', () => {
    // 08-09: 1 + 2 x 0.5 = 2 staffed; 10-11: 3.
    expect([8, 9, 10, 11].map((h) => x.get(`short_${h}`))).toEqual([0, 0, 0, 0]);
    const thin = startVector(problem, model, new Map([['x_v_8_4', 1]]));
    expect([8, 9, 10, 11].map((h) => thin.get(`short_${h}`))).toEqual([1.5, 1.5, 1.5, 1.5]);
    // Slots that need no one have no shortfall column.
    expect(thin.has('short_12')).toBe(false);
  });

  it('is a complete point of the program: every column has a value, and every head-count and cover row holds', () => {
    const columns = new Set([...model.program.objective, ...model.program.rows.flatMap((r) => r.terms)].map((t) => t.variable));
    for (const c of columns) expect(x.has(c), c).toBe(true);
    const rows = model.program.rows.filter((r) => r.name.startsWith('heads_') || r.name.startsWith('cover_'));
    expect(rows.length).toBeGreaterThan(2 * 168);
    for (const r of rows) expect(holds(r, x), r.name).toBe(true);
  });

  it('meets the floors exactly when the roster does', () => {
    const floors = model.program.rows.filter((r) => r.name.startsWith('floor_'));
    expect(floors.every((r) => holds(r, x))).toBe(true);
    const thin = startVector(problem, model, new Map([['x_v_8_4', 1]]));
    expect(floors.some((r) => holds(r, thin))).toBe(false);
  });
});
