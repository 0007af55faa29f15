import { describe, expect, it } from 'vitest';
import { absenceFactor, ahtFactor } from '../../src/intraday/todaysDeparture.js';
import { at, PLAN } from './dayFixture.js';

// Tuesday 08:00-11:00 of the fixture: 160-240 contacts an hour, half reaching agents, 180 s planned.
const morning = PLAN.filter((p) => p.t >= at(1, 8) && p.t < at(1, 12));

describe('ahtFactor', () => {
  it('is 1 without handle times, and moves towards the observed ratio as contacts are seen', () => {
    expect(
      ahtFactor(
        morning,
        morning.map(() => undefined),
      ),
    ).toBe(1);
    const slow = (hours: number) => morning.map((p, i) => (i < hours ? { t: p.t, contacts: p.contacts, ahtSeconds: 216 } : undefined));
    // 80 handled contacts at 1.2 times the plan: weight 80 / 180.
    expect(ahtFactor(morning, slow(1))).toBeCloseTo(1 + (0.2 * 80) / 180, 9);
    expect(ahtFactor(morning, slow(4))).toBeGreaterThan(ahtFactor(morning, slow(1)));
    expect(ahtFactor(morning, slow(4))).toBeLessThan(1.2);
  });
});

describe('absenceFactor', () => {
  it('reads the most recent three hours that report agents, and is 1 when none does', () => {
    const seen = (n: number | undefined) => ({ t: 0, contacts: 100, agentsAvailable: n });
    expect(absenceFactor([10, 10], [undefined, undefined])).toBe(1);
    expect(absenceFactor([10, 10, 10, 10], [seen(2), seen(9), seen(9), seen(9)])).toBeCloseTo(0.9, 12);
    expect(absenceFactor([10, 0, 10], [seen(8), seen(3), undefined])).toBeCloseTo(0.8, 12);
  });
});
