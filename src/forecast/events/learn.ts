import { mean, median, sampleVariance } from '../robust.js';
import { endOf, normalAt, type Series, usualAround } from '../series.js';
import {
  combineKey,
  eventName,
  coverTerms,
  mayBeAbsolute,
  type EventEffects,
  type Overlaps,
  type Reach,
  slopeKey,
  spillHours,
  spillTerm,
  type Term,
  termKey,
} from './effects.js';
import { type Exposure, spillExposure } from './exposure.js';
import type { Occurrence } from './occurrences.js';

/**
 * How strongly a kind's shape and spill-over terms are pulled towards "no effect", in
 * occurrences' worth (of the term's own expected contacts per occurrence, so that the pull is the
 * same in a small center and a large one): a spill-over, learnt from the noisy days around
 * events, needs several occurrences to speak; a shape little.
 */
const PRIOR = { shape: 0.05, spill: 1 };
/** Weight of each older occurrence of a name against the next newer one, in its level. */
const RECENCY = 0.9;
/** Rounds of fitting the kinds' terms with the names' held fixed, then the names'. */
const ROUNDS = 2;
/** Ridge on a regressor slope, in occurrences' worth of its kind's expected contacts (scale-free, weak). */
const SLOPE_PRIOR = 0.01;
/** Past occurrences with a value a regressor needs, and their least spread (max / min). */
const SLOPE_MIN_OCCURRENCES = 3;
const SLOPE_MIN_SPREAD = 1.1;
/**
 * The range of any log multiplier (a closure's 0.00005x to a launch's 150x) and of a slope: an
 * odd history (a first occurrence on a closed day) must not overflow into a non-finite forecast.
 */
const LOG_RANGE = [-10, 5] as const;
const SLOPE_RANGE = [-2, 2] as const;

/** `x` clamped into `[lo, hi]`; NaN becomes 0 (no effect). */
function within([lo, hi]: readonly [number, number], x: number): number {
  return Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : Number.isNaN(x) ? 0 : x > 0 ? hi : lo;
}

/**
 * The t a kind's names' deviance saved must reach for its extra to be read as absolute or as
 * relative rather than half-way (about a one-sided 5% test with a handful of names): a tie, or a
 * split among names, stays half-way (`HALF_WAY`).
 */
const FORM_T = 2;
/** The reach's power of a kind whose names cannot tell its form (see `Reach`): the geometric middle. */
const HALF_WAY = 0.5;

/** Newton sweeps over every term, at most, and the largest step that ends them. */
const SWEEPS = 30;
const CONVERGED = 1e-3;
/** Normal hours a day needs outside events before its own level is read from them. */
const DAY_LEVEL_MIN_HOURS = 12;

/** An occurrence covering a row's hour: its kind, its kind-shape term, name-shape key and regressors. */
interface Cover {
  occurrence: number;
  kind: string;
  /** Whether the occurrence's extra may be absolute (`mayBeAbsolute`), should its kind be. */
  mayBeAbsolute: boolean;
  shape: number;
  nameShape: string;
  level: string;
  slopes: { index: number; z: number }[];
}

/** One past hour in or near an event: its contacts, its normal baseline, and what moves it. */
interface Row {
  actual: number;
  baseline: number;
  covers: Cover[];
  /** Spill-over terms of the occurrences whose reach (not span) holds the hour, each with its occurrence's exposure. */
  spill: { term: number; exposure: number }[];
}

/**
 * The model's parameters: kind terms (shapes, spill-overs), slopes, the names' terms by key; and
 * its form: how overlaps combine, which kinds' extra does not wholly follow normal volume (`Reach`).
 */
interface Params {
  theta: Float64Array;
  beta: Float64Array;
  names: Map<string, number>;
  overlaps: Overlaps;
  reach: Map<string, Reach>;
  /** Per kind, how far a new name may stand from it (`EventEffects.newNameSpread`), as the last names' fit found. */
  newNameSpread: Map<string, number>;
}

/** The parameters fitted in one form, and their deviance. */
interface Fitted {
  p: Params;
  deviance: number;
}

/**
 * Learns the event model from the history: a Poisson regression of each past event hour's
 * contacts on its normal baseline (the median of the same hour in the surrounding weeks, events
 * imputed, times how busy that day was in its normal hours away from events — a day's level is
 * read net of its events), with the terms of `effects.ts` as regressors (Aldor-Noiman et al.
 * 2009; Rausch et al. 2022): the kind's hourly shape, the name's level and shape shrunk towards
 * the kind, slopes on the numeric columns of the calendar, and the kind's spill-over in the hours
 * before and after, its log weighed by each occurrence's `exposure` (what it displaced). Overlapping
 * events are fitted jointly, their effects combined in the form (`Overlaps`) that fits the
 * history's overlaps best; a kind of short events brings the same extra contacts whatever the
 * hour's normal volume (`EventEffects.reach`) when that fits its past names better, name by
 * name, extra in proportion to it when that does, and the geometric middle of the two when its
 * names cannot tell. Hours of a past event without a row, when normal weeks are open then, count as 0
 * contacts (a holiday closure).
 */
export function learnEffects(s: Series, occurrences: readonly Occurrence[], exposure: Exposure = spillExposure(s)): EventEffects {
  const end = endOf(s);
  const past = occurrences.filter((o) => o.intensity > 0 && o.from < end && o.to + spillHours(o) > s.first);
  const typicals = regressorTypicals(past);
  const slopeList = [...typicals.keys()];
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
  const slopeSupport = slopeList.map(() => ({ expected: 0, occurrences: new Set<Occurrence>() }));
  const position = new Map(past.map((o, i) => [o, i]));
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
    const covers = covering.map((o) => {
      const [shape, level, nameShape] = coverTerms(o, lh);
      const slopes = Object.entries(o.regressors ?? {})
        .filter(([c, v]) => typicals.has(slopeKey(o.kind, c)) && v > 0)
        .map(([c, v]) => ({ index: slopeList.indexOf(slopeKey(o.kind, c)), z: Math.log(v / typicals.get(slopeKey(o.kind, c))!) }));
      for (const z of slopes) {
        slopeSupport[z.index].expected += base;
        slopeSupport[z.index].occurrences.add(o);
      }
      return {
        occurrence: position.get(o)!,
        kind: o.kind,
        mayBeAbsolute: mayBeAbsolute(o),
        shape: termIndex(shape, o, base),
        level: termKey(level),
        nameShape: termKey(nameShape),
        slopes,
      };
    });
    const spill = near
      .filter((o) => !covering.includes(o))
      .map((o) => {
        const t = spillTerm(o, lh)!;
        return { term: termIndex(t, o, base), exposure: exposure(o, t.side) };
      });
    rows.push({ actual: Math.max(0, base + (observed - base) / intensity), baseline: base, covers, spill });
  }
  const priors = support.map((t) => (t.spill ? PRIOR.spill : PRIOR.shape) * (t.expected / t.occurrences.size));
  const ridges = slopeSupport.map((t) => (t.occurrences.size > 0 ? (SLOPE_PRIOR * t.expected) / t.occurrences.size : 1));
  // How overlapping occurrences combine is the history's call: each form its overlaps can tell
  // apart is fitted, and the one with the least deviance serves.
  const sameKind = rows.some((r) => r.covers.some((c) => r.covers.some((d) => d !== c && d.kind === c.kind)));
  const otherKind = rows.some((r) => r.covers.some((c) => r.covers.some((d) => d.kind !== c.kind)));
  const forms: Overlaps[] = ['multiply', ...(sameKind ? ['add within kind' as const] : []), ...(otherKind ? ['add' as const] : [])];
  const fitForm = (overlaps: Overlaps, reach: Map<string, Reach>): Fitted => {
    const p: Params = {
      theta: new Float64Array(priors.length),
      beta: new Float64Array(slopeList.length),
      names: new Map(),
      overlaps,
      reach,
      newNameSpread: new Map(),
    };
    for (let round = 0; round < ROUNDS; round++) {
      fitKinds(rows, priors, ridges, p);
      learnNames(rows, past, p, (kind, shift) => {
        for (const [key, i] of index) if (key.startsWith(`shape|${kind}/`)) p.theta[i] += shift;
      });
    }
    return { p, deviance: deviance(rows, p) };
  };
  let best = forms.map((overlaps) => fitForm(overlaps, new Map())).reduce((b, f) => (f.deviance < b.deviance ? f : b));
  // Then, kind by kind, whether its extra follows the hour's normal volume or not. A recurring
  // name's own level absorbs either form at its usual hour: the forms differ in how a new name
  // (the kind's terms alone) fits each past name's hours. Names are the units of that evidence
  // (each has its own hours and its own size): one form must fit better than the other name after
  // name. A wrong form costs a new name at an hour of k times the volume a factor k; the middle,
  // where the names cannot tell, at most √k.
  for (const [kind, reference] of references(rows)) {
    const withPower = (power: number) => fitForm(best.p.overlaps, new Map(best.p.reach).set(kind, { reference, power }));
    const relative = best;
    const absolute = withPower(1);
    const namesPrefer = (f: Fitted, over: Fitted) => {
      const saved = new Map<string, number>();
      for (const r of rows) {
        const d = rowDeviance(r, over.p, false) - rowDeviance(r, f.p, false);
        for (const c of r.covers) if (c.kind === kind) saved.set(c.level, (saved.get(c.level) ?? 0) + d);
      }
      return tStatistic([...saved.values()]) > FORM_T;
    };
    best = namesPrefer(absolute, relative) ? absolute : namesPrefer(relative, absolute) ? relative : withPower(HALF_WAY);
  }
  const params = best.p;
  return {
    log: new Map([...[...index].map(([key, i]) => [key, params.theta[i]] as const), ...params.names]),
    slopes: new Map(slopeList.map((key, i) => [key, { slope: params.beta[i], typical: typicals.get(key)! }])),
    overlaps: params.overlaps,
    reach: params.reach,
    newNameSpread: params.newNameSpread,
  };
}

/**
 * Per kind of the occurrences whose extra may be absolute (`mayBeAbsolute`): the median normal
 * volume of the hours they cover, which such a kind's terms are read at (`Reach`).
 */
function references(rows: readonly Row[]): Map<string, number> {
  const baselines = new Map<string, number[]>();
  for (const r of rows) {
    for (const c of r.covers) {
      if (!c.mayBeAbsolute) continue;
      const list = baselines.get(c.kind);
      if (list) list.push(r.baseline);
      else baselines.set(c.kind, [r.baseline]);
    }
  }
  return new Map([...baselines].sort(([a], [b]) => a.localeCompare(b)).map(([kind, b]) => [kind, median(b)]));
}

/** Poisson deviance of rows under the parameters. */
function deviance(rows: readonly Row[], p: Params): number {
  return rows.reduce((d, r) => d + rowDeviance(r, p), 0);
}

/** Poisson deviance of one row under the parameters, or under the kinds' terms alone (its names new ones). */
function rowDeviance(r: Row, p: Params, withNames = true): number {
  const m = evaluate(r, groupsOf(r, p), withNames ? namesOf(r, p) : new Float64Array(r.covers.length), p).mu;
  return 2 * ((r.actual > 0 ? r.actual * Math.log(r.actual / m) : 0) - (r.actual - m));
}

/** Student's t of the mean of `xs` against 0 (0 for fewer than three values, or none that differ). */
function tStatistic(xs: readonly number[]): number {
  if (xs.length < 3) return 0;
  const sd = Math.sqrt(sampleVariance(xs));
  return sd > 0 ? mean(xs) / (sd / Math.sqrt(xs.length)) : 0;
}

/**
 * A row under the parameters, per cover: its multiplier e^eta (its kind's shape and its names'
 * terms), its regressors' scale exp(slopes x z), its group's sum 1 + the group's extra volume
 * ((multiplier - 1) x scale of each cover in it) and that floored just above 0 (a closure's
 * limit); and the row's mean.
 */
interface RowState {
  e: Float64Array;
  scale: Float64Array;
  sums: Float64Array;
  factor: Float64Array;
  mu: number;
}

function stateOf(r: Row): RowState {
  const n = r.covers.length;
  return { e: new Float64Array(n), scale: new Float64Array(n), sums: new Float64Array(n), factor: new Float64Array(n), mu: 0 };
}

/** Each cover's group (`combineKey`) as the index of the group's first cover in its row. */
function groupsOf(r: Row, p: Params): Int32Array {
  const keys = r.covers.map((c) => combineKey(p.overlaps, c.kind, String(c.occurrence)));
  return Int32Array.from(keys, (key) => keys.indexOf(key));
}

/** Each cover's names' log: its name's level and hourly shape. */
function namesOf(r: Row, p: Params): Float64Array {
  return Float64Array.from(r.covers, (c) => (p.names.get(c.level) ?? 0) + (p.names.get(c.nameShape) ?? 0));
}

/**
 * Evaluates row `r` into `st` (fresh unless given): the mean is the baseline times its spill-over
 * and each group's factor. `groups` and `names` are the row's `groupsOf` and `namesOf`, passed in
 * so that a fit holding them fixed computes them once.
 */
function evaluate(r: Row, groups: Int32Array, names: Float64Array, p: Params, st = stateOf(r)): RowState {
  st.sums.fill(1);
  for (let k = 0; k < r.covers.length; k++) {
    const c = r.covers[k];
    st.e[k] = Math.exp(p.theta[c.shape] + names[k]);
    let z = 0;
    for (const sz of c.slopes) z += p.beta[sz.index] * sz.z;
    const reach = c.mayBeAbsolute ? p.reach.get(c.kind) : undefined;
    st.scale[k] = Math.exp(z) * (reach === undefined ? 1 : (reach.reference / r.baseline) ** reach.power);
    st.sums[groups[k]] += (st.e[k] - 1) * st.scale[k];
  }
  let log = 0;
  for (const t of r.spill) log += p.theta[t.term] * t.exposure;
  let mu = r.baseline * Math.exp(log);
  for (let k = 0; k < r.covers.length; k++) {
    st.factor[k] = Math.max(1e-6, st.sums[groups[k]]);
    if (groups[k] === k) mu *= st.factor[k];
  }
  st.mu = mu;
  return st;
}

/**
 * The names' terms given the kinds': each occurrence's share of its kind's observed extra volume
 * (in proportion to its modelled extra when a kind's occurrences overlap) against its modelled
 * volume says how far it stood out; a name's level is the mean of its occurrences' log ratios,
 * recent ones weighted more, shrunk by how much occurrences of one name scatter against how much
 * names of its kind differ (variance components: one occurrence of a new promotion says little,
 * twenty of a streamer much); its hourly shape is then the remaining ratio per hour, shrunk alike
 * by how much an hour scatters between occurrences of a name against how much the kind's names'
 * hours differ. Each kind's mean level is taken out of its names and given to the kind's shape
 * (`shiftKind`), so that a new name is a typical one.
 */
function learnNames(rows: readonly Row[], past: readonly Occurrence[], p: Params, shiftKind: (kind: string, shift: number) => void): void {
  // Per key: the occurrence's observed own factor and its modelled one, weighted by the row's other factors.
  const sums = (keyOf: (c: Cover) => string) => {
    const acc = new Map<string, { observed: number; modelled: number; occurrences: Set<number> }>();
    for (const r of rows) {
      const groups = groupsOf(r, p);
      const st = evaluate(r, groups, namesOf(r, p), p);
      r.covers.forEach((c, k) => {
        const own = st.sums[groups[k]];
        const others = st.mu / st.factor[k];
        const extra = (st.e[k] - 1) * st.scale[k];
        const share = Math.abs(own - 1) > 1e-9 ? extra / (own - 1) : 1 / groups.filter((g) => g === groups[k]).length;
        const observedOwn = 1 + share * (r.actual / others - 1);
        const a = acc.get(keyOf(c)) ?? { observed: 0, modelled: 0, occurrences: new Set<number>() };
        a.observed += others * Math.max(0, observedOwn);
        a.modelled += others * (1 + extra);
        a.occurrences.add(c.occurrence);
        acc.set(keyOf(c), a);
      });
    }
    return acc;
  };
  const logRatio = (a: { observed: number; modelled: number }) => Math.log((a.observed + 1) / (a.modelled + 1));
  const byOccurrence = sums((c) => String(c.occurrence));
  const ratios = new Map<string, { from: number; ratio: number }[]>();
  for (const [key, a] of byOccurrence) {
    const o = past[Number(key)];
    const level = termKey({ term: 'level', name: eventName(o) });
    // The ratio is against the current terms: the new level estimate is the current one plus it.
    const ratio = logRatio(a) + (p.names.get(level) ?? 0);
    ratios.set(level, [...(ratios.get(level) ?? []), { from: o.from, ratio }]);
  }
  // Levels are deviations from their kind: each kind's mean level moves to its shape.
  const kindOf = new Map(past.map((o) => [termKey({ term: 'level', name: eventName(o) }), o.kind]));
  const levelPrior = new Map(
    [...new Set(kindOf.values())].map((kind) => [
      kind,
      shrinkage([...ratios].filter(([name]) => kindOf.get(name) === kind).map(([, rs]) => rs.map((r) => r.ratio))),
    ]),
  );
  const levels = new Map<string, number>();
  for (const [name, rs] of ratios) {
    const { k } = levelPrior.get(kindOf.get(name)!)!;
    // Recent occurrences say more about the next one: an audience grows, a format changes.
    const weights = rs.map((r) => RECENCY ** rs.filter((q) => q.from > r.from).length);
    const total = weights.reduce((x, w) => x + w, 0);
    levels.set(name, within(LOG_RANGE, rs.reduce((x, r, i) => x + weights[i] * r.ratio, 0) / (total + k)));
  }
  const shifts = new Map<string, number>();
  for (const kind of new Set(kindOf.values())) {
    const own = [...levels].filter(([name]) => kindOf.get(name) === kind);
    if (own.length === 0) continue;
    const shift = own.reduce((x, [, l]) => x + l, 0) / own.length;
    shifts.set(kind, shift);
    for (const [name, l] of own) p.names.set(name, l - shift);
  }
  for (const [kind, shift] of shifts) shiftKind(kind, shift);
  // Then each name's hours against its new level: per name and hour, its occurrences' sums (one
  // pass over the rows) and each occurrence's log ratio.
  const shapes = new Map<string, { kind: string; observed: number; modelled: number; ratios: number[] }>();
  for (const [key, a] of sums((c) => `${c.occurrence}|${c.nameShape}`)) {
    const bar = key.indexOf('|');
    const shape = key.slice(bar + 1);
    const h = shapes.get(shape) ?? { kind: past[Number(key.slice(0, bar))].kind, observed: 0, modelled: 0, ratios: [] };
    h.observed += a.observed;
    h.modelled += a.modelled;
    h.ratios.push(logRatio(a) + (p.names.get(shape) ?? 0));
    shapes.set(shape, h);
  }
  // A kind whose names never recur cannot tell a name's hours from noise: they are shrunk most.
  const kinds = new Set([...shapes.values()].map((h) => h.kind));
  const shapePrior = new Map(
    [...kinds].map((kind) => [
      kind,
      shrinkage(
        [...shapes.values()].filter((h) => h.kind === kind).map((h) => h.ratios),
        SHRINK_RANGE[1],
      ),
    ]),
  );
  for (const [shape, h] of shapes) {
    const n = h.ratios.length;
    p.names.set(shape, within(LOG_RANGE, (n / (n + shapePrior.get(h.kind)!.k)) * (logRatio(h) + (p.names.get(shape) ?? 0))));
  }
  // A new name stands apart from its kind by the names' spread in level and hourly shape, and
  // the kind itself is known only as well as the mean of its names.
  for (const [kind, level] of levelPrior) {
    const names = [...kindOf.values()].filter((k) => k === kind).length;
    const spread = level.tau2 + (shapePrior.get(kind)?.tau2 ?? 0);
    p.newNameSpread.set(kind, spread * (1 + 1 / names));
  }
}

/** Least and greatest occurrences' worth of weight pulling a name's level towards its kind. */
const SHRINK_RANGE = [0.25, 10] as const;

/**
 * A kind's names as variance components (method of moments): the spread of the names' true
 * values, `tau2`, and the occurrences' worth of shrinkage of a name's mean log ratio, `k`: the
 * scatter of occurrences within a name over that spread. With too little to say (fewer than
 * three names, or none that recurs) `k` is `unknown` and `tau2` 0.
 */
function shrinkage(groups: readonly number[][], unknown = 1): { k: number; tau2: number } {
  const repeated = groups.filter((g) => g.length >= 2);
  if (repeated.length === 0 || groups.length < 3) return { k: unknown, tau2: 0 };
  let within = 0;
  let dof = 0;
  for (const g of repeated) {
    const m = mean(g);
    within += g.reduce((a, b) => a + (b - m) ** 2, 0);
    dof += g.length - 1;
  }
  const sigma2 = within / dof;
  const means = groups.map(mean);
  const grand = mean(means);
  const meanSize = groups.reduce((a, g) => a + 1 / g.length, 0) / groups.length;
  const tau2 = means.reduce((a, m) => a + (m - grand) ** 2, 0) / (means.length - 1) - sigma2 * meanSize;
  const k = tau2 > 0 ? sigma2 / tau2 : SHRINK_RANGE[1];
  return { k: Math.min(SHRINK_RANGE[1], Math.max(SHRINK_RANGE[0], k)), tau2: Math.max(0, tau2) };
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
    if (vs.length >= SLOPE_MIN_OCCURRENCES && Math.max(...vs) >= SLOPE_MIN_SPREAD * Math.min(...vs)) out.set(key, median(vs));
  }
  return out;
}

/**
 * The normal baseline of a past local hour: the median of its typical volume in the surrounding
 * weeks, times how busy its day was in its normal hours away from events (1 with too few of
 * them): the returns the day after a promotion are its spill-over, not that day's level.
 */
function baselines(s: Series, nearEvents: ReadonlyMap<number, unknown>): (lh: number) => number {
  const levels = new Map<number, number>();
  const dayLevel = (day: number) => {
    let level = levels.get(day);
    if (level === undefined) {
      let actual = 0;
      let expected = 0;
      let hours = 0;
      for (let lh = day * 24; lh < day * 24 + 24; lh++) {
        const v = nearEvents.has(lh) ? NaN : normalAt(s, lh);
        const b = Number.isFinite(v) ? usualAround(s, lh) : NaN;
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
  return (lh) => usualAround(s, lh) * dayLevel(Math.floor(lh / 24));
}

/**
 * Maximum a-posteriori Poisson regression of the kinds' terms and the slopes, the names' terms
 * held fixed, by cyclic Newton (Fisher scoring) steps: each term has a log-gamma prior centred
 * on "no effect" with `priors[i]` expected contacts' weight, each slope a ridge of `ridges[j]`. Updates `p`.
 */
function fitKinds(rows: readonly Row[], priors: readonly number[], ridges: readonly number[], p: Params): void {
  const byTerm: number[][] = priors.map(() => []);
  const bySlope: number[][] = Array.from({ length: p.beta.length }, () => []);
  rows.forEach((r, i) => {
    for (const t of new Set([...r.covers.map((c) => c.shape), ...r.spill.map((t) => t.term)])) byTerm[t].push(i);
    for (const j of new Set(r.covers.flatMap((c) => c.slopes.map((z) => z.index)))) bySlope[j].push(i);
  });
  // The names' terms and the groups are fixed here: each row's state is refreshed in place.
  const names = rows.map((r) => namesOf(r, p));
  const groups = rows.map((r) => groupsOf(r, p));
  const state = rows.map(stateOf);
  const refresh = (i: number) => evaluate(rows[i], groups[i], names[i], p, state[i]);
  rows.forEach((_, i) => refresh(i));
  // One Newton step: w = d log(mean) / d parameter in each row.
  const step = (rowsOf: number[], weight: (i: number) => number, prior: { g: number; h: number }) => {
    let g = prior.g;
    let h = prior.h;
    for (const i of rowsOf) {
      const w = weight(i);
      g += (rows[i].actual - state[i].mu) * w;
      h += state[i].mu * w * w;
    }
    const d = g / h;
    return Number.isFinite(d) ? Math.max(-1, Math.min(1, d)) : 0;
  };
  // A cover's d extra / d parameter over its group's factor, summed over the row's covers.
  const overCovers = (i: number, dExtra: (c: Cover, k: number) => number) =>
    rows[i].covers.reduce((w, c, k) => w + dExtra(c, k) / state[i].factor[k], 0);
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    let largest = 0;
    byTerm.forEach((rowsOf, j) => {
      const e = Math.exp(p.theta[j]);
      const weight = (i: number) =>
        overCovers(i, (c, k) => (c.shape === j ? state[i].e[k] * state[i].scale[k] : 0)) +
        rows[i].spill.reduce((x, t) => x + (t.term === j ? t.exposure : 0), 0);
      const d = step(rowsOf, weight, { g: priors[j] * (1 - e), h: priors[j] * e });
      p.theta[j] = within(LOG_RANGE, p.theta[j] + d);
      for (const i of rowsOf) refresh(i);
      largest = Math.max(largest, Math.abs(d));
    });
    bySlope.forEach((rowsOf, j) => {
      const weight = (i: number) =>
        overCovers(i, (c, k) => (state[i].e[k] - 1) * state[i].scale[k] * c.slopes.reduce((x, z) => x + (z.index === j ? z.z : 0), 0));
      const d = step(rowsOf, weight, { g: -ridges[j] * p.beta[j], h: ridges[j] });
      p.beta[j] = within(SLOPE_RANGE, p.beta[j] + d);
      for (const i of rowsOf) refresh(i);
      largest = Math.max(largest, Math.abs(d));
    });
    if (largest < CONVERGED) break;
  }
}
