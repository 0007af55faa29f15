import { describe, expect, it } from 'vitest';
import { HOUR_MS, localParts } from '../../src/domain/time.js';
import { forecastQueue, SELECTION_WEEKS } from '../../src/forecast/forecastQueue.js';
import { FALLBACK, MODELS } from '../../src/forecast/registry.js';
import { at, exactHistory, hoursFrom, typicalMean } from './synthetic.js';

const TZ = 'UTC';
const start = at('2026-01-05T00:00', TZ);
const weekAfter = (weeks: number) => hoursFrom(start + weeks * 168 * HOUR_MS, 168);
const truth = (t: number) => typicalMean(localParts(t, TZ));

describe('forecastQueue', () => {
  it('serves the fallback family untested when the history is too short to hold weeks out', () => {
    const horizon = weekAfter(3);
    const f = forecastQueue(exactHistory(start, 3, TZ, typicalMean), [], TZ, horizon);
    expect(f.selection).toBeNull();
    expect(f.model).toEqual({ model: FALLBACK.name, backtest: null });
    f.contacts.forEach((c, i) => expect(c).toBeCloseTo(truth(horizon[i]), 6));
  });

  it('chooses on held-out weeks, one per week after the first three, and records the choice', () => {
    const horizon = weekAfter(5);
    const f = forecastQueue(exactHistory(start, 5, TZ, typicalMean), [], TZ, horizon);
    expect(f.selection).not.toBeNull();
    for (const name of f.selection!.members) expect(MODELS.map((m) => m.name)).toContain(name);
    expect(f.model.model).toBe(f.selection!.members.join('+'));
    expect(f.model.backtest).toMatchObject({ weeks: 2, hours: 2 * 168 });
    // A perfectly weekly series: the chosen forecast has no held-out error and repeats the week.
    expect(f.model.backtest!.mae).toBeCloseTo(0, 6);
    f.contacts.forEach((c, i) => expect(c).toBeCloseTo(truth(horizon[i]), 6));
  });

  it('holds out at most SELECTION_WEEKS weeks', () => {
    const weeks = SELECTION_WEEKS + 4;
    const f = forecastQueue(exactHistory(start, weeks, TZ, typicalMean), [], TZ, weekAfter(weeks).slice(0, 1));
    expect(f.model.backtest!.weeks).toBe(SELECTION_WEEKS);
  });

  it('gives one ordered, non-negative interval per horizon hour', () => {
    const horizon = weekAfter(5);
    const f = forecastQueue(
      exactHistory(start, 5, TZ, (p) => typicalMean(p) * (1 + 0.1 * (p.day % 3))),
      [],
      TZ,
      horizon,
    );
    for (const a of [f.contacts, f.lo80, f.hi80]) expect(a).toHaveLength(horizon.length);
    f.contacts.forEach((c, i) => {
      expect(f.lo80[i]).toBeGreaterThanOrEqual(0);
      expect(f.lo80[i]).toBeLessThanOrEqual(c);
      expect(c).toBeLessThanOrEqual(f.hi80[i]);
    });
  });

  it('gives empty forecasts for an empty horizon', () => {
    const f = forecastQueue(exactHistory(start, 4, TZ, typicalMean), [], TZ, []);
    expect([f.contacts.length, f.lo80.length, f.hi80.length]).toEqual([0, 0, 0]);
  });

  it('forecasts 0 with a 0 interval in hours the center is closed', () => {
    const horizon = weekAfter(5);
    const nights = (p: { hour: number }) => (p.hour < 8 ? null : 40);
    const f = forecastQueue(exactHistory(start, 5, TZ, nights), [], TZ, horizon);
    horizon.forEach((t, i) => {
      if (localParts(t, TZ).hour < 8) expect([f.contacts[i], f.lo80[i], f.hi80[i]]).toEqual([0, 0, 0]);
      else expect(f.contacts[i]).toBeCloseTo(40, 6);
    });
  });
});
