import { describe, expect, it } from 'vitest';
import type { LinearProgram } from '../../../src/roster/model/lpFormat.js';
import { solveWithHighs } from '../../../src/roster/solve/highs.js';

// minimise x + 2y subject to r1: x + y >= 4, r2: x <= 3. Optimum x = 3, y = 1, objective 5.
// By hand: one more unit of r1 costs a y (dual 2); one more unit of r2 swaps a y for an x (dual -1).
const lp: LinearProgram = {
  objective: [
    { variable: 'x', coef: 1 },
    { variable: 'y', coef: 2 },
  ],
  rows: [
    {
      name: 'r1',
      terms: [
        { variable: 'x', coef: 1 },
        { variable: 'y', coef: 1 },
      ],
      sense: '>=',
      rhs: 4,
    },
    { name: 'r2', terms: [{ variable: 'x', coef: 1 }], sense: '<=', rhs: 3 },
  ],
  integers: ['x', 'y'],
};

const variants = [
  // r2 at 5: x = 4, y = 0.
  { rows: [{ name: 'r2', rhs: 5 }] },
  // r1 freed: nothing to buy.
  { rows: [{ name: 'r1', rhs: null }] },
  // y fixed at 0: x would need 4 > 3.
  { columns: [{ name: 'y', upper: 0 }] },
  // r1 as x + 3y >= 4: y now covers at 2/3 a unit, x at 1: y = 4/3.
  { rows: [{ name: 'r1', rhs: 4, terms: [{ variable: 'y', coef: 3 }] }] },
  // Every change above undone: the LP again.
  {},
];

describe('solveWithHighs: duals, variants and cuts of one LP', () => {
  for (const inThread of [true, false]) {
    it(`answers the duals and each variant's optimum, then the LP tightened by cuts (${inThread ? 'in thread' : 'on the worker pool'})`, async () => {
      const cut = { name: 'c', terms: [{ variable: 'y', coef: 1 }], sense: '>=' as const, rhs: 2 };
      const out = await solveWithHighs(lp, {
        timeLimitSeconds: 10,
        mipRelGap: 0,
        relax: true,
        inThread,
        duals: true,
        variants,
        cuts: [cut],
      });
      expect(out.base!.status).toBe('optimal');
      expect(out.base!.objective).toBeCloseTo(5, 9);
      expect(out.base!.values.get('x')).toBeCloseTo(3, 9);
      expect(out.base!.duals.get('r1')).toBeCloseTo(2, 9);
      expect(out.base!.duals.get('r2')).toBeCloseTo(-1, 9);
      const [wider, freed, fixed, coefficient, again] = out.base!.variants;
      expect(wider).toBeCloseTo(4, 9);
      expect(freed).toBeCloseTo(0, 9);
      expect(fixed).toBeNull();
      expect(coefficient).toBeCloseTo(8 / 3, 9);
      expect(again).toBeCloseTo(5, 9);
      // With y >= 2 added: x = 2, y = 2.
      expect(out.status).toBe('optimal');
      expect(out.objective).toBeCloseTo(6, 9);
      expect(out.bound).toBeCloseTo(6, 9);
      expect(out.values.get('y')).toBeCloseTo(2, 9);
    });
  }

  it('solves the variants of an LP with no optimum (a variant may free the rule in the way)', async () => {
    const tight: LinearProgram = {
      ...lp,
      rows: [...lp.rows, { name: 'r3', terms: lp.rows[0].terms, sense: '<=', rhs: 2 }],
    };
    const cut = { name: 'c', terms: [{ variable: 'y', coef: 1 }], sense: '>=' as const, rhs: 2 };
    const out = await solveWithHighs(tight, {
      timeLimitSeconds: 10,
      mipRelGap: 0,
      relax: true,
      inThread: true,
      duals: true,
      variants: [{ rows: [{ name: 'r3', rhs: null }] }],
      cuts: [cut],
    });
    expect(out.status).toBe('infeasible');
    expect(out.base).toMatchObject({ status: 'infeasible', objective: null, duals: new Map() });
    expect(out.base!.variants[0]).toBeCloseTo(5, 9);
  });

  it('answers no base without the options, and refuses them on a MIP', async () => {
    expect((await solveWithHighs(lp, { timeLimitSeconds: 10, mipRelGap: 0, relax: true, inThread: true })).base).toBeUndefined();
    await expect(solveWithHighs(lp, { timeLimitSeconds: 10, mipRelGap: 0, inThread: true, duals: true })).rejects.toThrow(/LP/);
  });
});
