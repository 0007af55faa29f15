import { describe, expect, it } from 'vitest';
import { patienceSums } from '../../src/staffing/patienceSeries.js';

/** The three sums straight from their definition (no rescaling: moderate x and y only). */
function byDefinition(x: number, y: number, terms = 2000) {
  let t = 1;
  let harmonic = 0;
  let total = 0;
  let answered = 0;
  let answeredWait = 0;
  for (let k = 0; k < terms; k++) {
    if (k > 0) t *= y / (x + k);
    harmonic += 1 / (x + k + 1);
    total += t;
    answered += (t * x) / (x + k + 1);
    answeredWait += ((t * x) / (x + k + 1)) * harmonic;
  }
  return { total, answered, answeredWait };
}

describe('patienceSums', () => {
  it('is the k = 0 term alone when nothing arrives', () => {
    // t_0 = 1; answered with probability x/(x+1), after a wait of 1/(x+1) patiences.
    expect(patienceSums(3, 0)).toEqual({ logScale: 0, total: 1, answered: 3 / 4, answeredWait: 3 / 16 });
    expect(patienceSums(1, 0)).toEqual({ logScale: 0, total: 1, answered: 1 / 2, answeredWait: 1 / 4 });
  });

  it('matches the closed forms for x = 1: Σ y^k/(k+1)! = (e^y - 1)/y and Σ y^k/(k+2)! = (e^y - 1 - y)/y²', () => {
    for (const y of [0.5, 1, 2, 7.5]) {
      const s = patienceSums(1, y);
      expect(s.logScale).toBe(0);
      expect(s.total).toBeCloseTo((Math.exp(y) - 1) / y, 12);
      expect(s.answered / ((Math.exp(y) - 1 - y) / y ** 2)).toBeCloseTo(1, 12);
    }
  });

  it('matches the closed form for a whole x = n: Σ y^k n!/(n+k)! = n! y^-n (e^y - Σ_{j<n} y^j/j!)', () => {
    const n = 4;
    const y = 3;
    // Σ_{j<4} 3^j/j! = 1 + 3 + 4.5 + 4.5 = 13; 4! = 24.
    expect(patienceSums(n, y).total / ((24 * (Math.exp(y) - 13)) / y ** n)).toBeCloseTo(1, 12);
  });

  it('agrees with the series summed term by term, under load (y > x) and not (y < x)', () => {
    for (const [x, y] of [
      [0.3, 0.1],
      [5, 2],
      [10, 9.99],
      [2.5, 40],
      [50, 120],
    ]) {
      const s = patienceSums(x, y);
      const ref = byDefinition(x, y);
      expect(s.logScale).toBe(0);
      expect(s.total / ref.total).toBeCloseTo(1, 11);
      expect(s.answered / ref.answered).toBeCloseTo(1, 11);
      expect(s.answeredWait / ref.answeredWait).toBeCloseTo(1, 11);
    }
  });

  it('rescales an overloaded hour instead of overflowing, the value being sum x e^logScale', () => {
    // x = 1: log of Σ t_k = log((e^y - 1)/y) ≈ y - ln y, far past the largest double.
    const y = 2000;
    const s = patienceSums(1, y);
    expect(s.logScale).toBeGreaterThan(0);
    for (const v of [s.total, s.answered, s.answeredWait]) expect(Number.isFinite(v) && v > 0).toBe(true);
    expect(Math.log(s.total) + s.logScale).toBeCloseTo(y - Math.log(y), 8);
    expect(Math.log(s.answered) + s.logScale).toBeCloseTo(y - 2 * Math.log(y), 8);
  });

  it('keeps the ratios of the sums across a rescale (the answered share does not jump)', () => {
    // Loads whose terms stay below 1e200 (y = 300, 400) and loads whose terms pass it.
    const loads = [300, 400, 700, 1000];
    const shares = loads.map((y) => {
      const s = patienceSums(1, y);
      return { share: s.answered / s.total, scaled: s.logScale > 0 };
    });
    expect(shares.some((s) => s.scaled)).toBe(true);
    expect(shares.some((s) => !s.scaled)).toBe(true);
    // For x = 1 the answered share is (e^y - 1 - y) / (y (e^y - 1)) = 1/y - 1/(e^y - 1), 1/y at these loads.
    loads.forEach((y, i) => expect(shares[i].share * y).toBeCloseTo(1, 10));
  });

  it('answers a smaller share of the waiting contacts as the load grows', () => {
    const share = (y: number) => {
      const s = patienceSums(4, y);
      return s.answered / s.total;
    };
    const loads = [0, 1, 2, 4, 8, 16, 64];
    for (let i = 1; i < loads.length; i++) expect(share(loads[i])).toBeLessThan(share(loads[i - 1]));
    expect(share(0)).toBeCloseTo(4 / 5, 15);
  });

  it('gives the answered a mean wait of 1/(x+1) patience with no load, growing with the load', () => {
    const x = 3;
    // Both sums carry the same scale: their ratio needs no e^logScale.
    const meanWait = (y: number) => {
      const s = patienceSums(x, y);
      return s.answeredWait / s.answered;
    };
    expect(meanWait(0)).toBeCloseTo(1 / (x + 1), 15);
    const loads = [0, 1, 10, 100, 1000];
    for (let i = 1; i < loads.length; i++) expect(meanWait(loads[i])).toBeGreaterThan(meanWait(loads[i - 1]));
  });
});
