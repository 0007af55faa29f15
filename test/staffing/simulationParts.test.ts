import { describe, expect, it } from 'vitest';
import { AgentHeap } from '../../src/staffing/agentHeap.js';
import { estimate, tQuantile975 } from '../../src/staffing/confidence.js';
import { unitHandleTime } from '../../src/staffing/handleTimes.js';
import { availableAgents, staffedBySlot } from '../../src/staffing/onDuty.js';
import { seededRandom } from '../../src/domain/random.js';

describe('seededRandom', () => {
  it('repeats a stream for the same seed and stream, and differs between streams', () => {
    const draw = (seed: number, stream: number) => Array.from({ length: 5 }, seededRandom(seed, stream).uniform);
    expect(draw(1, 0)).toEqual(draw(1, 0));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
    expect(draw(1, 0)).not.toEqual(draw(2, 0));
  });

  it('draws uniforms in (0, 1) with mean 1/2 and normals with mean 0 and variance 1', () => {
    const r = seededRandom(5);
    const u = Array.from({ length: 100_000 }, r.uniform);
    expect(Math.min(...u)).toBeGreaterThan(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(u.reduce((a, b) => a + b, 0) / u.length).toBeCloseTo(0.5, 2);
    const z = Array.from({ length: 100_000 }, r.normal);
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length).toBeCloseTo(1, 1);
  });
});

describe('unitHandleTime', () => {
  it('draws lognormal handle times with mean 1 and the requested coefficient of variation', () => {
    const draw = unitHandleTime({ kind: 'lognormal', cv: 1.2 }, seededRandom(3));
    const xs = Array.from({ length: 400_000 }, draw);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    expect(mean).toBeCloseTo(1, 1);
    expect(sd / mean).toBeGreaterThan(1.1);
    expect(sd / mean).toBeLessThan(1.3);
  });
});

describe('AgentHeap', () => {
  it('always gives the earliest free time, through adds, assignments and removals', () => {
    const heap = new AgentHeap(200);
    const mirror: number[] = [];
    const r = seededRandom(9);
    for (let step = 0; step < 5000; step++) {
      const roll = r.uniform();
      if (mirror.length < 200 && (roll < 0.4 || mirror.length === 0)) {
        const t = r.uniform() * 1000;
        heap.add(t);
        mirror.push(t);
      } else if (roll < 0.7) {
        const until = Math.min(...mirror) + r.uniform() * 100;
        mirror.splice(mirror.indexOf(Math.min(...mirror)), 1, until);
        heap.assignEarliest(until);
      } else {
        heap.removeAt(Math.floor(r.uniform() * heap.size));
        const left = drain(heap); // comes out in ascending order if the heap order held
        expect(left).toEqual([...left].sort((a, b) => a - b));
        const all = [...mirror].sort((a, b) => a - b);
        const gone = all.findIndex((t, i) => t !== left[i]);
        all.splice(gone === -1 ? all.length - 1 : gone, 1);
        expect(left).toEqual(all); // exactly one agent left
        mirror.splice(0, mirror.length, ...left);
        left.forEach((t) => heap.add(t));
      }
      expect(heap.size).toBe(mirror.length);
      expect(heap.earliest()).toBe(mirror.length ? Math.min(...mirror) : Infinity);
    }
  });
});

/** Empties a heap into a list (order of the heap's array). */
function drain(heap: AgentHeap): number[] {
  const out: number[] = [];
  while (heap.size > 0) {
    out.push(heap.earliest());
    heap.removeAt(0);
  }
  return out;
}

describe('staffedBySlot and availableAgents', () => {
  it('wraps a shift past the last slot of the week to its first', () => {
    const staffed = staffedBySlot([{ startSlot: 166, hours: 4, agents: 3, productivity: 0.9 }], 168);
    expect([staffed[166], staffed[167], staffed[0], staffed[1], staffed[2], staffed[165]].map((x) => +x.toFixed(9))).toEqual([
      2.7, 2.7, 2.7, 2.7, 0, 0,
    ]);
  });

  it('floors staffed x (1 - shrinkage), an agent there 95% of the hour counting as one', () => {
    expect(availableAgents(10 / 0.7, 0.3)).toBe(10);
    expect(availableAgents(14.2, 0.3)).toBe(9);
    // A tier's share as roster.json writes it, rounded to 6 decimals: 10/7 is one agent.
    expect(availableAgents(1.428571, 0.3)).toBe(1);
    // A sliver of a pooled shortfall spread over the tiers (0.99 agents) leaves the agent there.
    expect(availableAgents(1.414286, 0.3)).toBe(1);
    // 0.94 of an agent is not one.
    expect(availableAgents(1.343, 0.3)).toBe(0);
    expect(availableAgents(13.5, 0.3)).toBe(9);
  });
});

describe('estimate', () => {
  it('gives the mean and a Student t 95% interval, leaving out undefined replications', () => {
    const e = estimate([0.8, 0.82, 0.84, NaN])!;
    expect(e.mean).toBeCloseTo(0.82, 12);
    expect(e.hi - e.mean).toBeCloseTo((4.30265273 * 0.02) / Math.sqrt(3), 9);
    expect(estimate([NaN])).toBeNull();
  });

  it('has Student t quantiles close to the tables', () => {
    expect(tQuantile975(19)).toBeCloseTo(2.093024, 5);
    expect(tQuantile975(9)).toBeCloseTo(2.262157, 4);
    expect(tQuantile975(120)).toBeCloseTo(1.97993, 5);
  });
});
