import { describe, expect, it } from 'vitest';
import type { ServiceTarget } from '../../src/domain/config.js';
import { agentsNeeded } from '../../src/staffing/agentsNeeded.js';
import { erlangC } from '../../src/staffing/erlangC.js';
import { simulate, type SimulationInput } from '../../src/staffing/simulate.js';
import { type SkillSimulationInput, simulateSkills, type TierArrivals } from '../../src/staffing/simulateSkills.js';

const week = (value: number) => Array.from({ length: 168 }, () => value);
const tier = (arrivals: number, aht: number, within = 20): TierArrivals => ({
  arrivalsPerHour: week(arrivals),
  ahtSeconds: week(aht),
  answerWithinSeconds: week(within),
});
const group = (agents: number, tiers: number[]) => ({ agentsOnDuty: week(agents), tiers });
const skills = (over: Partial<SkillSimulationInput>): SkillSimulationInput => ({
  tiers: [tier(200, 180)],
  groups: [group(14, [0])],
  handleTime: { kind: 'exponential' },
  patienceSeconds: null,
  replications: 10,
  seed: 3,
  ...over,
});
type Interval = { lo: number; hi: number } | null;
const within = (value: number, e: Interval) => e !== null && e.lo <= value && value <= e.hi;
const overlap = (a: Interval, b: Interval) => a !== null && b !== null && a.lo <= b.hi && b.lo <= a.hi;

// General: 200 an hour at 180 s (10 Erlangs); senior (escalations, disputes): 30 an hour at 360 s (3 Erlangs).
const general = tier(200, 180);
const senior = tier(30, 360);

describe('simulateSkills', () => {
  it('gives the same numbers as simulate() for one tier answered by one group with the same seed', () => {
    const hours = Array.from({ length: 48 }, (_, h) => h);
    const input: SimulationInput = {
      arrivalsPerHour: hours.map((h) => (h % 24 < 6 ? 0 : 150 + 10 * (h % 7))),
      agentsOnDuty: hours.map((h) => (h % 24 < 6 ? h % 2 : 9 + (h % 5))),
      ahtSeconds: hours.map((h) => 170 + h),
      answerWithinSeconds: hours.map(() => 20),
      handleTime: { kind: 'lognormal', cv: 1.4 },
      patienceSeconds: 90,
      replications: 4,
      seed: 8,
    };
    const single = simulate(input);
    const { arrivalsPerHour, ahtSeconds, answerWithinSeconds, agentsOnDuty } = input;
    const r = simulateSkills({
      ...skills(input),
      tiers: [{ arrivalsPerHour, ahtSeconds, answerWithinSeconds }],
      groups: [{ agentsOnDuty, tiers: [0] }],
    });
    expect(r.tiers[0].hours).toEqual(single.hours.map(({ occupancy, ...service }) => service));
    const { occupancy, ...total } = single.total;
    expect(r.tiers[0].total).toEqual(total);
    expect(r.groups[0]).toEqual({ hours: single.hours.map((s) => s.occupancy), total: occupancy });
    expect(r.occupancy).toEqual(r.groups[0]);
    expect(r.replications).toBe(4);
  });

  it('runs two tiers with dedicated groups like two independent single-queue simulations', () => {
    const r = simulateSkills(skills({ tiers: [general, tier(60, 300)], groups: [group(14, [0]), group(7, [1])], patienceSeconds: 120 }));
    const alone = (t: TierArrivals, agents: number, seed: number) =>
      simulate({ ...t, agentsOnDuty: week(agents), handleTime: { kind: 'exponential' }, patienceSeconds: 120, replications: 10, seed });
    const cases = [
      { skill: r.tiers[0].total, occupancy: r.groups[0].total, single: alone(general, 14, 21).total, offered: 168 * 200 },
      { skill: r.tiers[1].total, occupancy: r.groups[1].total, single: alone(tier(60, 300), 7, 22).total, offered: 168 * 60 },
    ];
    for (const { skill, occupancy, single, offered } of cases) {
      expect(Math.abs(skill.offered / offered - 1)).toBeLessThan(0.02); // each tier gets its own arrival rate
      expect(overlap(skill.serviceLevel, single.serviceLevel)).toBe(true);
      expect(overlap(skill.asaSeconds, single.asaSeconds)).toBe(true);
      expect(overlap(skill.abandonRate, single.abandonRate)).toBe(true);
      expect(overlap(occupancy, single.occupancy)).toBe(true);
    }
    // Overall occupancy lies between the groups'.
    const [a, b] = r.groups.map((g) => g.total!.mean);
    expect(r.occupancy.total!.mean).toBeGreaterThan(Math.min(a, b));
    expect(r.occupancy.total!.mean).toBeLessThan(Math.max(a, b));
  });

  it('agrees with Erlang C per tier when each tier has its own group', () => {
    const r = simulateSkills(skills({ tiers: [general, senior], groups: [group(14, [0]), group(4, [1])] }));
    expect(within(erlangC({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14 }, 20).serviceLevel, r.tiers[0].total.serviceLevel)).toBe(
      true,
    );
    expect(within(erlangC({ arrivalsPerHour: 30, ahtSeconds: 360, agents: 4 }, 20).serviceLevel, r.tiers[1].total.serviceLevel)).toBe(true);
    expect(within(erlangC({ arrivalsPerHour: 30, ahtSeconds: 360, agents: 4 }, 20).asaSeconds, r.tiers[1].total.asaSeconds)).toBe(true);
  });

  it('serves the senior tier poorly when only a too-small senior group answers it, while general is fine', () => {
    // 3 senior agents for 3 Erlangs: the senior queue never settles; general has its own 14.
    const r = simulateSkills(skills({ tiers: [general, senior], groups: [group(14, [0]), group(3, [1])] }));
    const [gen, sen] = r.tiers.map((t) => t.total);
    expect(gen.serviceLevel!.lo).toBeGreaterThan(0.85);
    expect(gen.asaSeconds!.hi).toBeLessThan(15);
    expect(sen.serviceLevel!.hi).toBeLessThan(0.2);
    expect(sen.asaSeconds!.lo).toBeGreaterThan(600);
    expect(r.groups[1].total!.mean).toBeGreaterThan(0.95);
  });

  it('improves senior service with a cross-skilled group for the same heads (pooling)', () => {
    // 18 heads either way: 14 general + 4 senior, or 12 general + 2 senior + 4 answering both.
    const dedicated = simulateSkills(skills({ tiers: [general, senior], groups: [group(14, [0]), group(4, [1])] }));
    const crossed = simulateSkills(skills({ tiers: [general, senior], groups: [group(12, [0]), group(2, [1]), group(4, [0, 1])] }));
    const pooled = simulateSkills(skills({ tiers: [general, senior], groups: [group(18, [0, 1])] }));
    const sl = (r: typeof dedicated, i: number) => r.tiers[i].total.serviceLevel!;
    expect(sl(crossed, 1).lo).toBeGreaterThan(sl(dedicated, 1).hi);
    expect(crossed.tiers[1].total.asaSeconds!.hi).toBeLessThan(dedicated.tiers[1].total.asaSeconds!.lo);
    expect(sl(crossed, 0).hi).toBeGreaterThan(sl(dedicated, 0).lo); // general is no worse for it
    expect(sl(pooled, 1).lo).toBeGreaterThan(sl(crossed, 1).hi); // and everyone answering everything is better still
  });

  it('meets each tier target with the agents agentsNeeded gives it', () => {
    const target = (seconds: number): ServiceTarget => ({
      answer_within_seconds: seconds,
      service_level: 0.8,
      max_asa_seconds: null,
      max_occupancy: null,
      patience_seconds: null,
      max_abandon_rate: null,
    });
    const gen = agentsNeeded(200, 180, target(20));
    const sen = agentsNeeded(30, 360, target(60));
    const r = simulateSkills(skills({ tiers: [general, tier(30, 360, 60)], groups: [group(gen, [0]), group(sen, [1])], replications: 20 }));
    for (const t of r.tiers) expect(t.total.serviceLevel!.hi).toBeGreaterThanOrEqual(0.8);
  });

  it('gives the same result for the same seed and another for another seed', () => {
    const input = skills({ tiers: [general, senior], groups: [group(12, [0]), group(2, [1]), group(4, [0, 1])], replications: 2 });
    expect(simulateSkills(input)).toEqual(simulateSkills(input));
    expect(simulateSkills({ ...input, seed: 4 }).tiers[1].total.serviceLevel).not.toEqual(
      simulateSkills(input).tiers[1].total.serviceLevel,
    );
  });

  it('changes each group’s shift at the hour and never answers a tier no group serves', () => {
    // Group 0 covers the first hour, group 1 the second; leavers finish what they hold.
    const r = simulateSkills(
      skills({
        tiers: [
          { arrivalsPerHour: [200, 200], ahtSeconds: [180, 180], answerWithinSeconds: [20, 20] },
          { arrivalsPerHour: [20, 20], ahtSeconds: [180, 180], answerWithinSeconds: [20, 20] },
        ],
        groups: [
          { agentsOnDuty: [15, 0], tiers: [0] },
          { agentsOnDuty: [0, 15], tiers: [0] },
        ],
        replications: 3,
      }),
    );
    expect(r.groups[0].hours[1]).toBeNull();
    expect(r.groups[1].hours[0]).toBeNull();
    expect(r.groups[0].hours[0]!.mean).toBeGreaterThan(0.5);
    expect(r.groups[1].hours[1]!.mean).toBeGreaterThan(0.5);
    expect(r.tiers[0].total.serviceLevel!.mean).toBeGreaterThan(0.8);
    expect(r.tiers[1].total.abandonRate).toEqual({ mean: 1, lo: 1, hi: 1 });
    expect(r.tiers[1].total.asaSeconds).toBeNull();
  });

  it('rejects hours that do not line up and groups serving a tier that does not exist', () => {
    expect(() => simulateSkills(skills({ groups: [{ agentsOnDuty: [14], tiers: [0] }] }))).toThrow(RangeError);
    expect(() => simulateSkills(skills({ groups: [group(14, [1])] }))).toThrow(/tier 1/);
    expect(() => simulateSkills(skills({ tiers: [] }))).toThrow(RangeError);
  });
});
