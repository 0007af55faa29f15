/**
 * Calibration of the service risk (issue 19): is a stated P(miss) the share of hours that miss?
 * For weekly origins of the real bank history (../shared/data; skipped when absent) and of the
 * bundled sample center, the week ahead is forecast with the product's forecast from the history
 * before the origin, and requirements are computed at several policies (the point forecast, and
 * service.max_miss_probability 0.1, 0.2, 0.3, 0.5). Each hour is staffed with exactly the agents
 * its requirement asks for, and rosterRisk states its P(miss) and the week's. The ACTUAL week is
 * then replayed with the product's simulator (arrivals at the actual hour's count, per tier, with
 * REPLICATIONS runs for the hour's expected service); an hour missed when its simulated service
 * level, ASA, occupancy or abandonment misses the hour's target, the week when its contact-weighted
 * service level falls below service.service_level.
 *
 * Prints per data set and policy: mean stated vs observed miss rate, Brier score, the weekly
 * probability vs the weeks that missed; and a reliability table over all policies.
 *   npm run bench:risk [-- --weeks 20]
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema, type PlanConfig } from '../src/domain/config.js';
import { addDaysToDate, weekHours } from '../src/domain/time.js';
import type { CalendarEvent, ForecastPoint, History } from '../src/domain/types.js';
import { forecastHistory } from '../src/forecast/index.js';
import { parseEvents } from '../src/io/events.js';
import { parseHistory, readHistory } from '../src/io/history.js';
import { generateSampleCenter, SAMPLE_TIME_ZONE } from '../src/sample/center.js';
import { meetsTarget } from '../src/staffing/agentsNeeded.js';
import { demandBySlot, requirementsFor } from '../src/staffing/requirements.js';
import { rosterRisk } from '../src/staffing/rosterRisk.js';
import { serviceTargetAt } from '../src/staffing/serviceTargets.js';
import { simulate } from '../src/staffing/simulate.js';
import { readEvents } from '../src/io/events.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = resolve(ROOT, '../shared/data');
const BANK = resolve(DATA, 'anonymous-bank-1999-hourly.csv');
const BANK_EVENTS = resolve(DATA, 'anonymous-bank-1999-events.csv');
const WEEKS = Number(argValue('--weeks') ?? 16);
const REPLICATIONS = 40;
const POLICIES: (number | null)[] = [null, 0.1, 0.2, 0.3, 0.5];
const BINS = 10;

interface DataSet {
  name: string;
  history: History;
  events: CalendarEvent[];
  config: PlanConfig;
  /** Mondays to forecast, oldest first. */
  weeks: string[];
}

interface Tally {
  stated: number[];
  missed: number[];
  weekStated: number[];
  weekMissed: number[];
}

const started = performance.now();
const sets: DataSet[] = [];
if (existsSync(BANK)) sets.push(await bankSet());
else console.log(`bench:risk: ${BANK} not found; the bank is skipped (the shared data sits beside the repository).`);
sets.push(sampleSet());

const all = new Map<string, Tally>();
for (const set of sets) {
  const tallies = new Map(POLICIES.map((p) => [policyName(p), emptyTally()]));
  for (const weekStart of set.weeks) replayWeek(set, weekStart, tallies);
  console.log(`\n${set.name}: ${set.weeks.length} weeks from ${set.weeks[0]}, ${REPLICATIONS} replications per hour`);
  console.log('policy          hours  stated  observed  Brier   | week stated  weeks missed');
  for (const [name, t] of tallies) {
    console.log(summaryRow(name, t));
    const sum = all.get(name) ?? emptyTally();
    for (const k of ['stated', 'missed', 'weekStated', 'weekMissed'] as const) sum[k].push(...t[k]);
    all.set(name, sum);
  }
  console.log(reliability([...tallies.values()]));
}
console.log(`\nbench:risk: ${((performance.now() - started) / 1000).toFixed(1)} s`);

/** One replayed week: forecast, each policy's requirements, its stated risk, and the actual week simulated. */
function replayWeek(set: DataSet, weekStart: string, tallies: Map<string, Tally>): void {
  const tz = set.config.timezone;
  const week = weekHours(weekStart, tz);
  const before: History = {
    ...set.history,
    queues: set.history.queues.map((q) => ({ ...q, hours: q.hours.filter((h) => h.t < week[0]) })),
  };
  const labelled = (q: string) => (p: ForecastPoint) => ({ ...p, queue: p.queue ?? q });
  const points = forecastHistory(before, set.events, tz, week).points.map(labelled(set.history.queues[0].queue));
  const actualPoints = set.history.queues.flatMap((q) =>
    q.hours
      .filter((h) => h.t >= week[0] && h.t <= week[week.length - 1])
      .map((h) => ({ t: h.t, contacts: h.contacts, lo80: h.contacts, hi80: h.contacts, queue: q.queue })),
  );
  const actual = demandBySlot(week, actualPoints, set.config);
  for (const policy of POLICIES) {
    const config = { ...set.config, week_start: weekStart, service: { ...set.config.service, max_miss_probability: policy } };
    const needs = requirementsFor(points, config, set.events);
    const byT = new Map(needs.map((r) => [r.t, r]));
    const rows = week.map((t) => byT.get(t)).filter((r) => r !== undefined);
    const staffing = rows.map((r) => ({ staffed: r.staffNeeded, tiers: r.tiers?.map((d) => ({ tier: d.tier, staffed: d.staffNeeded })) }));
    const risk = rosterRisk(rows, staffing, points, config, set.events);
    const observed = replayActual(rows, actual, config, set.events);
    const t = tallies.get(policyName(policy))!;
    rows.forEach((r, i) => {
      if (r.contacts <= 0) return;
      t.stated.push(risk.hours[i]);
      t.missed.push(observed.hours[i] ? 1 : 0);
    });
    t.weekStated.push(risk.weekMissProbability);
    t.weekMissed.push(observed.week ? 1 : 0);
  }
}

/**
 * The actual week served by each hour's required agents, tier by tier (each tier its own group, as
 * the requirement sizes it): per hour whether it missed its target, and whether the week did.
 */
function replayActual(
  rows: readonly import('../src/domain/types.js').Requirement[],
  actual: ReturnType<typeof demandBySlot>,
  config: PlanConfig,
  events: readonly CalendarEvent[],
): { hours: boolean[]; week: boolean } {
  const byT = new Map(actual.map((a) => [a.t, a]));
  const groups = rows[0]?.tiers ? rows[0].tiers.map((d) => d.tier) : [undefined];
  const missed = rows.map(() => false);
  let within = 0;
  let offered = 0;
  groups.forEach((tier, k) => {
    const demand = rows.map((r) => {
      const a = byT.get(r.t)!;
      const d = tier === undefined ? a : a.tiers![k];
      const need = tier === undefined ? r.agentsNeeded : r.tiers![k].agentsNeeded;
      return { arrivals: d.handledContacts, aht: d.ahtSeconds / (d.concurrency ?? config.demand.concurrency), agents: need };
    });
    const targets = rows.map((r) => serviceTargetAt(r.t, config, events, tier));
    const result = simulate({
      arrivalsPerHour: demand.map((d) => d.arrivals),
      agentsOnDuty: demand.map((d) => d.agents),
      ahtSeconds: demand.map((d) => d.aht),
      answerWithinSeconds: targets.map((t) => t.answer_within_seconds),
      handleTime: { kind: 'exponential' },
      patienceSeconds: config.service.patience_seconds,
      replications: REPLICATIONS,
      seed: 7 + k,
    });
    result.hours.forEach((h, i) => {
      if (h.offered <= 0 || h.serviceLevel === null) return;
      const metrics = {
        stable: true,
        loadErlangs: 0,
        pWait: 0,
        serviceLevel: h.serviceLevel.mean,
        asaSeconds: h.asaSeconds?.mean ?? 0,
        abandonRate: h.abandonRate?.mean ?? 0,
        occupancy: h.occupancy?.mean ?? 0,
      };
      if (!meetsTarget(metrics, targets[i])) missed[i] = true;
      within += h.serviceLevel.mean * h.offered;
      offered += h.offered;
    });
  });
  return { hours: missed, week: offered > 0 && within / offered < config.service.service_level };
}

function summaryRow(name: string, t: Tally): string {
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const brier = mean(t.stated.map((p, i) => (p - t.missed[i]) ** 2));
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  return `${name.padEnd(14)} ${String(t.stated.length).padStart(6)} ${pct(mean(t.stated))}  ${pct(mean(t.missed))}  ${brier.toFixed(3)}  | ${pct(mean(t.weekStated))}      ${t.weekMissed.reduce((a, b) => a + b, 0)}/${t.weekMissed.length}`;
}

/** Stated probability bins against the observed miss rate, hours per bin (all policies pooled). */
function reliability(tallies: Tally[]): string {
  const bins = Array.from({ length: BINS }, () => ({ n: 0, stated: 0, missed: 0 }));
  for (const t of tallies)
    t.stated.forEach((p, i) => {
      const b = bins[Math.min(BINS - 1, Math.floor(p * BINS))];
      b.n++;
      b.stated += p;
      b.missed += t.missed[i];
    });
  const lines = ['reliability (all policies): bin      hours  mean stated  observed'];
  bins.forEach((b, k) => {
    if (b.n === 0) return;
    lines.push(
      `  ${(k / BINS).toFixed(1)}-${((k + 1) / BINS).toFixed(1)}  ${String(b.n).padStart(16)}  ${(100 * (b.stated / b.n)).toFixed(1).padStart(10)}%  ${(100 * (b.missed / b.n)).toFixed(1).padStart(7)}%`,
    );
  });
  return lines.join('\n');
}

async function bankSet(): Promise<DataSet> {
  const tz = 'Asia/Shanghai';
  // The sample's service at a bank's scale: every call reaches an agent (no bot), 240 s, 80% in 20 s.
  const config = configSchema.parse({
    timezone: tz,
    demand: { bot_deflection: 0, aht_seconds: 240 },
    service: { answer_within_seconds: 20, service_level: 0.8 },
  });
  const weeks = Array.from({ length: WEEKS }, (_, w) => addDaysToDate('1999-03-01', 14 * w)).filter((d) => d < '1999-12-20');
  return {
    name: 'bank 1999',
    history: await readHistory(BANK, tz),
    events: existsSync(BANK_EVENTS) ? readEvents(BANK_EVENTS, tz) : [],
    config,
    weeks,
  };
}

function sampleSet(): DataSet {
  const center = generateSampleCenter('2026-11-24');
  const tz = SAMPLE_TIME_ZONE;
  const config = configSchema.parse(center.config);
  // Origins from the tenth week on (a tested forecast), every week up to the history's end.
  const last = addDaysToDate(center.weekStart, -14);
  const weeks = Array.from({ length: WEEKS }, (_, w) => addDaysToDate(last, -7 * w)).reverse();
  return { name: 'sample center', history: parseHistory(center.historyCsv, tz), events: parseEvents(center.eventsCsv, tz), config, weeks };
}

function emptyTally(): Tally {
  return { stated: [], missed: [], weekStated: [], weekMissed: [] };
}

function policyName(p: number | null): string {
  return p === null ? 'point forecast' : `max_miss ${p}`;
}

function argValue(flag: string): string | undefined {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
