import { WEEK } from '../calendar.js';
import { weightedMedian } from '../robust.js';
import { endOf, normalAt, type Series, typicalAt } from '../series.js';
import { coverTerms, type EventEffects, slopeKey, spillHours, spillTerm, type Term, termKey } from './effects.js';
import type { Occurrence } from './occurrences.js';

/** Same-hour-of-week neighbours that form the "what a normal week would have had" baseline. */
const BASELINE_WEEKS = [-3, -2, -1, 1, 2, 3];

/**
 * How strongly a kind's shape and spill-over terms are pulled towards "no effect", in
 * occurrences' worth (of the term's own expected contacts per occurrence, so that the pull is the
 * same in a small center and a large one): a spill-over, learnt from the noisy days around
 * events, needs several occurrences to speak; a shape little.
 */
const PRIOR = { shape: 0.05, spill: 1 };
/**
 * Occurrences' worth of weight pulling a name's hourly shape towards its kind's (its level is
 * shrunk by the variance components of `nameLevels`).
 */
const NAME_SHAPE_PRIOR = 3;
/** Weight of each older occurrence of a name against the next newer one, in its level. */
const RECENCY = 0.9;
/** Rounds of fitting the kinds' terms with the names' held fixed, then the names'. */
const ROUNDS = 3;
/** Ridge on a regressor slope, in expected contacts x squared log-ratio. */
const SLOPE_RIDGE = 50;
/** Past occurrences with a value a regressor needs, and their least spread (max / min). */
const SLOPE_MIN_OCCURRENCES = 3;
const SLOPE_MIN_SPREAD = 1.1;
/** Newton sweeps over every term. */
const SWEEPS = 30;
/** Normal hours a day needs outside events before its own level is read from them. */
const DAY_LEVEL_MIN_HOURS = 12;

/** One past hour in or near an event: its contacts, its normal baseline, and the terms that move it. */
interface Row {
  actual: number;
  baseline: number;
  /** Kind term indices (shapes, spill-overs), repeated when two occurrences of a kind overlap. */
  terms: number[];
  /** Regressor slopes: index and log(value / typical). */
  slopes: { index: number; z: number }[];
  /** The occurrences covering the hour (their index in `past`) and the hour's name-shape key. */
  covers: { occurrence: number; shape: string }[];
  /** Log of the names' current multipliers in this hour (held fixed while the kinds' terms are fitted). */
  nameLog: number;
}

/**
 * Learns the event model from the history: a Poisson log-linear regression of each past event
 * hour's contacts on its normal baseline (the median of the same hour in the surrounding weeks,
 * events imputed, times how busy that day was in its normal hours — a day's level is read net
 * of its events), with the terms of `effects.ts` as regressors (Aldor-Noiman et al. 2009; Rausch
 * et al. 2022): the kind's hourly shape, the name's level and shape shrunk towards the kind, the
 * kind's spill-over in the hours before and after, and slopes on the numeric columns of the
 * calendar. Overlapping events are fitted jointly (their logs add). Hours of a past event without
 * a row, when normal weeks are open then, count as 0 contacts (a holiday closure).
 */
export function learnEffects(s: Series, occurrences: readonly Occurrence[]): EventEffects {
  const end = endOf(s);
  const past = occurrences.filter((o) => o.intensity > 0 && o.from < end && o.to + spillHours(o) > s.first);
  const slopes = regressorTypicals(past);
  const index = new Map<string, number>();
  const support: { spill: boolean; expected: number; occurrences: Set<Occurrence> }[] = [];
  const termIndex = (t: Term, o: Occurrence, base: number) => {
    const key = termKey(t);
    let i = index.get(key);
    if (i === undefined) {
      i = support.length;
      index.set(key, i);
      support.push({ spill: t.term === 'spill', expected: 0, occurrences: new Set() });
    }
    support[i].expected += base;
    support[i].occurrences.add(o);
    return i;
  };
  const slopeList = [...slopes.keys()];
  const nearEvents = hoursNear(past, s.first, end);
  const baselineAt = baselines(s, nearEvents);
  const rows: Row[] = [];
  for (const [lh, near] of nearEvents) {
    const covering = near.filter((o) => lh >= o.from && lh < o.to);
    const base = baselineAt(lh);
    if (!(base > 0)) continue;
    const y = s.y[lh - s.first];
    if (!Number.isFinite(y) && covering.length === 0) continue;
    const observed = Number.isFinite(y) ? y : 0;
    // Intensity says how big an occurrence was meant to be: learn the size of a typical one.
    const intensity = covering.reduce((p, o) => p * o.intensity, 1);
    const actual = Math.max(0, base + (observed - base) / intensity);
    const terms = near.map((o) => termIndex(covering.includes(o) ? coverTerms(o, lh)[0] : spillTerm(o, lh)!, o, base));
    const z = covering.flatMap((o) =>
      Object.entries(o.regressors ?? {})
        .filter(([c, v]) => slopes.has(slopeKey(o.kind, c)) && v > 0)
        .map(([c, v]) => ({ index: slopeList.indexOf(slopeKey(o.kind, c)), z: Math.log(v / slopes.get(slopeKey(o.kind, c))!) })),
    );
    const covers = covering.map((o) => ({ occurrence: past.indexOf(o), shape: termKey(coverTerms(o, lh)[2]) }));
    rows.push({ actual, baseline: base, terms, slopes: z, covers, nameLog: 0 });
  }
  const priors = support.map((t) => (t.spill ? PRIOR.spill : PRIOR.shape) * (t.expected / t.occurrences.size));
  const names = new Map<string, number>();
  const theta = new Float64Array(priors.length);
  const beta = new Float64Array(slopeList.length);
  for (let round = 0; round < ROUNDS; round++) {
    const mu = fitPoisson(rows, priors, theta, beta);
    // The kinds' shapes carry the mean of their names' levels: a new name is a typical one.
    for (const [kind, shift] of learnNames(rows, mu, past, names)) {
      for (const [key, i] of index) if (key.startsWith(`shape|${kind}/`)) theta[i] += shift;
    }
  }
  return {
    log: new Map([...[...index].map(([key, i]) => [key, theta[i]] as const), ...names]),
    slopes: new Map(slopeList.map((key, i) => [key, { slope: beta[i], typical: slopes.get(key)! }])),
  };
}

/**
 * The names' terms given the kinds' (`mu`: each row's fitted mean with the names' current terms):
 * each occurrence's log ratio of contacts to what its kind and regressors expected says how far
 * it stood out; a name's level is the mean of its occurrences' ratios shrunk by how much
 * occurrences of one name scatter against how much names differ (variance components, so one
 * occurrence of a new promotion says little and twenty of a streamer say much); its hourly shape
 * is then the remaining ratio per hour, shrunk by `NAME_SHAPE_PRIOR` occurrences. Updates
 * `names` (term key to log multiplier) and each row's `nameLog`; returns per kind the mean level
 * taken out of its names, for its shape to carry.
 */
function learnNames(rows: Row[], mu: Float64Array, past: readonly Occurrence[], names: Map<string, number>): Map<string, number> {
  const withoutNames = Float64Array.from(mu, (m, i) => m / Math.exp(rows[i].nameLog));
  const logOf = (key: string) => names.get(key) ?? 0;
  const levelKey = (o: Occurrence) => termKey({ term: 'level', name: o.name });
  const nameLogOf = (c: Row['covers'][number]) => logOf(levelKey(past[c.occurrence])) + logOf(c.shape);
  // Contacts and what the kinds, regressors and the other names covering each hour expected, per key.
  const sums = (of: (c: Row['covers'][number]) => string) => {
    const acc = new Map<string, { actual: number; expected: number; occurrences: Set<number> }>();
    rows.forEach((r, i) => {
      for (const c of r.covers) {
        const others = r.covers.reduce((x, d) => (d === c ? x : x + nameLogOf(d)), 0);
        const a = acc.get(of(c)) ?? { actual: 0, expected: 0, occurrences: new Set<number>() };
        a.actual += r.actual;
        a.expected += withoutNames[i] * Math.exp(others);
        a.occurrences.add(c.occurrence);
        acc.set(of(c), a);
      }
    });
    return acc;
  };
  // Each occurrence's log ratio, then the names' levels.
  const byOccurrence = sums((c) => String(c.occurrence));
  const ratios = new Map<string, { from: number; ratio: number }[]>();
  for (const [key, a] of byOccurrence) {
    const o = past[Number(key)];
    ratios.set(levelKey(o), [...(ratios.get(levelKey(o)) ?? []), { from: o.from, ratio: Math.log((a.actual + 1) / (a.expected + 1)) }]);
  }
  const k = shrinkage([...ratios.values()].map((rs) => rs.map((r) => r.ratio)));
  const levels = new Map<string, number>();
  for (const [name, rs] of ratios) {
    // Recent occurrences say more about the next one: an audience grows, a format changes.
    const weights = rs.map((r) => RECENCY ** rs.filter((q) => q.from > r.from).length);
    const total = weights.reduce((x, w) => x + w, 0);
    levels.set(name, rs.reduce((x, r, i) => x + weights[i] * r.ratio, 0) / (total + k));
  }
  // Levels are deviations from their kind: each kind's mean level moves to its shape.
  const kindOf = new Map(past.map((o) => [levelKey(o), o.kind]));
  const shifts = new Map<string, number>();
  for (const kind of new Set(kindOf.values())) {
    const own = [...levels].filter(([name]) => kindOf.get(name) === kind);
    if (own.length === 0) continue;
    const shift = own.reduce((x, [, l]) => x + l, 0) / own.length;
    shifts.set(kind, shift);
    for (const [name, l] of own) names.set(name, l - shift);
  }
  // Then each name's hours against its level.
  const byHour = sums((c) => c.shape);
  for (const [shape, a] of byHour) {
    const name = shape.split('|')[1];
    const level = logOf(termKey({ term: 'level', name }));
    const n = a.occurrences.size;
    names.set(shape, (n / (n + NAME_SHAPE_PRIOR)) * (Math.log((a.actual + 1) / (a.expected + 1)) - level));
  }
  for (const r of rows) r.nameLog = r.covers.reduce((x, c) => x + nameLogOf(c), 0);
  return shifts;
}

/** Least and greatest occurrences' worth of weight pulling a name's level towards its kind. */
const SHRINK_RANGE = [0.25, 10] as const;

/**
 * Occurrences' worth of shrinkage of a name's mean log ratio: the scatter of occurrences within
 * a name over the spread between names (method of moments; 1 when there is too little to say).
 */
function shrinkage(groups: readonly number[][]): number {
  const repeated = groups.filter((g) => g.length >= 2);
  if (repeated.length === 0 || groups.length < 3) return 1;
  let within = 0;
  let dof = 0;
  for (const g of repeated) {
    const m = g.reduce((a, b) => a + b, 0) / g.length;
    within += g.reduce((a, b) => a + (b - m) ** 2, 0);
    dof += g.length - 1;
  }
  const sigma2 = within / dof;
  const means = groups.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
  const grand = means.reduce((a, b) => a + b, 0) / means.length;
  const meanSize = groups.reduce((a, g) => a + 1 / g.length, 0) / groups.length;
  const tau2 = means.reduce((a, m) => a + (m - grand) ** 2, 0) / (means.length - 1) - sigma2 * meanSize;
  const k = tau2 > 0 ? sigma2 / tau2 : SHRINK_RANGE[1];
  return Math.min(SHRINK_RANGE[1], Math.max(SHRINK_RANGE[0], k));
}

/** The past hours in or near (within spill reach of) an occurrence, each with those occurrences. */
function hoursNear(past: readonly Occurrence[], first: number, end: number): Map<number, Occurrence[]> {
  const near = new Map<number, Occurrence[]>();
  for (const o of past) {
    const reach = spillHours(o);
    for (let lh = Math.max(first, o.from - reach); lh < Math.min(end, o.to + reach); lh++) near.set(lh, [...(near.get(lh) ?? []), o]);
  }
  return near;
}

/** Per kind and numeric column: the typical (median) value, when enough past occurrences vary in it. */
function regressorTypicals(past: readonly Occurrence[]): Map<string, number> {
  const values = new Map<string, number[]>();
  for (const o of past) {
    for (const [column, v] of Object.entries(o.regressors ?? {})) {
      if (v > 0) values.set(slopeKey(o.kind, column), [...(values.get(slopeKey(o.kind, column)) ?? []), v]);
    }
  }
  const out = new Map<string, number>();
  for (const [key, vs] of values) {
    if (vs.length >= SLOPE_MIN_OCCURRENCES && Math.max(...vs) >= SLOPE_MIN_SPREAD * Math.min(...vs))
      out.set(
        key,
        weightedMedian(
          vs,
          vs.map(() => 1),
        ),
      );
  }
  return out;
}

/**
 * The normal baseline of a past local hour: the median of its typical volume in the surrounding
 * weeks, times how busy its day was in its normal hours away from events (1 with too few of
 * them): the returns the day after a promotion are its spill-over, not that day's level.
 */
function baselines(s: Series, nearEvents: ReadonlyMap<number, unknown>): (lh: number) => number {
  const weeksAround = (lh: number) => {
    const neighbours = BASELINE_WEEKS.map((k) => typicalAt(s, lh + k * WEEK)).filter(Number.isFinite);
    return neighbours.length < 2
      ? NaN
      : weightedMedian(
          neighbours,
          neighbours.map(() => 1),
        );
  };
  const levels = new Map<number, number>();
  const dayLevel = (day: number) => {
    let level = levels.get(day);
    if (level === undefined) {
      let actual = 0;
      let expected = 0;
      let hours = 0;
      for (let lh = day * 24; lh < day * 24 + 24; lh++) {
        const v = nearEvents.has(lh) ? NaN : normalAt(s, lh);
        const b = Number.isFinite(v) ? weeksAround(lh) : NaN;
        if (!Number.isFinite(b)) continue;
        actual += v;
        expected += b;
        hours++;
      }
      level = hours >= DAY_LEVEL_MIN_HOURS && actual > 0 && expected > 0 ? Math.min(2, Math.max(0.5, actual / expected)) : 1;
      levels.set(day, level);
    }
    return level;
  };
  return (lh) => weeksAround(lh) * dayLevel(Math.floor(lh / 24));
}

/**
 * Maximum a-posteriori Poisson regression by cyclic Newton steps: log mean = log baseline +
 * the names' logs (fixed) + the row's kind term logs + slopes x z; each term has a log-gamma prior centred on "no
 * effect" with `priors[i]` expected contacts' weight, each slope a ridge. Updates `theta` and `beta` in
 * place (each round starts from the last) and returns each row's fitted mean.
 */
function fitPoisson(rows: readonly Row[], priors: readonly number[], theta: Float64Array, beta: Float64Array): Float64Array {
  const mu = Float64Array.from(rows, (r) => {
    const kinds = r.terms.reduce((x, t) => x + theta[t], 0) + r.slopes.reduce((x, z) => x + beta[z.index] * z.z, 0);
    return r.baseline * Math.exp(r.nameLog + kinds);
  });
  const byTerm: { row: number; count: number }[][] = priors.map(() => []);
  const bySlope: { row: number; z: number }[][] = Array.from({ length: beta.length }, () => []);
  rows.forEach((r, i) => {
    const counts = new Map<number, number>();
    for (const t of r.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, count] of counts) byTerm[t].push({ row: i, count });
    for (const z of r.slopes) bySlope[z.index].push({ row: i, z: z.z });
  });
  const step = (g: number, h: number) => Math.max(-1, Math.min(1, g / h));
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    let largest = 0;
    byTerm.forEach((entries, j) => {
      let g = priors[j] * (1 - Math.exp(theta[j]));
      let h = priors[j] * Math.exp(theta[j]);
      for (const { row, count } of entries) {
        g += count * (rows[row].actual - mu[row]);
        h += count * count * mu[row];
      }
      if (!(h > 0)) return;
      const d = step(g, h);
      theta[j] += d;
      for (const { row, count } of entries) mu[row] *= Math.exp(count * d);
      largest = Math.max(largest, Math.abs(d));
    });
    bySlope.forEach((entries, j) => {
      let g = -SLOPE_RIDGE * beta[j];
      let h = SLOPE_RIDGE;
      for (const { row, z } of entries) {
        g += z * (rows[row].actual - mu[row]);
        h += z * z * mu[row];
      }
      const d = step(g, h);
      beta[j] += d;
      for (const { row, z } of entries) mu[row] *= Math.exp(z * d);
      largest = Math.max(largest, Math.abs(d));
    });
    if (largest < 1e-4) break;
  }
  return mu;
}
