import type { Occurrence } from './events/occurrences.js';
import { quantile } from './robust.js';

/**
 * An 80% interval model learnt from held-out (backtest) errors: the error variance grows with the
 * forecast as a·f + b·f² (Poisson noise plus a share of the level) and with the lead time as
 * 1 + growth·(days ahead), and the 10%/90% quantiles of the errors divided by that standard
 * deviation set the bounds, so skew is kept, moved out by the finite-sample correction of
 * conformal prediction so that a new hour is covered at least 80% of the time (see `bounds`).
 * The growth is learnt from held-out forecasts up to six weeks ahead (see INTERVAL_LEAD_WEEKS);
 * it extrapolates only past the leads the history could test. Hours of an
 * announced event get quantiles of their own held-out errors (larger, skewed), so that the
 * ordinary hours' bounds are not widened by them nor theirs too narrow: their kind's, when it
 * held out enough occurrences (a live session's peak is missed by more than a promotion day's
 * morning), else those of all events.
 */
export interface IntervalModel {
  a: number;
  b: number;
  /** Relative growth of the error variance per day of lead time (>= MIN_GROWTH). */
  growth: number;
  zLo: number;
  zHi: number;
  /**
   * The bounds' quantiles in hours of an announced event, learnt apart when the backtest had
   * enough of them: per kind, and over all kinds for a kind with too few.
   */
  event: { all: Bounds; byKind: ReadonlyMap<string, Bounds> } | null;
}

/** The 10% and 90% quantiles of the errors scaled by their standard deviation. */
interface Bounds {
  zLo: number;
  zHi: number;
}

/**
 * Least growth of the variance per day ahead: the level can only drift further with time, even
 * when the backtest cannot tell (about +1.7% of width per week). At 0.03 (before the growth was
 * learnt from multi-week errors) 80% intervals covered 87-93% of hours four weeks ahead
 * (bench/horizons.ts).
 */
export const MIN_GROWTH = 0.005;

/** Held-out hours a group (all, event hours, a kind's, a week of lead) needs before its errors are read on their own. */
const MIN_HOURS = 48;

/**
 * Held-out occurrences a kind needs before its hours get bounds of their own: an occurrence's
 * hours err together, so each 10% tail must rest on more than one occurrence.
 */
const MIN_OCCURRENCES = 12;

/** A sensible interval when there is no held-out history: Poisson noise plus 15% of the level. */
export const DEFAULT_INTERVALS: IntervalModel = { a: 1, b: 0.0225, growth: MIN_GROWTH, zLo: -1.2816, zHi: 1.2816, event: null };

/** Held-out forecasts and what came, hour by hour, as the interval model learns from them. */
export interface HeldOut {
  forecast: Float64Array;
  actual: Float64Array;
  /** How many days ahead of its origin each forecast was made (0 = the first day). */
  leadDays: ArrayLike<number>;
  /** The announced event each hour is in, or null (their errors are larger and skewed); none by default. */
  eventOf?: (i: number) => Occurrence | null;
  /** The day each hour is in (the hours of a day err together); by default each hour its own. */
  dayOf?: (i: number) => number;
  /** The log variance new event names add to each forecast (`WithEvents.newNameVariance`); 0 by default. */
  newNameVariance?: ArrayLike<number>;
}

/** Fits the interval model to held-out forecasts and actuals of the same hours (NaN pairs are skipped). */
export function fitIntervals({
  forecast,
  actual,
  leadDays,
  eventOf = () => null,
  dayOf = (i) => i,
  newNameVariance = new Float64Array(forecast.length),
}: HeldOut): IntervalModel {
  const rows: number[] = [];
  forecast.forEach((v, i) => {
    if (Number.isFinite(v) && Number.isFinite(actual[i]) && v > 0) rows.push(i);
  });
  if (rows.length < MIN_HOURS) return DEFAULT_INTERVALS;
  // The variance function is of the errors beyond what new names add: theirs is added apart.
  const { a, b } = varianceFit(
    rows.map((i) => forecast[i]),
    rows.map((i) => (actual[i] - forecast[i]) ** 2 - contactsVariance(forecast[i], newNameVariance[i])),
  );
  const z = (i: number, growth: number) => (actual[i] - forecast[i]) / sdAt({ a, b, growth }, forecast[i], leadDays[i], newNameVariance[i]);
  const growth = leadGrowth(
    rows.map((i) => leadDays[i]),
    rows.map((i) => z(i, 0)),
  );
  const eventAt = new Map(rows.map((i) => [i, eventOf(i)]));
  const event = rows.filter((i) => eventAt.get(i));
  const apart = event.length >= MIN_HOURS;
  const days = new Set(rows.map(dayOf)).size;
  // Each hour's error scaled once: event hours are read both for their kind and for all events.
  const scaled = new Map(rows.map((i) => [i, z(i, growth)]));
  const boundsOf = (hours: number[]) =>
    bounds(
      hours.map((i) => scaled.get(i)!),
      days,
    );
  const ordinary = boundsOf(apart ? rows.filter((i) => !eventAt.get(i)) : rows);
  const eventBounds = (hours: number[]) => atLeastAsWide(boundsOf(hours), ordinary);
  const kinds = new Map<string, { hours: number[]; occurrences: Set<Occurrence> }>();
  for (const i of event) {
    const o = eventAt.get(i)!;
    const k = kinds.get(o.kind) ?? { hours: [], occurrences: new Set() };
    k.hours.push(i);
    k.occurrences.add(o);
    kinds.set(o.kind, k);
  }
  const byKind = [...kinds].filter(([, k]) => k.hours.length >= MIN_HOURS && k.occurrences.size >= MIN_OCCURRENCES);
  return {
    a,
    b,
    growth,
    ...ordinary,
    event: apart ? { all: eventBounds(event), byKind: new Map(byKind.map(([kind, k]) => [kind, eventBounds(k.hours)])) } : null,
  };
}

/**
 * Event bounds widened, their skew kept, to at least the ordinary hours' width: an event hour is as
 * uncertain as an ordinary one and more, and a few held-out occurrences that happened to be
 * forecast well must not say otherwise.
 */
function atLeastAsWide(event: Bounds, ordinary: Bounds): Bounds {
  const width = event.zHi - event.zLo;
  if (width <= 0) return ordinary;
  const widen = Math.max(1, (ordinary.zHi - ordinary.zLo) / width);
  return { zLo: event.zLo * widen, zHi: event.zHi * widen };
}

/** Share of hours an 80% interval leaves out on each side. */
const TAIL = 0.1;

/**
 * The bounds of scaled errors from `days` held-out days, on either side of 0: their quantiles
 * at TAIL and 1 - TAIL, moved out by split conformal prediction's finite-sample correction, the
 * (1 - TAIL)(1 + 1/n) quantile (Vovk et al. 2005; Lei et al. 2018). The plain quantiles of n
 * errors cover a new one with probability 80%·n/(n + 1) on average, and less with the spread of
 * the quantiles themselves; these at least 80%. The n is the days, not the hours: the hours of a
 * day err together (the day's level).
 */
function bounds(scaled: number[], days: number): Bounds {
  const tail = Math.max(0, TAIL - (1 - TAIL) / days);
  return { zLo: Math.min(0, quantile(scaled, tail)), zHi: Math.max(0, quantile(scaled, 1 - tail)) };
}

/**
 * Relative growth per day of the squared width of the central 80% of the scaled errors, by week
 * of lead: a line through (mean lead day, width²) of each week with enough rows, weighted by its
 * rows, slope over intercept. Widths, not mean squares, so that a few outlying hours (a holiday
 * the calendar missed) do not set the growth; whole weeks, because with weekly origins a lead day
 * is also a weekday, whose own error level is not growth.
 */
function leadGrowth(lead: number[], z: number[]): number {
  const weeks = new Map<number, number[]>();
  lead.forEach((l, i) => {
    const w = Math.floor(l / 7);
    weeks.set(w, [...(weeks.get(w) ?? []), i]);
  });
  const bands = [...weeks.values()]
    .filter((rows) => rows.length >= MIN_HOURS)
    .map((rows) => {
      const zs = rows.map((i) => z[i]);
      return {
        n: rows.length,
        day: rows.reduce((s, i) => s + lead[i], 0) / rows.length,
        width2: (quantile(zs, 0.9) - quantile(zs, 0.1)) ** 2,
      };
    });
  const n = bands.reduce((s, b) => s + b.n, 0);
  const md = bands.reduce((s, b) => s + b.n * b.day, 0) / n;
  const mw = bands.reduce((s, b) => s + b.n * b.width2, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const b of bands) {
    sxy += b.n * (b.day - md) * (b.width2 - mw);
    sxx += b.n * (b.day - md) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = mw - slope * md;
  const growth = intercept > 0 ? slope / intercept : 0;
  return Number.isFinite(growth) ? Math.min(1, Math.max(MIN_GROWTH, growth)) : MIN_GROWTH;
}

/** Reweighting rounds of the variance fit (the weights settle within a few). */
const VARIANCE_ROUNDS = 8;

/**
 * The variance function a·f + b·f² of squared errors e², by least squares weighted by the inverse
 * square of the fitted variance (a gamma quasi-likelihood, reweighted until it settles), both
 * coefficients kept non-negative. Unweighted, the squared errors of the busiest hours (their
 * spread grows as f⁴) set both coefficients, and the split between Poisson noise and level error,
 * which decides the width of the quiet hours, is left to chance: 80% intervals covered 62-85% of
 * the quiet bank's hours under 200 contacts and 61-96% of its busier ones (seeds 1-6, twelve
 * weekly origins, one week ahead); now 74-78% and 73-83%.
 */
function varianceFit(f: number[], e2: number[]): { a: number; b: number } {
  let fit = weightedFit(f, e2, () => 1);
  for (let round = 0; round < VARIANCE_ROUNDS; round++) {
    const { a, b } = fit;
    fit = weightedFit(f, e2, (v) => 1 / (a * v + b * v * v) ** 2);
  }
  return fit;
}

/** Weighted least squares of e² on (f, f²), both coefficients kept non-negative. */
function weightedFit(f: number[], e2: number[], weight: (f: number) => number): { a: number; b: number } {
  let s11 = 0,
    s12 = 0,
    s22 = 0,
    r1 = 0,
    r2 = 0;
  f.forEach((v, i) => {
    const w = weight(v);
    s11 += w * v * v;
    s12 += w * v * v * v;
    s22 += w * v * v * v * v;
    r1 += w * v * e2[i];
    r2 += w * v * v * e2[i];
  });
  const det = s11 * s22 - s12 * s12;
  let a = det > 0 ? (r1 * s22 - r2 * s12) / det : 0;
  let b = det > 0 ? (r2 * s11 - r1 * s12) / det : 0;
  if (a < 0 || !Number.isFinite(a)) [a, b] = [0, r2 / s22];
  if (b < 0 || !Number.isFinite(b)) [a, b] = [r1 / s11, 0];
  return { a: Math.max(a, 1e-6), b: Math.max(b, 0) };
}

/**
 * The standard deviation of the error of forecast `f` made `leadDays` ahead: the variance
 * function grown with the lead, plus what new event names add (`newNameVariance`, a log variance).
 */
function sdAt(m: { a: number; b: number; growth: number }, f: number, leadDays: number, newNameVariance: number): number {
  return Math.sqrt((m.a * f + m.b * f * f) * (1 + m.growth * Math.max(0, leadDays)) + contactsVariance(f, newNameVariance));
}

/** The variance in contacts of forecast `f` whose log has variance `newNameVariance`. */
function contactsVariance(f: number, newNameVariance: number): number {
  return newNameVariance > 0 ? f * f * Math.expm1(newNameVariance) : 0;
}

/**
 * The 80% interval around point forecast `f` (contacts) made `leadDays` days ahead (0 = the first
 * day after the history), in an hour of an event of `eventKind` (null: of none), where new event
 * names add `newNameVariance` to the log variance (`WithEvents.newNameVariance`); it always
 * contains `f`, never below 0.
 */
export function interval(
  m: IntervalModel,
  f: number,
  leadDays: number,
  eventKind: string | null = null,
  newNameVariance = 0,
): { lo80: number; hi80: number } {
  if (f <= 0) return { lo80: 0, hi80: 0 };
  const sd = sdAt(m, f, leadDays, newNameVariance);
  const z = eventKind === null || m.event === null ? m : (m.event.byKind.get(eventKind) ?? m.event.all);
  return { lo80: Math.max(0, f + z.zLo * sd), hi80: f + z.zHi * sd };
}
