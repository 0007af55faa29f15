import { describe, expect, it } from 'vitest';
import type { ServiceTarget } from '../../src/domain/config.js';
import { agentsNeeded, MAX_AGENTS_PER_HOUR, meetsTarget, serviceWith, TooManyAgentsError } from '../../src/staffing/agentsNeeded.js';

const target = (over: Partial<ServiceTarget> = {}): ServiceTarget => ({
  answer_within_seconds: 20,
  service_level: 0.8,
  max_asa_seconds: null,
  max_occupancy: null,
  patience_seconds: null,
  max_abandon_rate: null,
  ...over,
});

/** The smallest count that meets the target, found the slow way: every count from 0 up. */
function scanFromZero(arrivals: number, aht: number, t: ServiceTarget): number {
  for (let n = 0; ; n++) if (meetsTarget(serviceWith(arrivals, aht, n, t), t)) return n;
}

describe('agentsNeeded', () => {
  it('staffs 200 contacts/h of 180 s at 80/20 with 14 agents, who answer 88.8% within 20 s', () => {
    expect(agentsNeeded(200, 180, target())).toBe(14);
    expect(serviceWith(200, 180, 14, target()).serviceLevel).toBeCloseTo(0.888, 3);
    expect(serviceWith(200, 180, 13, target()).serviceLevel).toBeLessThan(0.8);
  });

  it('needs no agents for no contacts', () => {
    expect(agentsNeeded(0, 180, target())).toBe(0);
    expect(agentsNeeded(0, 180, target({ patience_seconds: 60 }))).toBe(0);
  });

  it('finds the same count as a scan from zero agents, for every kind of target', () => {
    const targets = [
      target(),
      target({ service_level: 0.95, answer_within_seconds: 10 }),
      target({ max_asa_seconds: 5 }),
      target({ max_occupancy: 0.85 }),
      target({ answer_within_seconds: 0, service_level: 0.5 }),
      target({ patience_seconds: 120 }),
      target({ patience_seconds: 30, answer_within_seconds: 60, service_level: 0.7 }),
      target({ patience_seconds: 180, max_abandon_rate: 0.02 }),
      target({ patience_seconds: 180, max_occupancy: 0.8, max_asa_seconds: 15 }),
    ];
    for (const t of targets) {
      for (const [arrivals, aht] of [
        [3, 300],
        [50, 240],
        [200, 180],
        [1234, 420],
        [4000, 200],
      ]) {
        expect(agentsNeeded(arrivals, aht, t), JSON.stringify({ arrivals, aht, t })).toBe(scanFromZero(arrivals, aht, t));
      }
    }
  });

  it('lets the occupancy cap bind when the service level alone would allow fewer agents', () => {
    // 1,000 Erlangs meet 80/20 at about 1,010 agents; 85% occupancy asks for 1,177.
    expect(agentsNeeded(20_000, 180, target({ max_occupancy: 0.85 }))).toBe(1177);
  });

  it('needs fewer agents with Erlang A than with Erlang C when callers are patient enough', () => {
    expect(agentsNeeded(200, 180, target({ patience_seconds: 180 }))).toBeLessThan(agentsNeeded(200, 180, target()));
  });

  it('meets a maximum abandonment rate with Erlang A', () => {
    const t = target({ patience_seconds: 60, max_abandon_rate: 0.01 });
    const n = agentsNeeded(600, 300, t);
    expect(serviceWith(600, 300, n, t).abandonRate).toBeLessThanOrEqual(0.01);
    expect(serviceWith(600, 300, n - 1, t).abandonRate).toBeGreaterThan(0.01);
  });

  it('staffs half a million contacts an hour without trouble', () => {
    const n = agentsNeeded(500_000, 60, target());
    expect(n).toBeGreaterThan(8334);
    expect(n).toBeLessThan(8600);
    expect(agentsNeeded(500_000, 60, target({ patience_seconds: 120 }))).toBeLessThanOrEqual(n);
  });
});

describe('agentsNeeded on counts no center staffs (issue 11)', () => {
  /** Arrivals per hour of 240 s contacts that make `erlangs` of load. */
  const arrivals = (erlangs: number) => (erlangs * 3600) / 240;

  it.each([
    ['1e9 contacts an hour', 1e9, target()],
    ['1e9 contacts an hour with patience', 1e9, target({ patience_seconds: 60 })],
    ['a load just under the limit whose need is over it', arrivals(MAX_AGENTS_PER_HOUR - 10), target()],
  ])('refuses %s at once instead of searching for ever', (_, perHour, t) => {
    const started = performance.now();
    expect(() => agentsNeeded(perHour, 240, t)).toThrow(TooManyAgentsError);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('still staffs a load near the limit, in well under a second', () => {
    const started = performance.now();
    const n = agentsNeeded(arrivals(90_000), 240, target());
    expect(n).toBeGreaterThan(90_000);
    expect(n).toBeLessThanOrEqual(MAX_AGENTS_PER_HOUR);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
