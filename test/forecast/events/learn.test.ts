import { describe, expect, it } from 'vitest';
import { WEEK } from '../../../src/forecast/calendar.js';
import { applyEffects, multiplierAt, spillAt } from '../../../src/forecast/events/effects.js';
import { learnEffects } from '../../../src/forecast/events/learn.js';
import type { Occurrence } from '../../../src/forecast/events/occurrences.js';
import { gridOf, MONDAY_LH, seriesOf, typicalAt } from '../synthetic.js';

const WEEKS = 10;
/** The Monday `week` weeks after `MONDAY_LH`, from `hour` for `hours` hours. */
const sale = (week: number, opts: Partial<Occurrence> & { hour?: number; hours?: number } = {}): Occurrence => {
  const { hour = 12, hours = 4, ...rest } = opts;
  return {
    from: MONDAY_LH + week * WEEK + hour,
    to: MONDAY_LH + week * WEEK + hour + hours,
    kind: 'promotion',
    name: 'sale',
    intensity: 1,
    ...rest,
  };
};
const inside = (o: Occurrence, lh: number) => lh >= o.from && lh < o.to;
const indices = (os: readonly Occurrence[]) => os.flatMap((o) => Array.from({ length: o.to - o.from }, (_, k) => o.from - MONDAY_LH + k));

/** `WEEKS` weeks of the typical volume, times `factor(o)` in the hours of each occurrence (event hours). */
function history(os: readonly Occurrence[], factor: (o: Occurrence) => number, base: (lh: number) => number = typicalAt) {
  return seriesOf(
    gridOf(WEEKS, (lh) => os.reduce((v, o) => (inside(o, lh) ? v * factor(o) : v), base(lh))),
    { events: indices(os) },
  );
}
const hoursOf = (o: Occurrence) => Array.from({ length: o.to - o.from }, (_, k) => o.from + k);

describe('learnEffects', () => {
  it('learns nothing without occurrences', () => {
    const e = learnEffects(seriesOf(gridOf(2, typicalAt)), []);
    expect(e.log.size).toBe(0);
    expect(e.slopes.size).toBe(0);
  });

  it('learns a promotion that doubled volume against the same hours of the weeks around it', () => {
    const past = [sale(3), sale(6)];
    const e = learnEffects(
      history(past, () => 2),
      past,
    );
    for (const lh of hoursOf(sale(WEEKS + 1))) expect(multiplierAt(e, sale(WEEKS + 1), lh)).toBeCloseTo(2, 1);
  });

  it("gives a first occurrence of a new name its kind's effect", () => {
    const past = [sale(3), sale(6)];
    const e = learnEffects(
      history(past, () => 2),
      past,
    );
    const first = sale(WEEKS + 1, { name: 'new-sale' });
    for (const lh of hoursOf(first)) expect(multiplierAt(e, first, lh)).toBeCloseTo(2, 1);
  });

  it('keeps names apart: each recurring name near its own lift, a new one between them', () => {
    const past = [1, 3, 5, 7].map((w) => sale(w, { name: 'big' })).concat([2, 4, 6, 8].map((w) => sale(w, { name: 'small' })));
    const e = learnEffects(
      history(past, (o) => (o.name === 'big' ? 3 : 1.5)),
      past,
    );
    const at = (name: string) => multiplierAt(e, sale(WEEKS + 1, { name }), sale(WEEKS + 1).from + 1);
    expect(at('big')).toBeGreaterThan(2.6);
    expect(at('big')).toBeLessThan(3.2);
    expect(at('small')).toBeGreaterThan(1.35);
    expect(at('small')).toBeLessThan(1.7);
    expect(at('new')).toBeGreaterThan(at('small'));
    expect(at('new')).toBeLessThan(at('big'));
  });

  it('says how far a new name may stand from its kind: the spread of its names, and of their mean', () => {
    // Three recurring names at 1.5x, 2.2x and 3.2x: log spread var(log m) = 0.143, known from
    // three names only (x 4/3). One name, or names alike, leave nothing to say.
    const lifts: Record<string, number> = { a: 1.5, b: 2.2, c: 3.2 };
    const spread = (lift: (name: string) => number, names = ['a', 'b', 'c']) => {
      const past = Array.from({ length: 9 }, (_, k) => sale(k + 1, { name: names[k % names.length] }));
      return (
        learnEffects(
          history(past, (o) => lift(o.name)),
          past,
        ).newNameSpread.get('promotion') ?? 0
      );
    };
    expect(spread((name) => lifts[name])).toBeGreaterThan(0.15);
    expect(spread((name) => lifts[name])).toBeLessThan(0.23);
    expect(spread(() => 2)).toBeLessThan(0.005);
    expect(spread(() => 2, ['a'])).toBe(0);
  });

  it("learns a recurring name's own hourly shape from two occurrences when names' shapes differ and each repeats its own", () => {
    // Three streamers, each twice, each peaking in another hour of the same three-hour evening.
    const shapes: Record<string, number[]> = { a: [3, 1.5, 1.5], b: [1.5, 3, 1.5], c: [1.5, 1.5, 3] };
    const past = ['a', 'b', 'c', 'a', 'b', 'c'].map((name, k) => sale(k + 1, { kind: 'live_commerce', name, hour: 20, hours: 3 }));
    const s = seriesOf(
      gridOf(WEEKS, (lh) => {
        const o = past.find((q) => inside(q, lh));
        return typicalAt(lh) * (o ? shapes[o.name][lh - o.from] : 1);
      }),
      { events: indices(past) },
    );
    const e = learnEffects(s, past);
    for (const [name, shape] of Object.entries(shapes)) {
      const next = sale(WEEKS + 1, { kind: 'live_commerce', name, hour: 20, hours: 3 });
      shape.forEach((m, k) => expect(multiplierAt(e, next, next.from + k) / m, `${name} hour ${k}`).toBeGreaterThan(0.9));
      shape.forEach((m, k) => expect(multiplierAt(e, next, next.from + k) / m, `${name} hour ${k}`).toBeLessThan(1.1));
    }
  });

  it('learns the size of a typical occurrence from one of another intensity', () => {
    const past = [sale(3, { intensity: 2 }), sale(6, { intensity: 2 })];
    // Intensity 2 meant twice the extra volume: 3x normal is a typical occurrence of 2x.
    const e = learnEffects(
      history(past, () => 3),
      past,
    );
    const next = sale(WEEKS + 1);
    expect(multiplierAt(e, next, next.from)).toBeCloseTo(2, 1);
    expect(multiplierAt(e, { ...next, intensity: 0.5 }, next.from)).toBeCloseTo(1.5, 1);
  });

  it("measures against the day's own level: a busy day is no part of the event's effect", () => {
    const past = [sale(3), sale(6)];
    const busyDays = new Set(past.map((o) => Math.floor(o.from / 24)));
    const base = (lh: number) => typicalAt(lh) * (busyDays.has(Math.floor(lh / 24)) ? 1.3 : 1);
    const e = learnEffects(
      history(past, () => 2, base),
      past,
    );
    expect(multiplierAt(e, sale(WEEKS + 1), sale(WEEKS + 1).from)).toBeCloseTo(2, 1);
  });

  it('reads hours of a past event without a row as 0 contacts (a holiday closure)', () => {
    const past = [sale(3, { kind: 'holiday', name: 'closed', hour: 0, hours: 24 })];
    const s = history(past, () => 1);
    for (const lh of hoursOf(past[0])) s.y[lh - s.first] = Number.NaN;
    const e = learnEffects(s, past);
    expect(
      multiplierAt(e, { ...past[0], from: past[0].from + 7 * WEEK, to: past[0].to + 7 * WEEK }, past[0].from + 7 * WEEK + 12),
    ).toBeLessThan(0.1);
  });

  it('learns the spill-over of a kind in the hours after its occurrences, and applies it', () => {
    const past = [sale(2, { hour: 0, hours: 24 }), sale(5, { hour: 0, hours: 24 })];
    const after = (lh: number) => past.some((o) => lh >= o.to && lh < o.to + 24);
    const s = seriesOf(
      gridOf(WEEKS, (lh) => typicalAt(lh) * (past.some((o) => inside(o, lh)) ? 2 : after(lh) ? 1.2 : 1)),
      { events: indices(past) },
    );
    const e = learnEffects(s, past);
    const next = sale(WEEKS + 1, { hour: 0, hours: 24 });
    expect(spillAt(e, next, next.to + 12)).toBeGreaterThan(1.1);
    expect(spillAt(e, next, next.to + 12)).toBeLessThan(1.25);
    expect(spillAt(e, next, next.to + 30)).toBe(1);
    const normal = new Float64Array([100, 100]);
    const f = applyEffects(e, [next], [next.to + 12, next.to + 30], normal).contacts;
    expect(f[0]).toBeCloseTo(100 * spillAt(e, next, next.to + 12), 9);
    expect(f[1]).toBe(100);
  });

  it("learns a regressor's slope per kind and scales a new occurrence's extra volume by its value", () => {
    const discounts = [10, 20, 40, 10, 20, 40];
    // On different days, so that each has normal weeks around it; weekdays, whose hours 12-16 have
    // one normal volume, so that the kind's form (`Reach`) cannot matter.
    const past = discounts.map((d, k) => sale(k + 1, { name: `sale-${k}`, hour: 12 + 24 * (k % 5), regressors: { discount: d } }));
    // The extra volume grows as the square root of the discount: +80% at 20%.
    const lift = (d: number) => 1 + 0.8 * Math.sqrt(d / 20);
    const e = learnEffects(
      history(past, (o) => lift(o.regressors!.discount)),
      past,
    );
    expect(e.slopes.get('promotion|discount')?.slope).toBeCloseTo(0.5, 1);
    const at = (discount?: number) =>
      multiplierAt(e, sale(WEEKS + 1, { name: 'new', ...(discount ? { regressors: { discount } } : {}) }), sale(WEEKS + 1).from);
    expect(at(40)).toBeCloseTo(lift(40), 1);
    expect(at(10)).toBeCloseTo(lift(10), 1);
    // Without the column: the kind's typical occurrence (the median discount, 20%).
    expect(at()).toBeCloseTo(lift(20), 1);
  });

  it('fits overlapping occurrences jointly: each its own effect', () => {
    const evening = (w: number) => sale(w, { kind: 'live_commerce', name: 'streamer', hour: 20, hours: 3 });
    const shows = [1, 2, 3, 4, 5, 6, 7, 8].map(evening);
    const promo = sale(5, { hour: 0, hours: 24, name: 'promo' });
    const past = [...shows, promo];
    const e = learnEffects(
      history(past, (o) => (o.name === 'promo' ? 1.5 : 2)),
      past,
    );
    expect(multiplierAt(e, evening(WEEKS + 1), evening(WEEKS + 1).from)).toBeCloseTo(2, 1);
    const nextPromo = sale(WEEKS + 1, { hour: 0, hours: 24, name: 'promo' });
    expect(multiplierAt(e, nextPromo, nextPromo.from + 12)).toBeCloseTo(1.5, 1);
  });

  it("learns from the history whether a kind's extra follows the hour's normal volume, and forecasts a new hour by it", () => {
    // Sessions at 18h (normal 60) and at 21h (normal 90), weekdays and weekends (x0.7).
    const show = (w: number, k: number) =>
      sale(w, { kind: 'live_commerce', name: `s${k % 3}`, hour: (k % 7) * 24 + (k % 2 === 0 ? 18 : 21) - 12, hours: 2 });
    const past = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((w) => [show(w, w), show(w, w + 3)]);
    for (const [absolute, extraAt] of [
      [true, () => 50],
      [false, (lh: number) => typicalAt(lh)],
    ] as const) {
      const s = seriesOf(
        gridOf(WEEKS, (lh) => typicalAt(lh) + (past.some((o) => inside(o, lh)) ? extraAt(lh) : 0)),
        { events: indices(past) },
      );
      const e = learnEffects(s, past);
      expect(e.reach.get('live_commerce')?.power ?? 0, `absolute ${absolute}`).toBe(absolute ? 1 : 0);
      // A new name at an hour of another normal volume (Saturday 19h: 90 x 0.7).
      const next = sale(WEEKS + 1, { kind: 'live_commerce', name: 'new', hour: 5 * 24 + 19 - 12, hours: 2 });
      const normal = typicalAt(next.from);
      const [f] = applyEffects(e, [next], [next.from], new Float64Array([normal])).contacts;
      expect(Math.abs(f - normal - extraAt(next.from)), `absolute ${absolute}`).toBeLessThan(0.1 * extraAt(next.from));
    }
  });

  it("keeps a kind half-way between the forms when its names' hours cannot tell them apart", () => {
    // Every session one hour long, at one hour of a weekday (one normal volume): 50 extra contacts, whichever the form.
    const show = (w: number, k: number) => sale(w, { kind: 'live_commerce', name: `s${k % 3}`, hour: (k % 5) * 24 + 18 - 12, hours: 1 });
    const past = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((w) => [show(w, w), show(w, w + 3)]);
    const s = seriesOf(
      gridOf(WEEKS, (lh) => typicalAt(lh) + (past.some((o) => inside(o, lh)) ? 50 : 0)),
      { events: indices(past) },
    );
    const e = learnEffects(s, past);
    const usual = typicalAt(past[0].from);
    expect(e.reach.get('live_commerce')).toEqual({ reference: usual, power: 0.5 });
    // A new name on a Saturday at another hour: its extra grows with the square root of the volume.
    const next = sale(WEEKS + 1, { kind: 'live_commerce', name: 'new', hour: 5 * 24 + 19 - 12, hours: 1 });
    const normal = typicalAt(next.from);
    expect(normal / usual).toBeGreaterThan(4);
    const [f] = applyEffects(e, [next], [next.from], new Float64Array([normal])).contacts;
    expect(f - normal).toBeCloseTo(50 * Math.sqrt(normal / usual), 0);
  });

  it('learns nothing from future occurrences or occurrences of intensity 0', () => {
    const future = sale(WEEKS + 2);
    const ignored = sale(3, { intensity: 0 });
    const e = learnEffects(
      history([ignored], () => 2),
      [future, ignored],
    );
    expect(e.log.size).toBe(0);
  });

  it('learns from past overlaps whether occurrences of a kind add or multiply', () => {
    // Two streamers, each alone some evenings, together on others.
    const show = (w: number, name: string) => sale(w, { kind: 'live_commerce', name, hour: 20, hours: 3 });
    const past = [
      show(1, 'a'),
      show(2, 'b'),
      show(3, 'a'),
      show(3, 'b'),
      show(4, 'a'),
      show(5, 'b'),
      show(6, 'a'),
      show(6, 'b'),
      show(7, 'a'),
      show(8, 'b'),
    ];
    const together = (lh: number) => past.filter((o) => inside(o, lh)).length === 2;
    const alone = { a: 2, b: 1.5 };
    for (const [combined, overlaps] of [
      [1 + (alone.a - 1) + (alone.b - 1), 'add within kind'],
      [alone.a * alone.b, 'multiply'],
    ] as const) {
      const s = seriesOf(
        gridOf(WEEKS, (lh) => {
          const on = past.filter((o) => inside(o, lh));
          return typicalAt(lh) * (on.length === 2 ? combined : on.length === 1 ? alone[on[0].name as 'a' | 'b'] : 1);
        }),
        { events: indices(past) },
      );
      const e = learnEffects(s, past);
      expect(e.overlaps).toBe(overlaps);
      const next = [show(WEEKS + 1, 'a'), show(WEEKS + 1, 'b')];
      const [f] = applyEffects(e, next, [next[0].from + 1], new Float64Array([100])).contacts;
      expect(f / 100).toBeCloseTo(combined, 0);
      expect(Math.abs(f / 100 - combined)).toBeLessThan(0.15);
      expect(together(show(3, 'a').from)).toBe(true);
    }
  });
});
