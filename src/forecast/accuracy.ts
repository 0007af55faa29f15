import type { CalendarEvent, HourCount } from '../domain/types.js';
import { WEEK, localHour } from './calendar.js';
import { occurrencesOf } from './events/occurrences.js';
import { forecastQueue } from './forecastQueue.js';
import { pointForecast } from './pipeline.js';
import { MODELS } from './registry.js';
import { buildSeries, endOf, truncate, type Series } from './series.js';

/** Accuracy of one forecaster on one held-out week. */
export interface WeekScore {
  /** Local hour number of the week's first hour. */
  origin: number;
  /** A family's name, or `chosen` for what `shiftcast forecast` would have served. */
  model: string;
  mase: number;
  wape: number;
  /** Share of hours inside the 80% interval (only the chosen forecaster has intervals). */
  coverage80: number | null;
}

/**
 * The planner's accuracy report: each of the last `weeks` weeks forecast one week ahead from the
 * history before it, by every family and by the full product (selection and intervals redone
 * at each origin, so `chosen` is as honest as the families). MASE is scaled by the in-sample
 * error of "same local hour one week earlier".
 */
export function accuracyReport(hours: readonly HourCount[], events: readonly CalendarEvent[], timeZone: string, weeks: number): WeekScore[] {
  const series = buildSeries(hours, events, timeZone);
  const occurrences = occurrencesOf(events, timeZone);
  const scores: WeekScore[] = [];
  const byLh = new Map(hours.map((h) => [localHour(h.t, timeZone), h]));
  for (let k = weeks; k >= 1; k--) {
    const origin = endOf(series) - k * WEEK;
    const train = truncate(series, origin - series.first);
    if (train.y.length < WEEK) continue;
    const targets = Array.from({ length: WEEK }, (_, j) => origin + j).filter((lh) => byLh.has(lh));
    const actual = targets.map((lh) => byLh.get(lh)!.contacts);
    const scale = naiveScale(train);
    const score = (model: string, f: ArrayLike<number>, lo?: ArrayLike<number>, hi?: ArrayLike<number>): WeekScore => {
      const err = actual.reduce((s, a, i) => s + Math.abs(a - f[i]), 0);
      const inside = lo && hi ? actual.filter((a, i) => lo[i] <= a && a <= hi[i]).length / actual.length : null;
      return { origin, model, mase: err / actual.length / scale, wape: err / actual.reduce((s, a) => s + a, 0), coverage80: inside };
    };
    for (const spec of MODELS) scores.push(score(spec.name, pointForecast(spec, train, occurrences, targets)));
    const before = hours.filter((h) => localHour(h.t, timeZone) < origin);
    const chosen = forecastQueue(before, events, timeZone, targets.map((lh) => byLh.get(lh)!.t));
    scores.push(score('chosen', chosen.contacts, chosen.lo80, chosen.hi80));
  }
  return scores;
}

/** In-sample mean absolute error of the same local hour one week earlier (MASE's scale). */
function naiveScale(s: Series): number {
  let sum = 0;
  let n = 0;
  for (let i = WEEK; i < s.y.length; i++) {
    if (Number.isFinite(s.y[i]) && Number.isFinite(s.y[i - WEEK])) {
      sum += Math.abs(s.y[i] - s.y[i - WEEK]);
      n++;
    }
  }
  return n > 0 && sum > 0 ? sum / n : 1;
}
