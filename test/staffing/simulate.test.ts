import { describe, expect, it } from 'vitest';
import { erlangA } from '../../src/staffing/erlangA.js';
import { erlangC } from '../../src/staffing/erlangC.js';
import { simulate, type SimulationInput } from '../../src/staffing/simulate.js';

const week = (value: number) => Array.from({ length: 168 }, () => value);
const steady = (over: Partial<SimulationInput> = {}): SimulationInput => ({
  arrivalsPerHour: week(200),
  agentsOnDuty: week(14),
  ahtSeconds: week(180),
  answerWithinSeconds: week(20),
  handleTime: { kind: 'exponential' },
  patienceSeconds: null,
  replications: 10,
  seed: 11,
  ...over,
});
const within = (value: number, e: { lo: number; hi: number } | null) => e !== null && e.lo <= value && value <= e.hi;

describe('simulate', () => {
  it('agrees with Erlang C within its confidence interval when handle times are exponential and nobody hangs up', () => {
    const c = erlangC({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14 }, 20);
    const { total } = simulate(steady());
    expect(within(c.serviceLevel, total.serviceLevel)).toBe(true);
    expect(within(c.asaSeconds, total.asaSeconds)).toBe(true);
    expect(within(c.occupancy, total.occupancy)).toBe(true);
    expect(total.abandonRate).toEqual({ mean: 0, lo: 0, hi: 0 });
    expect(total.offered).toBeGreaterThan(168 * 200 * 0.98);
  });

  it('agrees with Erlang A within its confidence interval when patience is exponential', () => {
    const a = erlangA({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 12 }, 120, 20);
    const { total } = simulate(steady({ agentsOnDuty: week(12), patienceSeconds: 120 }));
    expect(within(a.serviceLevel, total.serviceLevel)).toBe(true);
    expect(within(a.abandonRate, total.abandonRate)).toBe(true);
    expect(within(a.asaSeconds, total.asaSeconds)).toBe(true);
  });

  it('is worse than Erlang C promises when handle times vary more than exponential ones', () => {
    const c = erlangC({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14 }, 20);
    const { total } = simulate(steady({ handleTime: { kind: 'lognormal', cv: 2 } }));
    expect(total.serviceLevel!.hi).toBeLessThan(c.serviceLevel);
    expect(total.occupancy!.mean).toBeCloseTo(c.occupancy, 1); // the mean handle time is kept
  });

  it('matches the Pollaczek-Khinchine mean wait of a single agent with lognormal handle times', () => {
    // M/G/1: mean wait = arrivals/s x E[handle time^2] / (2 (1 - load)), E[S^2] = AHT^2 (1 + CV^2).
    const hours = Array.from({ length: 2000 }, () => 0);
    const cv = 1.2;
    const r = simulate(
      steady({
        arrivalsPerHour: hours.map(() => 10),
        agentsOnDuty: hours.map(() => 1),
        ahtSeconds: hours.map(() => 180),
        answerWithinSeconds: hours.map(() => 20),
        handleTime: { kind: 'lognormal', cv },
      }),
    );
    const meanWait = ((10 / 3600) * 180 ** 2 * (1 + cv ** 2)) / (2 * (1 - 0.5));
    expect(within(meanWait, r.total.asaSeconds)).toBe(true);
  });

  it('gives the same result for the same seed and another for another seed', () => {
    const input = steady({ arrivalsPerHour: week(50), agentsOnDuty: week(5), replications: 2 });
    expect(simulate(input)).toEqual(simulate(input));
    expect(simulate({ ...input, seed: 12 }).total.serviceLevel).not.toEqual(simulate(input).total.serviceLevel);
  });

  it('holds contacts that arrive while nobody is on duty until agents come on, unless they hang up', () => {
    const input = steady({
      arrivalsPerHour: [100, 0],
      agentsOnDuty: [0, 20],
      ahtSeconds: [180, 180],
      answerWithinSeconds: [20, 20],
      replications: 3,
    });
    const patient = simulate(input);
    expect(patient.hours[0].abandonRate!.mean).toBe(0);
    expect(patient.hours[0].asaSeconds!.mean).toBeGreaterThan(600);
    expect(patient.hours[0].occupancy).toBeNull();
    expect(patient.hours[1].occupancy!.mean).toBeGreaterThan(0);
    expect(simulate({ ...input, patienceSeconds: 30 }).hours[0].abandonRate!.mean).toBeGreaterThan(0.9);
  });

  it('counts contacts as unanswered when no agent ever comes', () => {
    const r = simulate(
      steady({ arrivalsPerHour: [100], agentsOnDuty: [0], ahtSeconds: [180], answerWithinSeconds: [20], replications: 2 }),
    );
    expect(r.total.abandonRate!.mean).toBe(1);
    expect(r.total.asaSeconds).toBeNull();
  });

  it('lets agents who go off duty finish their contact but take no new one', () => {
    // 30 agents for an hour, then 1: the second hour's contacts queue behind a single agent.
    const r = simulate(
      steady({ arrivalsPerHour: [300, 60], agentsOnDuty: [30, 1], ahtSeconds: [180, 180], answerWithinSeconds: [20, 20], replications: 5 }),
    );
    expect(r.hours[0].serviceLevel!.mean).toBeGreaterThan(0.9);
    expect(r.hours[1].serviceLevel!.mean).toBeLessThan(0.2);
    expect(r.hours[1].occupancy!.mean).toBe(1);
  });
});
