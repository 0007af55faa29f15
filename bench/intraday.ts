/**
 * Intraday re-forecast benchmark on the real bank history (../shared/data): for rolling weeks the
 * plan's weekly forecast is made as `shiftcast plan` makes it (forecastHistory on the history
 * before the week, with the holidays file), then each open day is replayed at 10:00, 12:00 and
 * 14:00 with departures no events file announces laid on some days:
 *   surge     from 10:00 the day runs 40% hot (each hour's count plus a Poisson draw of 40% of it)
 *   quiet     the whole day runs 30% quiet (each contact kept with probability 0.7)
 *   ordinary  the real day, untouched
 * It prints, per kind of day and hour of the replay, the rest-of-day WAPE of the re-forecast and of
 * the plan, their ratio, the ratio the plan would reach scaled by the rest of the day's true level
 * (the best any level-only update can do), and how often the 80% intervals cover the remaining open hours.
 * Targets: ratio at most 0.6 on departing days (once the departure has begun), at most 1.05 on
 * ordinary days, coverage 70-95%.
 *
 * A second table replays the day's actions (planTheDay) on the surge days once the surge has been
 * seen, on each week's plan with a standby pool (the roster's preview with its on-call shifts):
 * issue 15 asks that, after the standby calls, projected ASA is within 60 s in at least 90% of the
 * remaining hours where on-call capacity suffices (bench/intradayActions.ts defines the columns).
 *
 *   npm run bench:intraday                   # about half a minute
 *   npm run bench:intraday -- --no-actions   # the re-forecast's table only
 *   npm run bench:intraday -- --fit   # also estimates the prior (src/intraday/prior.ts) from the plain backtests
 *   npm run bench:intraday -- --first 1999-07-19 --weeks 23 --nows 9,11,13,15,17 --prior driftPerDay=0.1
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { poisson, seededRandom } from '../src/domain/random.js';
import { addDaysToDate, HOUR_MS, localDate, localParts, weekHours } from '../src/domain/time.js';
import type { ForecastPoint, HourCount } from '../src/domain/types.js';
import { forecastHistory } from '../src/forecast/index.js';
import { pooledForecast } from '../src/forecast/pooled.js';
import { reforecast } from '../src/intraday/reforecast.js';
import { excessVariance, INTRADAY_PRIOR, type IntradayPrior } from '../src/intraday/prior.js';
import { readEvents } from '../src/io/events.js';
import { readHistory } from '../src/io/history.js';
import { configSchema, DEFAULT_POOLS } from '../src/domain/config.js';
import { type ActionTally, emptyTally, planWeekForDay, replaySurge } from './intradayActions.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(ROOT, '../shared/data');
const HISTORY = resolve(DATA, 'anonymous-bank-1999-hourly.csv');
const EVENTS = resolve(DATA, 'anonymous-bank-1999-events.csv');
// The config's default zone, as bench:forecast runs `shiftcast forecast` (it has no clock changes).
const TZ = 'Asia/Shanghai';
// Mondays, as plans begin by default; the first leaves six weeks of history, the last ends in December.
const FIRST_WEEK = argValue('--first') ?? '1999-02-15';
const WEEKS = Number(argValue('--weeks') ?? 45);
const NOWS = (argValue('--nows') ?? '10,12,14').split(',').map(Number);
const SURGE_FROM = 10;
const SURGE = 0.4;
const QUIET = 0.3;
// A day is replayed when the plan expects at least this many contacts (Saturdays and holidays are nearly closed).
const OPEN_DAY = 300;
const KINDS = ['surge', 'quiet', 'ordinary'] as const;
type Kind = (typeof KINDS)[number];

if (!existsSync(HISTORY)) {
  console.log(`bench:intraday: ${HISTORY} not found; skipped (the shared data sits beside the repository).`);
  process.exit(0);
}
const fit = process.argv.includes('--fit');
const withActions = !process.argv.includes('--no-actions');
const prior = priorFromArgs();
// The plan's defaults with a standby pool on call in 4-8 hour shifts (SPEC section 7).
const CONFIG = configSchema.parse({
  timezone: TZ,
  pools: [
    ...DEFAULT_POOLS.map((p) => ({ ...p, shift_lengths: [...p.shift_lengths], start_hours: p.start_hours && [...p.start_hours] })),
    { id: 'standby', kind: 'standby', cost_per_hour: 70, retainer_per_hour: 8, night_premium: 0.3, shift_lengths: [4, 6, 8] },
  ],
});
const actionTallies = new Map<number, ActionTally>();
const actionTally = (hour: number) => {
  let t = actionTallies.get(hour);
  if (!t) actionTallies.set(hour, (t = emptyTally()));
  return t;
};
const started = performance.now();
const history = await readHistory(HISTORY, TZ);
const events = existsSync(EVENTS) ? readEvents(EVENTS, TZ) : [];
const hours = history.queues[0].hours;
const random = seededRandom(15);

interface Tally {
  intraday: number;
  /** Absolute error of the plan scaled by the rest of the day's true ratio: the best a level alone can do. */
  oracle: number;
  plan: number;
  volume: number;
  hours: number;
  covered: number;
  planCovered: number;
  days: number;
}
const tallies = new Map<string, Tally>();
const tally = (key: string) => {
  let t = tallies.get(key);
  if (!t) tallies.set(key, (t = { intraday: 0, oracle: 0, plan: 0, volume: 0, hours: 0, covered: 0, planCovered: 0, days: 0 }));
  return t;
};
const backtests: { day: string; week: number; plan: ForecastPoint[]; actual: Map<number, number> }[] = [];

let dayIndex = 0;
for (let w = 0; w < WEEKS; w++) {
  const weekStart = addDaysToDate(FIRST_WEEK, 7 * w);
  const week = weekHours(weekStart, TZ);
  const before = { ...history, queues: [{ ...history.queues[0], hours: hours.filter((h) => h.t < week[0]) }] };
  const points = forecastHistory(before, events, TZ, week).points.map((p) => ({ ...p, queue: history.queues[0].queue }));
  const plan = pooledForecast(points);
  const real = new Map(hours.filter((h) => h.t >= week[0] && h.t < week[0] + week.length * HOUR_MS).map((h) => [h.t, h.contacts]));
  // The week as it happened with the departures laid on: one kind per open day, in turn.
  const kinds = new Map<string, Kind>();
  const seen = new Map<number, number>();
  for (const day of groupByDay(plan)) {
    const date = localDate(day[0].t, TZ);
    const open = day.reduce((s, p) => s + p.contacts, 0) >= OPEN_DAY;
    const kind: Kind = open ? KINDS[dayIndex++ % KINDS.length] : 'ordinary';
    if (open) kinds.set(date, kind);
    for (const p of day) {
      const a = real.get(p.t);
      if (a === undefined) continue;
      seen.set(p.t, depart(kind, a, localParts(p.t, TZ).hour));
    }
    if (fit && open) backtests.push({ day: date, week: w, plan: day, actual: real });
  }
  const actuals: HourCount[] = [...seen].map(([t, contacts]) => ({ t, contacts }));
  const planned = withActions && [...kinds.values()].includes('surge') ? await planWeekForDay(points, CONFIG, events, weekStart) : null;
  for (const day of groupByDay(plan)) {
    const date = localDate(day[0].t, TZ);
    const kind = kinds.get(date);
    if (kind === undefined) continue;
    for (const hour of NOWS) {
      const now = day.find((p) => localParts(p.t, TZ).hour === hour)?.t;
      if (now === undefined) continue;
      const before = actuals.filter((a) => a.t + HOUR_MS <= now);
      const ahead = reforecast({ plan, actuals: before, now, timeZone: TZ }, prior);
      if (planned && kind === 'surge' && hour > SURGE_FROM) {
        const open = day.filter((p) => p.t >= now && p.contacts >= 1).map((p) => p.t);
        replaySurge(planned, before, now, open, seen, actionTally(hour));
      }
      const t = tally(`${kind}|${hour}`);
      t.days++;
      const rest = ahead.flatMap((f) => {
        const a = seen.get(f.t);
        const p = day.find((x) => x.t === f.t);
        return localDate(f.t, TZ) === date && a !== undefined && p && p.contacts >= 1 ? [{ f, a, p }] : [];
      });
      const ratio = rest.reduce((s, r) => s + r.a, 0) / rest.reduce((s, r) => s + r.p.contacts, 0);
      for (const { f, a, p } of rest) {
        t.intraday += Math.abs(f.contacts - a);
        t.oracle += Math.abs(ratio * p.contacts - a);
        t.plan += Math.abs(p.contacts - a);
        t.volume += a;
        t.hours++;
        if (a >= f.lo80 && a <= f.hi80) t.covered++;
        if (a >= p.lo80 && a <= p.hi80) t.planCovered++;
      }
    }
  }
}

console.log(`prior ${JSON.stringify(prior)}`);
printTable();
if (withActions) printActions();
if (fit) printFit();
console.log(`\n${WEEKS} weeks from ${FIRST_WEEK}, ${((performance.now() - started) / 1000).toFixed(1)} s`);

/** An hour's count on a day of the given kind, from the real count. */
function depart(kind: Kind, contacts: number, hour: number): number {
  if (kind === 'surge' && hour >= SURGE_FROM) return contacts + poisson(random, SURGE * contacts);
  if (kind === 'quiet') {
    let kept = 0;
    for (let i = 0; i < contacts; i++) if (random.uniform() >= QUIET) kept++;
    return kept;
  }
  return contacts;
}

function printTable(): void {
  const head = ['day', 'now', 'days', 'hours', 'WAPE intraday', 'WAPE plan', 'ratio', 'oracle ratio', 'cover intraday', 'cover plan'];
  const rows: string[][] = [];
  const line = (label: string, now: string, t: Tally) =>
    rows.push([
      label,
      now,
      String(t.days),
      String(t.hours),
      pct(t.intraday / t.volume),
      pct(t.plan / t.volume),
      (t.intraday / t.plan).toFixed(2),
      (t.oracle / t.plan).toFixed(2),
      pct(t.covered / t.hours),
      pct(t.planCovered / t.hours),
    ]);
  for (const kind of KINDS) for (const hour of NOWS) line(kind, `${hour}:00`, tally(`${kind}|${hour}`));
  // The headline: a surge that begins at 10:00 cannot be seen at 10:00, so departing days count from 12:00.
  const sum = (keys: string[]) =>
    keys.map(tally).reduce((a, b) => ({
      intraday: a.intraday + b.intraday,
      oracle: a.oracle + b.oracle,
      plan: a.plan + b.plan,
      volume: a.volume + b.volume,
      hours: a.hours + b.hours,
      covered: a.covered + b.covered,
      planCovered: a.planCovered + b.planCovered,
      days: a.days + b.days,
    }));
  const departing = [...NOWS.filter((h) => h > SURGE_FROM).map((h) => `surge|${h}`), ...NOWS.map((h) => `quiet|${h}`)];
  line('departing', 'seen', sum(departing));
  line('departing', 'all', sum(['surge', 'quiet'].flatMap((k) => NOWS.map((h) => `${k}|${h}`))));
  line('ordinary', 'all', sum(NOWS.map((h) => `ordinary|${h}`)));
  line('all', 'all', sum(KINDS.flatMap((k) => NOWS.map((h) => `${k}|${h}`))));
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  console.log(fmt(head));
  for (const r of rows) console.log(fmt(r));
  console.log('targets: ratio <= 0.60 departing (seen), <= 1.05 ordinary; cover intraday 70-95%');
  console.log(
    `departing "seen": surge days from ${NOWS.filter((h) => h > SURGE_FROM).join(', ')}:00 (its first hour ends at ${SURGE_FROM + 1}:00), quiet days at every replay`,
  );
}

function printActions(): void {
  const head = [
    'surge day',
    'now',
    'days',
    'hours',
    'met',
    'suffices',
    'met where suffices',
    'no action',
    'actual: met',
    'actual: no action',
    'on-call hours/day',
    'cost/day',
  ];
  const row = (label: string, t: ActionTally) => [
    'surge',
    label,
    String(t.days),
    String(t.hours),
    pct(t.met / t.hours),
    pct(t.suffices / t.hours),
    pct(t.metWhereSuffices / t.suffices),
    pct(t.withoutActions / t.hours),
    pct(t.realMet / t.hours),
    pct(t.realWithoutActions / t.hours),
    (t.calledHours / t.days).toFixed(1),
    (t.cost / t.days).toFixed(0),
  ];
  const rows = [...actionTallies].map(([hour, t]) => row(`${hour}:00`, t));
  const all = [...actionTallies.values()].reduce((a, b) => {
    const sum = emptyTally();
    for (const k of Object.keys(sum) as (keyof ActionTally)[]) sum[k] = a[k] + b[k];
    return sum;
  }, emptyTally());
  rows.push(row('all', all));
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  console.log(
    `\nthe day's actions on surge days (planTheDay; remaining open hours of the day, projected ASA <= ${CONFIG.alerts.max_asa_seconds} s):`,
  );
  console.log(fmt(head));
  for (const r of rows) console.log(fmt(r));
  console.log('target: met where suffices >= 90% (bench/intradayActions.ts defines the columns)');
}

/**
 * Estimates of the prior from the plain backtests (no departures laid), robustly (a squared
 * deviation is read from the median absolute one, as for a normal, so a few odd days do not rule):
 * how much of the error beyond Poisson noise a whole day shares, how much of a day's departure is
 * still there the next day, and how far the level moves from morning to afternoon.
 */
function printFit(): void {
  const robustVar = (xs: number[]) => (median(xs.map(Math.abs)) / 0.6745) ** 2;
  const hourDevs: number[] = [];
  const hourPoisson: number[] = [];
  const dayDevs: number[] = [];
  const dayPoisson: number[] = [];
  const amPm: number[] = [];
  const amPmPoisson: number[] = [];
  const planRel: number[] = [];
  const pairs: [number, number][] = [];
  let last: { week: number; x: number } | undefined;
  for (const { plan, actual, week } of backtests) {
    const pts = plan.filter((p) => actual.has(p.t) && p.contacts >= 1);
    const sum = (ps: ForecastPoint[], f: (p: ForecastPoint) => number) => ps.reduce((s, p) => s + f(p), 0);
    const seen = (p: ForecastPoint) => actual.get(p.t) ?? 0;
    const f = sum(pts, (p) => p.contacts);
    const x = sum(pts, seen) / f - 1;
    dayDevs.push(x);
    dayPoisson.push(1 / f);
    planRel.push(sum(pts, excessVariance) / sum(pts, (p) => p.contacts ** 2));
    for (const p of pts.filter((p) => p.contacts >= 20)) {
      hourDevs.push(seen(p) / p.contacts - 1);
      hourPoisson.push(1 / p.contacts);
    }
    const am = pts.filter((p) => localParts(p.t, TZ).hour < 13);
    const pm = pts.filter((p) => localParts(p.t, TZ).hour >= 13);
    const [fa, fp] = [sum(am, (p) => p.contacts), sum(pm, (p) => p.contacts)];
    if (fa > 100 && fp > 100) {
      amPm.push(sum(pm, seen) / fp - sum(am, seen) / fa);
      amPmPoisson.push(1 / fa + 1 / fp);
    }
    if (last?.week === week) pairs.push([last.x, x]);
    last = { week, x };
  }
  const total = robustVar(hourDevs) - median(hourPoisson);
  const day = robustVar(dayDevs) - median(dayPoisson);
  const drift = 3 * (robustVar(amPm) - median(amPmPoisson));
  // The carry: the slope of tomorrow's departure on today's, with departures clipped at ±50% (odd days).
  const clip = (v: number) => Math.max(-0.5, Math.min(0.5, v));
  const carry = pairs.reduce((s, [a, b]) => s + clip(a) * clip(b), 0) / pairs.reduce((s, [a]) => s + clip(a) ** 2, 0);
  console.log(`\nprior estimated from the plain backtests (${backtests.length} open days):`);
  console.log(
    `  an hour's error beyond Poisson: relative variance ${total.toFixed(4)} (the plan's intervals say ${median(planRel).toFixed(4)})`,
  );
  console.log(`  a whole day's: ${day.toFixed(4)}, so dayShare ${(day / total).toFixed(2)}`);
  console.log(
    `  afternoon less morning level: variance ${(drift / 3).toFixed(4)} beyond Poisson, a random walk's driftPerDay ${drift.toFixed(3)} (an upper bound: it holds the shape's error too)`,
  );
  console.log(`  tomorrow's departure on today's: carryPerDay ${carry.toFixed(2)}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

/** INTRADAY_PRIOR with `--prior dayShare=0.5,carryPerDay=0.2` applied, to try other priors. */
function priorFromArgs(): IntradayPrior {
  const i = process.argv.indexOf('--prior');
  const given = i < 0 ? [] : (process.argv[i + 1] ?? '').split(',').map((kv) => kv.split('='));
  return { ...INTRADAY_PRIOR, ...Object.fromEntries(given.map(([k, v]) => [k, Number(v)])) };
}

function groupByDay(plan: readonly ForecastPoint[]): ForecastPoint[][] {
  const days = new Map<string, ForecastPoint[]>();
  for (const p of plan) {
    const d = localDate(p.t, TZ);
    days.set(d, [...(days.get(d) ?? []), p]);
  }
  return [...days.values()];
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '-';
}
