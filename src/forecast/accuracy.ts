import type { CalendarEvent, HourCount } from '../domain/types.js';
import { backtestWeeks, crossValidate, familyForecasters, type Backtest, type Forecaster } from './backtest.js';
import { WEEK, localHour } from './calendar.js';
import { type Occurrence, occurrencesOf } from './events/occurrences.js';
import { forecastQueue } from './forecastQueue.js';
import { MODELS } from './registry.js';
import { buildSeries, truncate, type Series } from './series.js';

/** Accuracy of one forecaster on one held-out week. */
export interface WeekScore {
  /** Local hour number of the week's first hour. */
  origin: number;
  /** A family's name, or `chosen` for what `shiftcast forecast` would have served. */
  model: string;
  /** NaN when the forecaster failed that week. */
  mase: number;
  wape: number;
  /** Share of hours inside the 80% interval (only the chosen forecaster has intervals). */
  coverage80: number | null;
}

/** Accuracy of one forecaster in the held-out hours of one event kind (or `ordinary`: no event), over all weeks. */
export interface KindScore {
  kind: string;
  model: string;
  hours: number;
  wape: number;
  /** WAPE over the same forecaster's WAPE in ordinary hours (NaN without ordinary hours). */
  ratio: number;
  /** Share of the kind's hours inside the 80% interval (only the chosen forecaster has intervals). */
  coverage80: number | null;
}

/** The backtest report: per week and forecaster, and per event kind and forecaster. */
export interface AccuracyReport {
  weeks: WeekScore[];
  kinds: KindScore[];
}

/**
 * The planner's accuracy report: each of the last `weeks` weeks (those with at least a week of
 * history before them) forecast one week ahead from the history before it, by every family and
 * by the full product (selection and intervals redone at each origin, so `chosen` is as honest
 * as the families). MASE is scaled by the in-sample error of "same local hour one week earlier".
 * The same held-out hours are then scored per event kind (an hour counts for every kind covering
 * it) against the ordinary hours no event covers: does the forecast miss the peaks?
 */
export function accuracyReport(
  hours: readonly HourCount[],
  events: readonly CalendarEvent[],
  timeZone: string,
  weeks: number,
): AccuracyReport {
  const series = buildSeries(hours, events, timeZone);
  const byLh = new Map(hours.map((h) => [localHour(h.t, timeZone), h]));
  const chosen: Forecaster = {
    name: 'chosen',
    forecast: (origin, targets) => {
      const before = hours.filter((h) => localHour(h.t, timeZone) < origin);
      const f = forecastQueue(
        before,
        events,
        timeZone,
        targets.map((lh) => byLh.get(lh)!.t),
      );
      return { mean: f.contacts, lo80: f.lo80, hi80: f.hi80 };
    },
  };
  const occurrences = occurrencesOf(events, timeZone);
  const forecasters = [...familyForecasters(series, occurrences, MODELS), chosen];
  const bt = crossValidate(series, forecasters, backtestWeeks(series, weeks, 1));
  return {
    weeks: bt.origins.flatMap((origin) => weekScores(bt, origin, naiveScale(truncate(series, origin - series.first)))),
    kinds: kindScores(bt, occurrences),
  };
}

/** Every forecaster's WAPE (and 80% coverage) per event kind over all held-out hours, ordinary hours first. */
function kindScores(bt: Backtest, occurrences: readonly Occurrence[]): KindScore[] {
  const kindsAt = bt.lh.map((lh) => {
    const kinds = [...new Set(occurrences.filter((o) => o.from <= lh && lh < o.to && o.intensity > 0).map((o) => o.kind))];
    return kinds.length > 0 ? kinds : ['ordinary'];
  });
  const kinds = ['ordinary', ...[...new Set(kindsAt.flat())].filter((k) => k !== 'ordinary').sort()];
  return bt.runs.flatMap((r) => {
    const { lo80: lo, hi80: hi } = r;
    const wapeOf = (kind: string) => {
      const rows = kindsAt.flatMap((ks, i) => (ks.includes(kind) && Number.isFinite(r.forecast[i]) ? [i] : []));
      const volume = rows.reduce((s, i) => s + bt.actual[i], 0);
      const error = rows.reduce((s, i) => s + Math.abs(bt.actual[i] - r.forecast[i]), 0);
      const inside = lo && hi ? rows.filter((i) => lo[i] <= bt.actual[i] && bt.actual[i] <= hi[i]).length / rows.length : null;
      return { hours: rows.length, wape: volume > 0 ? error / volume : NaN, coverage80: inside };
    };
    const ordinary = wapeOf('ordinary').wape;
    return kinds
      .map((kind) => ({ kind, model: r.model, ...wapeOf(kind) }))
      .filter((k) => k.hours > 0)
      .map((k) => ({ ...k, ratio: k.wape / ordinary }));
  });
}

/** Every forecaster's scores on the week from `origin`. */
function weekScores(bt: Backtest, origin: number, scale: number): WeekScore[] {
  const rows = bt.origin.flatMap((o, i) => (o === origin ? [i] : []));
  const total = rows.reduce((s, i) => s + bt.actual[i], 0);
  return bt.runs.map((r) => {
    const err = rows.reduce((s, i) => s + Math.abs(bt.actual[i] - r.forecast[i]), 0);
    const { lo80: lo, hi80: hi } = r;
    const inside = lo && hi ? rows.filter((i) => lo[i] <= bt.actual[i] && bt.actual[i] <= hi[i]).length / rows.length : null;
    return { origin, model: r.model, mase: err / rows.length / scale, wape: err / total, coverage80: inside };
  });
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
