import { WEEK } from '../calendar.js';
import { median } from '../robust.js';
import { endOf, type Series, typicalAt, usualAround } from '../series.js';
import { spillHours } from './effects.js';
import type { Occurrence } from './occurrences.js';

/** Which side of an occurrence a spill-over hour is on. */
export type Side = 'before' | 'after';

/**
 * How much of its spill-over an occurrence exerts on one side, 0..1: the calls a holiday
 * displaces are the ones it would have had, so a holiday on a quiet Saturday sends little
 * backlog into Sunday, and a live session in a busy evening pulls the hours around it fully.
 */
export type Exposure = (o: Occurrence, side: Side) => number;

/**
 * The exposure of occurrences in series `s`: the usual volume of the occurrence's hours over
 * that of its spill-over hours on the side, capped at 1. Usual volume is `usualAround`; an hour
 * past the history takes the median of the last weeks of the history, so the same rule serves the
 * learning and the forecast.
 */
export function spillExposure(s: Series): Exposure {
  const end = endOf(s);
  const usualAt = (lh: number): number => {
    const around = usualAround(s, lh);
    if (Number.isFinite(around)) return around;
    const back = Math.max(1, Math.ceil((lh - end + 1) / WEEK));
    return median([0, 1, 2].map((k) => typicalAt(s, lh - (back + k) * WEEK)));
  };
  const volume = (from: number, to: number) => {
    let sum = 0;
    for (let lh = from; lh < to; lh++) {
      const v = usualAt(lh);
      if (Number.isFinite(v)) sum += v;
    }
    return sum;
  };
  const cache = new Map<Occurrence, Record<Side, number>>();
  return (o, side) => {
    let e = cache.get(o);
    if (!e) {
      const own = volume(o.from, o.to);
      const share = (spill: number) => (spill > 0 ? Math.min(1, own / spill) : 1);
      e = { before: share(volume(o.from - spillHours(o), o.from)), after: share(volume(o.to, o.to + spillHours(o))) };
      cache.set(o, e);
    }
    return e[side];
  };
}
