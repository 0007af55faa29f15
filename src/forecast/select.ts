import { type Backtest, type BacktestRun, rowsWhere } from './backtest.js';

/** The backtest's verdict: the family or combination to serve, its held-out forecasts, every score. */
export interface Selection {
  /** Names of the families averaged (one name: a single family). */
  members: string[];
  /** Held-out forecasts of the choice, aligned with the backtest rows. */
  forecast: Float64Array;
  /** Mean absolute error over the held-out hours, per family and per combination tried. */
  scores: Record<string, number>;
}

/** Which family or combination serves a queue, and its held-out error in the selection backtest. */
export interface ModelChoice {
  /** A family's name, or the names averaged joined by `+`. */
  model: string;
  /** Null when the history was too short to hold weeks out (the fallback family serves untested). */
  backtest: { weeks: number; hours: number; mae: number; wape: number | null } | null;
}

/** How many of the best families a combination may average. */
const MAX_MEMBERS = 3;

/**
 * Chooses by held-out mean absolute error (never in-sample fit): each family alone, then the
 * mean of the best two and three; a combination is served only when it scores better.
 */
export function select(bt: Backtest): Selection {
  const scores: Record<string, number> = {};
  const usable = bt.runs.filter((r) => !r.failed);
  for (const r of usable) scores[r.model] = mae(r.forecast, bt.actual);
  const ranked = [...usable].sort((a, b) => scores[a.model] - scores[b.model]);
  let best: Selection = { members: [ranked[0].model], forecast: ranked[0].forecast, scores };
  for (let n = 2; n <= Math.min(MAX_MEMBERS, ranked.length); n++) {
    const members = ranked.slice(0, n);
    const forecast = meanOf(members, (r) => r.forecast);
    const name = members.map((r) => r.model).join('+');
    scores[name] = mae(forecast, bt.actual);
    if (scores[name] < scores[best.members.join('+')]) best = { members: members.map((r) => r.model), forecast, scores };
  }
  return best;
}

/** The record of `selection` made on the `weeks` held-out weeks of `bt`. */
export function choiceOf(selection: Selection, bt: Backtest, weeks: number): ModelChoice {
  const model = selection.members.join('+');
  const hours = bt.actual.length;
  const total = bt.actual.reduce((s, a) => s + a, 0);
  const mae = selection.scores[model];
  return { model, backtest: { weeks, hours, mae, wape: total > 0 ? (mae * hours) / total : null } };
}

/** Mean absolute error over the hours with an actual value. */
export function mae(forecast: Float64Array, actual: Float64Array): number {
  let sum = 0;
  let n = 0;
  actual.forEach((a, i) => {
    if (Number.isFinite(a)) {
      sum += Math.abs(a - forecast[i]);
      n++;
    }
  });
  return n > 0 ? sum / n : NaN;
}

/** The mean of `values` of `runs` (at least one), row by row; a run without them counts 0. */
function meanOf(runs: readonly BacktestRun[], values: (r: BacktestRun) => Float64Array | null): Float64Array {
  return runs[0].forecast.map((_, i) => runs.reduce((sum, r) => sum + (values(r)?.[i] ?? 0), 0) / runs.length);
}

/**
 * The held-out forecasts (rows of `bt`) of the choice as it would have been made at each origin:
 * chosen on the errors in `oneWeek` of the origins before it (the first origin takes `final`),
 * with the log variance new event names add to them. The final choice's own errors flatter it,
 * as it won on those very weeks: intervals learn from these instead.
 */
export function asChosenThen(bt: Backtest, oneWeek: Backtest, final: Selection): { forecast: Float64Array; newNameVariance: Float64Array } {
  const forecast = new Float64Array(bt.actual.length);
  const newNameVariance = new Float64Array(bt.actual.length);
  const byMembers = new Map<string, { forecast: Float64Array; newNameVariance: Float64Array }>();
  bt.origins.forEach((from, k) => {
    const earlier = rowsWhere(oneWeek, (i) => oneWeek.origin[i] < from);
    const members = k > 0 && earlier.actual.length > 0 ? select(earlier).members : final.members;
    const key = members.join('+');
    if (!byMembers.has(key)) {
      const runs = bt.runs.filter((r) => members.includes(r.model));
      byMembers.set(key, { forecast: meanOf(runs, (r) => r.forecast), newNameVariance: meanOf(runs, (r) => r.newNameVariance) });
    }
    const chosen = byMembers.get(key)!;
    bt.origin.forEach((o, i) => {
      if (o !== from) return;
      forecast[i] = chosen.forecast[i];
      newNameVariance[i] = chosen.newNameVariance[i];
    });
  });
  return { forecast, newNameVariance };
}
