import { describe, expect, it } from 'vitest';
import { WEEK } from '../../../src/forecast/calendar.js';
import { applyEffects, spillAt } from '../../../src/forecast/events/effects.js';
import { spillExposure } from '../../../src/forecast/events/exposure.js';
import { learnEffects } from '../../../src/forecast/events/learn.js';
import type { Occurrence } from '../../../src/forecast/events/occurrences.js';
import { gridOf, MONDAY_LH, seriesOf, typicalAt } from '../synthetic.js';

const WEEKS = 10;
/** A whole-day holiday on day `day` (0 = Monday) of week `week` after `MONDAY_LH`. */
const holiday = (week: number, day: number): Occurrence => ({
  from: MONDAY_LH + week * WEEK + day * 24,
  to: MONDAY_LH + week * WEEK + (day + 1) * 24,
  kind: 'holiday',
  name: `h${week}-${day}`,
  intensity: 1,
});
const weekday = (lh: number) => Math.floor(((((lh - MONDAY_LH) % WEEK) + WEEK) % WEEK) / 24);
/** A bank's week: Saturdays at a tenth of the synthetic shape. */
const usual = (lh: number) => typicalAt(lh) * (weekday(lh) === 5 ? 0.1 : 1);
const inside = (os: readonly Occurrence[], lh: number) => os.some((o) => lh >= o.from && lh < o.to);
const indices = (os: readonly Occurrence[]) => os.flatMap((o) => Array.from({ length: o.to - o.from }, (_, k) => o.from - MONDAY_LH + k));

describe('spillExposure', () => {
  const s = seriesOf(gridOf(WEEKS, usual));

  it("is the occurrence's usual volume over its spill-over hours', capped at 1", () => {
    const exposure = spillExposure(s);
    const saturday = holiday(4, 5);
    // Sunday after: 0.7 of the weekday shape; Saturday a tenth of that. Friday before: the full shape.
    expect(exposure(saturday, 'after')).toBeCloseTo(0.1, 9);
    expect(exposure(saturday, 'before')).toBeCloseTo(0.07, 9);
    const wednesday = holiday(4, 2);
    expect(exposure(wednesday, 'before')).toBe(1);
    expect(exposure(wednesday, 'after')).toBe(1);
    // Sunday's volume over Monday's is 0.7; Friday's over Saturday's capped at 1.
    expect(exposure(holiday(4, 6), 'after')).toBeCloseTo(0.7, 9);
    expect(exposure(holiday(4, 4), 'after')).toBe(1);
  });

  it('weighs an occurrence past the history on its last weeks, as one inside it', () => {
    const exposure = spillExposure(s);
    expect(exposure(holiday(WEEKS + 2, 5), 'after')).toBeCloseTo(0.1, 9);
    expect(exposure(holiday(WEEKS + 5, 5), 'before')).toBeCloseTo(0.07, 9);
  });
});

describe('spill-over by exposure', () => {
  // Weekday holidays send a third more calls into the next day: the backlog of a closed day.
  const past = [holiday(2, 1), holiday(4, 2), holiday(6, 3)];
  const backlog = (lh: number) => past.some((o) => lh >= o.to && lh < o.to + 24);
  const s = seriesOf(
    gridOf(WEEKS, (lh) => (inside(past, lh) ? 0.1 : backlog(lh) ? 1.3 : 1) * usual(lh)),
    { events: indices(past) },
  );
  const e = learnEffects(s, past);
  const exposure = spillExposure(s);

  it('learns the backlog of weekday holidays and gives a next weekday holiday all of it', () => {
    const next = holiday(WEEKS + 1, 2);
    expect(spillAt(e, next, next.to + 12, exposure)).toBeGreaterThan(1.2);
  });

  it('sends almost none into the Sunday after a holiday on a quiet Saturday', () => {
    const saturday = holiday(WEEKS + 1, 5);
    const sunday = saturday.to + 12;
    const full = spillAt(e, saturday, sunday);
    const weighed = spillAt(e, saturday, sunday, exposure);
    expect(full).toBeGreaterThan(1.2);
    expect(weighed).toBeGreaterThan(1);
    expect(weighed).toBeLessThan(1.04);
    const [f] = applyEffects(e, [saturday], [sunday], new Float64Array([100]), exposure).contacts;
    expect(f).toBeCloseTo(100 * weighed, 9);
  });
});
