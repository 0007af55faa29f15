import { describe, expect, it } from 'vitest';
import { logErlangB } from '../../src/staffing/erlangB.js';
import { erlangA, erlangAFromBlocking } from '../../src/staffing/erlangA.js';
import { erlangC } from '../../src/staffing/erlangC.js';

/**
 * Brute force, independent of the series: the birth-death chain of M/M/n+M truncated far out,
 * and the tagged contact's position in queue integrated step by step (RK4) for the service level
 * and the wait of answered contacts.
 */
function bruteForce(arrivalsPerHour: number, aht: number, patience: number, n: number, within: number) {
  const lambda = arrivalsPerHour / 3600;
  const mu = 1 / aht;
  const theta = 1 / patience;
  const states = n + 400;
  const weights = [1];
  for (let j = 1; j <= states; j++) weights.push((weights[j - 1] * lambda) / (Math.min(j, n) * mu + Math.max(0, j - n) * theta));
  const sum = weights.reduce((a, b) => a + b, 0);
  const pi = weights.map((w) => w / sum);
  const pWait = pi.slice(n).reduce((a, b) => a + b, 0);
  const queue = pi.reduce((a, p, j) => a + p * Math.max(0, j - n), 0);
  // q[j] (j = 1..): probability that the tagged contact waits at position j; it starts at position k+1 on finding k waiting.
  const positions = 100;
  const rate = (j: number) => n * mu + j * theta; // leaving position j: answered ahead, or someone ahead hangs up
  const derivative = (v: Float64Array, out: Float64Array) => {
    for (let j = 1; j <= positions; j++) out[j] = -(rate(j) * v[j]) + (j < positions ? rate(j) * v[j + 1] : 0);
  };
  const q = new Float64Array(positions + 1);
  for (let j = 1; j <= positions; j++) q[j] = pi[n + j - 1];
  const [k1, k2, k3, k4, tmp] = Array.from({ length: 5 }, () => new Float64Array(positions + 1));
  const step = (from: Float64Array, k: Float64Array, h: number) => {
    for (let j = 0; j <= positions; j++) tmp[j] = q[j] + h * k[j];
    derivative(tmp, from);
  };
  const dt = 0.05;
  let servedWithin = 0;
  let servedWait = 0;
  for (let t = 0; t < 1500; t += dt) {
    const before = q[1];
    derivative(q, k1);
    step(k2, k1, dt / 2);
    step(k3, k2, dt / 2);
    step(k4, k3, dt);
    for (let j = 1; j <= positions; j++) q[j] += (dt / 6) * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
    const flux = (n * mu * (before + q[1])) / 2; // trapezoid on the answering flux
    if (t + dt <= within + 1e-9) servedWithin += flux * dt;
    servedWait += flux * dt * (t + dt / 2);
  }
  const abandonRate = (theta * queue) / lambda;
  return { pWait, abandonRate, serviceLevel: 1 - pWait + servedWithin, asaSeconds: servedWait / (1 - abandonRate) };
}

describe('Erlang A', () => {
  it('gives P(wait) 0.2798 and P(abandon) 0.0616 for 200 contacts/h, 180 s handle time, 120 s patience, 12 agents', () => {
    const m = erlangA({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 12 }, 120, 20);
    expect(m.pWait).toBeCloseTo(0.2798, 4);
    expect(m.abandonRate).toBeCloseTo(0.0616, 4);
  });

  it('agrees with a brute-force birth-death computation in every measure', () => {
    for (const [arrivals, aht, patience, n] of [
      [200, 180, 120, 12],
      [200, 180, 120, 8],
      [90, 300, 60, 6],
      [400, 240, 600, 30],
    ]) {
      const m = erlangA({ arrivalsPerHour: arrivals, ahtSeconds: aht, agents: n }, patience, 20);
      const b = bruteForce(arrivals, aht, patience, n, 20);
      expect(m.pWait).toBeCloseTo(b.pWait, 7);
      expect(m.abandonRate).toBeCloseTo(b.abandonRate, 7);
      expect(m.serviceLevel).toBeCloseTo(b.serviceLevel, 4);
      expect(m.asaSeconds).toBeCloseTo(b.asaSeconds, 2);
    }
  });

  it('turns into Erlang C as patience grows without bound', () => {
    const queue = { arrivalsPerHour: 200, ahtSeconds: 180, agents: 14 };
    const c = erlangC(queue, 20);
    const a = erlangA(queue, 1e9, 20);
    expect(Math.abs(a.pWait - c.pWait)).toBeLessThan(1e-6);
    expect(Math.abs(a.serviceLevel - c.serviceLevel)).toBeLessThan(1e-6);
    expect(Math.abs(a.asaSeconds - c.asaSeconds)).toBeLessThan(1e-4);
    expect(a.abandonRate).toBeLessThan(1e-6);
    // and gets closer as patience grows
    expect(Math.abs(erlangA(queue, 1e4, 20).serviceLevel - c.serviceLevel)).toBeGreaterThan(
      Math.abs(erlangA(queue, 1e6, 20).serviceLevel - c.serviceLevel),
    );
  });

  it('stays stable with fewer agents than Erlangs, because callers hang up', () => {
    const m = erlangA({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 8 }, 120, 20);
    expect(m.stable).toBe(true);
    expect(m.abandonRate).toBeGreaterThan(0.2);
    expect(m.occupancy).toBeLessThanOrEqual(1);
  });

  it('answers nobody with no agents', () => {
    expect(erlangA({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 0 }, 120, 20)).toMatchObject({
      pWait: 1,
      abandonRate: 1,
      serviceLevel: 0,
      asaSeconds: Infinity,
    });
  });

  it('stays finite and monotone up to 10,000 agents at 500,000 contacts an hour', () => {
    const queue = { arrivalsPerHour: 500_000, ahtSeconds: 70 };
    const logB = logErlangB((500_000 * 70) / 3600);
    let previous = erlangAFromBlocking({ ...queue, agents: 1 }, 120, 20, logB(1));
    for (let n = 250; n <= 10_000; n += 250) {
      const m = erlangAFromBlocking({ ...queue, agents: n }, 120, 20, logB(n));
      for (const v of [m.pWait, m.serviceLevel, m.asaSeconds, m.abandonRate, m.occupancy]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
      }
      expect(m.serviceLevel).toBeGreaterThanOrEqual(previous.serviceLevel - 1e-12);
      expect(m.abandonRate).toBeLessThanOrEqual(previous.abandonRate + 1e-12);
      expect(m.asaSeconds).toBeLessThanOrEqual(previous.asaSeconds + 1e-9);
      previous = m;
    }
    expect(previous.serviceLevel).toBeGreaterThan(0.99);
  });
});
