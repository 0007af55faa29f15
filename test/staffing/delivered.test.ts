import { describe, expect, it } from 'vitest';
import { configSchema, type PlanConfig } from '../../src/domain/config.js';
import { parseTimestamp } from '../../src/domain/time.js';
import type { CalendarEvent } from '../../src/domain/types.js';
import { deliveredByHour, deliveredService } from '../../src/staffing/delivered.js';
import type { HourDemand } from '../../src/staffing/demand.js';
import { serviceTargetAt } from '../../src/staffing/serviceTargets.js';
import { simulate } from '../../src/staffing/simulate.js';

const TZ = 'Asia/Shanghai';
const at = (text: string) => parseTimestamp(text, TZ)!.t;
const config = (over: object = {}): PlanConfig => configSchema.parse({ timezone: TZ, ...over });
const MONDAY_10 = '2026-11-30T10:00';

describe('deliveredService', () => {
  // The figures below are for a 20 s target.
  const c = config({ service: { answer_within_seconds: 20 } });
  const t = serviceTargetAt(at(MONDAY_10), c, []);

  it('gives the Erlang C service level and ASA of the agents on duty', () => {
    const d = deliveredService(14, 200, 180, t);
    expect(d.serviceLevel).toBeCloseTo(0.888, 3);
    expect(d.asaSeconds).toBeCloseTo(7.84, 2);
    expect(d.abandonRate).toBeUndefined();
  });

  it('adds the abandonment rate under Erlang A', () => {
    expect(deliveredService(12, 200, 180, { ...t, patience_seconds: 120 }).abandonRate).toBeCloseTo(0.0616, 4);
  });

  it('reports an understaffed Erlang C hour as no service and endless waits', () => {
    expect(deliveredService(9, 200, 180, t)).toMatchObject({ serviceLevel: 0, asaSeconds: Infinity });
  });
});

/** `n` consecutive hours from Monday 10:00, each with the same demand. */
function hoursFrom(n: number, handledContacts: number, ahtSeconds = 180): HourDemand[] {
  return Array.from({ length: n }, (_, i) => ({ t: at(MONDAY_10) + i * 3_600_000, handledContacts, ahtSeconds }));
}

describe('deliveredByHour with the queueing model', () => {
  it('measures each hour with floor(staffed x (1 - shrinkage)) agents, without losing one to rounding', () => {
    const c = config({ shrinkage: 0.3 });
    const hours = [...hoursFrom(1, 200), { t: at('2026-11-30T11:00'), handledContacts: 100, ahtSeconds: 240 }];
    const d = deliveredByHour(hours, [12 / 0.7, 10.5], c, []);
    expect(d.agents).toEqual([12, 7]); // 12 / 0.7 x 0.7 is 11.999... in floating point
    const target = serviceTargetAt(at(MONDAY_10), c, []);
    expect(d.hours).toEqual([deliveredService(12, 200, 180, target), deliveredService(7, 100, 240, target)]);
    expect(d.simulated).toBeNull();
  });

  it('weights the week by the contacts that reach agents', () => {
    const hours = [...hoursFrom(1, 300), { t: at('2026-11-30T11:00'), handledContacts: 100, ahtSeconds: 180 }];
    const d = deliveredByHour(hours, [30, 20], config({ shrinkage: 0.5 }), []);
    const [a, b] = d.hours;
    expect(d.week.serviceLevel).toBeCloseTo((300 * a.serviceLevel + 100 * b.serviceLevel) / 400, 12);
    expect(d.week.asaSeconds).toBeCloseTo((300 * a.asaSeconds + 100 * b.asaSeconds) / 400, 12);
  });

  it('has no weekly figures when no contact reaches an agent', () => {
    expect(deliveredByHour(hoursFrom(3, 0), [5, 5, 5], config(), []).week).toEqual({ serviceLevel: null, asaSeconds: null });
  });

  it("uses a holiday hour's own answer threshold", () => {
    const holiday: CalendarEvent = { start: at(MONDAY_10), end: at('2026-12-01T00:00'), kind: 'holiday', name: 'day-off', intensity: 1 };
    const c = config({ shrinkage: 0 });
    const [workday] = deliveredByHour(hoursFrom(1, 200), [14], c, []).hours;
    const [onHoliday] = deliveredByHour(hoursFrom(1, 200), [14], c, [holiday]).hours;
    expect(onHoliday.serviceLevel).toBeGreaterThan(workday.serviceLevel); // 30 s instead of 20 s
    expect(onHoliday.serviceLevel).toBeCloseTo(
      deliveredService(14, 200, 180, serviceTargetAt(at(MONDAY_10), c, [holiday])).serviceLevel,
      12,
    );
  });

  it('divides the handle time by the chat concurrency', () => {
    const d = deliveredByHour(hoursFrom(1, 200), [7], config({ shrinkage: 0, demand: { concurrency: 2 } }), []);
    expect(d.hours[0]).toEqual(deliveredService(7, 200, 90, serviceTargetAt(at(MONDAY_10), config(), [])));
  });

  it('applies one given patience to every hour, and null turns a configured patience off', () => {
    const withPatience = deliveredByHour(hoursFrom(2, 200), [12, 12], config({ shrinkage: 0 }), [], { patienceSeconds: 120 });
    expect(withPatience.hours.map((h) => h.abandonRate)).toEqual([expect.closeTo(0.0616, 4), expect.closeTo(0.0616, 4)]);
    const off = deliveredByHour(hoursFrom(1, 200), [12], config({ shrinkage: 0, service: { patience_seconds: 120 } }), [], {
      patienceSeconds: null,
    });
    expect(off.hours[0].abandonRate).toBeUndefined();
  });
});

describe('deliveredByHour with the simulator', () => {
  const simulation = { handleTime: { kind: 'exponential' }, replications: 20, seed: 5 } as const;

  it("gives the simulator's week, run with the same agents, contacts and thresholds", () => {
    const c = config({ shrinkage: 0.3, service: { answer_within_seconds: 20 } });
    const hours = hoursFrom(4, 200);
    const d = deliveredByHour(hours, [20, 20, 20, 20], c, [], { simulation });
    const direct = simulate({
      arrivalsPerHour: [200, 200, 200, 200],
      agentsOnDuty: [14, 14, 14, 14],
      ahtSeconds: [180, 180, 180, 180],
      answerWithinSeconds: [20, 20, 20, 20],
      patienceSeconds: null,
      ...simulation,
    });
    expect(d.simulated).toMatchObject({ servers: [14, 14, 14, 14], total: direct.total, hours: direct.hours });
    expect(d.week).toEqual({ serviceLevel: direct.total.serviceLevel!.mean, asaSeconds: direct.total.asaSeconds!.mean });
    // The Erlang model stays beside it, and the two agree on a steady exponential queue.
    expect(d.hours[0].serviceLevel).toBeCloseTo(0.888, 3);
    expect(Math.abs(d.week.serviceLevel! - 0.888)).toBeLessThan(0.04);
  });

  it('simulates a chat agent as `concurrency` servers at the full handle time', () => {
    const d = deliveredByHour(hoursFrom(2, 200), [7, 7], config({ shrinkage: 0, demand: { concurrency: 2 } }), [], { simulation });
    expect(d.agents).toEqual([7, 7]);
    expect(d.simulated!.servers).toEqual([14, 14]);
  });

  it('lets callers hang up after service.patience_seconds unless a patience is given', () => {
    const c = config({ shrinkage: 0, service: { patience_seconds: 60 } });
    const hours = hoursFrom(2, 200);
    expect(deliveredByHour(hours, [11, 11], c, [], { simulation }).simulated!.total.abandonRate!.mean).toBeGreaterThan(0);
    expect(deliveredByHour(hours, [11, 11], c, [], { simulation, patienceSeconds: null }).simulated!.total.abandonRate!.mean).toBe(0);
  });

  it('gives the same answer for the same seed', () => {
    const run = () => deliveredByHour(hoursFrom(3, 150), [12, 12, 12], config({ shrinkage: 0 }), [], { simulation }).week;
    expect(run()).toEqual(run());
  });
});
