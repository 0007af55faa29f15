import { describe, expect, it } from 'vitest';
import { logErlangB } from '../../src/staffing/erlangB.js';
import { erlangC, erlangCFromBlocking } from '../../src/staffing/erlangC.js';

/** Textbook Erlang C from the sum of Poisson terms (in logs, no recursion): an independent check. */
function textbookPWait(a: number, n: number): number {
  const logTerm = (k: number) => k * Math.log(a) - Array.from({ length: k }, (_, i) => Math.log(i + 1)).reduce((s, x) => s + x, 0);
  const last = Math.exp(logTerm(n)) * (n / (n - a));
  let below = 0;
  for (let k = 0; k < n; k++) below += Math.exp(logTerm(k));
  return last / (below + last);
}

describe('Erlang C', () => {
  it('gives P(wait) 0.1741, service level 0.8884 within 20 s and ASA 7.84 s for 10 Erlangs and 14 agents', () => {
    const m = erlangC({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14 }, 20);
    expect(m.loadErlangs).toBeCloseTo(10, 12);
    expect(m.pWait).toBeCloseTo(0.1741, 4);
    expect(m.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(m.asaSeconds).toBeCloseTo(7.84, 2);
    expect(m.occupancy).toBeCloseTo(10 / 14, 12);
  });

  it('agrees with the textbook sum of Poisson terms to 1e-9 in P(wait), service level and ASA', () => {
    for (const a of [0.3, 2.5, 10, 47.2, 99.9]) {
      for (const extra of [1, 2, 5, 13]) {
        const n = Math.floor(a) + extra;
        const aht = 240;
        const m = erlangC({ arrivalsPerHour: (a * 3600) / aht, ahtSeconds: aht, agents: n }, 20);
        const c = textbookPWait(a, n);
        expect(Math.abs(m.pWait - c)).toBeLessThan(1e-9);
        expect(Math.abs(m.serviceLevel - (1 - c * Math.exp((-(n - a) * 20) / aht)))).toBeLessThan(1e-9);
        expect(Math.abs(m.asaSeconds - (c * aht) / (n - a))).toBeLessThan(1e-9);
      }
    }
  });

  it('says explicitly that a queue with agents <= load is unstable', () => {
    for (const agents of [0, 5, 10]) {
      expect(erlangC({ arrivalsPerHour: 200, ahtSeconds: 180, agents }, 20)).toEqual({
        loadErlangs: 10,
        pWait: 1,
        serviceLevel: 0,
        asaSeconds: Infinity,
        abandonRate: 0,
        occupancy: 1,
        stable: false,
      });
    }
  });

  it('makes nobody wait when no contact arrives, even with no agents', () => {
    expect(erlangC({ arrivalsPerHour: 0, ahtSeconds: 180, agents: 0 }, 20)).toMatchObject({
      pWait: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      stable: true,
    });
  });

  it('stays finite and monotone in agents from 0 to 10,000 at 500,000 contacts an hour', () => {
    const queue = { arrivalsPerHour: 500_000, ahtSeconds: 60 };
    const logB = logErlangB((500_000 * 60) / 3600);
    let previous = erlangCFromBlocking({ ...queue, agents: 0 }, 20, logB(0));
    for (let n = 1; n <= 10_000; n++) {
      const m = erlangCFromBlocking({ ...queue, agents: n }, 20, logB(n));
      for (const v of [m.pWait, m.serviceLevel, m.asaSeconds, m.occupancy]) expect(Number.isNaN(v)).toBe(false);
      expect(m.pWait).toBeLessThanOrEqual(previous.pWait);
      expect(m.serviceLevel).toBeGreaterThanOrEqual(previous.serviceLevel);
      expect(m.asaSeconds).toBeLessThanOrEqual(previous.asaSeconds);
      previous = m;
    }
    expect(previous.stable).toBe(true);
    expect(previous.serviceLevel).toBeGreaterThan(0.99);
  });

  it('gives a waiting probability of 0, not NaN, for 10,000 agents on a tiny load', () => {
    const m = erlangC({ arrivalsPerHour: 20, ahtSeconds: 180, agents: 10_000 }, 20);
    expect(m.pWait).toBe(0);
    expect(m.serviceLevel).toBe(1);
  });
});
