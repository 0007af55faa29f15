import { describe, expect, it } from 'vitest';
import { agentsNeeded } from '../../src/staffing/agentsNeeded.js';
import { contactsDistribution } from '../../src/staffing/contactsDistribution.js';
import { TARGET } from '../intraday/dayFixture.js';
import { capacityScale, hourMissProbability, type StaffedHour } from '../../src/staffing/hourRisk.js';

const target = TARGET;
const hour = (agents: number, contacts = 100, lo80 = 85, hi80 = 115): StaffedHour => ({
  groups: [
    {
      contacts,
      contactsDistribution: contactsDistribution({ contacts, lo80, hi80 }),
      handledContacts: contacts,
      serviceSeconds: 240,
      agents,
      target,
    },
  ],
});
const group = (agents: number, contacts = 100) => hour(agents, contacts).groups[0];

describe('capacityScale', () => {
  it('is the most contacts whose agentsNeeded is at most the staffed agents', () => {
    for (const n of [5, 9, 12, 20]) {
      const capacity = capacityScale(group(n)) * 100;
      expect(agentsNeeded(capacity * 0.999, 240, target)).toBeLessThanOrEqual(n);
      expect(agentsNeeded(capacity * 1.002, 240, target)).toBeGreaterThan(n);
    }
  });

  it('grows with the agents', () => {
    const capacities = [4, 6, 8, 10, 15, 30].map((n) => capacityScale(group(n)));
    capacities.slice(1).forEach((c, i) => expect(c).toBeGreaterThan(capacities[i]));
  });

  it('is zero with no agents and unbounded with no contacts', () => {
    expect(capacityScale(group(0))).toBe(0);
    expect(capacityScale(group(3, 0))).toBe(Infinity);
  });

  it('misses an hour when any tier misses: independent tiers under Poisson noise alone, dependent through a shared level', () => {
    const poisson = (agents: number, contacts: number) =>
      hour(agents, contacts, contacts - 1.28155 * Math.sqrt(contacts), contacts + 1.28155 * Math.sqrt(contacts));
    const [a, b] = [hourMissProbability(poisson(9, 100)), hourMissProbability(poisson(11, 120))];
    const independent = { groups: [...poisson(9, 100).groups, ...poisson(11, 120).groups] };
    expect(hourMissProbability(independent)).toBeCloseTo(1 - (1 - a) * (1 - b), 4);
    // Wider than Poisson: a level both tiers share, so they miss together more often than apart.
    const [c, d] = [hourMissProbability(hour(9, 100, 70, 130)), hourMissProbability(hour(11, 120, 85, 160))];
    const shared = hourMissProbability({ groups: [...hour(9, 100, 70, 130).groups, ...hour(11, 120, 85, 160).groups] });
    expect(shared).toBeGreaterThan(Math.max(c, d));
    expect(shared).toBeLessThan(1 - (1 - c) * (1 - d) - 0.01);
  });
});

describe('hourMissProbability', () => {
  it('is near one half when staffed to a symmetric point forecast, and falls with more agents', () => {
    const n = agentsNeeded(100, 240, target);
    const atForecast = hourMissProbability(hour(n));
    // Integer agents carry a little headroom over the forecast: at most one half, not far below.
    expect(atForecast).toBeLessThanOrEqual(0.5);
    expect(atForecast).toBeGreaterThan(0.2);
    const more = [n - 2, n - 1, n, n + 1, n + 2, n + 4].map((k) => hourMissProbability(hour(k)));
    more.slice(1).forEach((p, i) => expect(p).toBeLessThan(more[i]));
    expect(more.at(-1)!).toBeLessThan(0.02);
  });

  it('is zero for an hour without contacts', () => {
    expect(hourMissProbability(hour(0, 0, 0, 0))).toBe(0);
  });
});
