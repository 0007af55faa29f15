/**
 * Staffing benchmark: speed of `requirementsFor` and of the simulator, and how far Erlang C and
 * Erlang A are from simulated service when handle times are lognormal and callers hang up.
 *
 *   npm run bench:staffing
 *
 * The week is the sample center's last full week of history (src/sample/center.ts, today fixed
 * at 2026-11-24 so the figures repeat): 78% of contacts go to the bot, the rest reach agents
 * with a 240 s mean handle time; the peak needs about 300 agents.
 */
import { configSchema, type PlanConfig } from '../src/domain/config.js';
import type { ForecastPoint, Requirement } from '../src/domain/types.js';
import { parseHistory } from '../src/io/history.js';
import { generateSampleCenter, SAMPLE_TIME_ZONE } from '../src/sample/center.js';
import { deliveredService } from '../src/staffing/delivered.js';
import { requirementsFor } from '../src/staffing/requirements.js';
import { serviceTargetAt } from '../src/staffing/serviceTargets.js';
import { simulate, type HandleTimeModel, type SimulatedService } from '../src/staffing/simulate.js';
import { startOfLocalDay } from '../src/domain/time.js';

const TZ = SAMPLE_TIME_ZONE;
const WEEK = ['2026-11-16', '2026-11-23'] as const;
const AHT = 240;
const PATIENCE = 180;
const CV = 1.2;
const REPLICATIONS = 20;

/** The sample center's contacts in WEEK, as a perfect forecast. */
function sampleWeek(): ForecastPoint[] {
  const history = parseHistory(generateSampleCenter('2026-11-24').historyCsv, TZ).queues[0].hours;
  const [from, to] = WEEK.map((d) => startOfLocalDay(d, TZ));
  return history.filter((h) => h.t >= from && h.t < to).map((h) => ({ t: h.t, contacts: h.contacts, lo80: h.contacts, hi80: h.contacts }));
}

/** Median milliseconds of `runs` calls after a few warm-up calls. */
function medianMs(f: () => unknown, runs = 30): number {
  for (let i = 0; i < 5; i++) f();
  const times = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  });
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const config = (patience: number | null): PlanConfig =>
  configSchema.parse({
    timezone: TZ,
    demand: { bot_deflection: 0.78, aht_seconds: AHT },
    service: { max_occupancy: null, patience_seconds: patience },
    shrinkage: 0,
  });

/** The week's contact-weighted service under a model, with each hour's agents. */
function modelWeek(reqs: Requirement[], agents: number[], patience: number | null) {
  const c = config(patience);
  let offered = 0,
    within = 0,
    answered = 0,
    waited = 0,
    abandoned = 0;
  reqs.forEach((r, i) => {
    const d = deliveredService(agents[i], r.handledContacts, r.ahtSeconds, serviceTargetAt(r.t, c, []));
    const ab = d.abandonRate ?? 0;
    offered += r.handledContacts;
    within += r.handledContacts * d.serviceLevel;
    abandoned += r.handledContacts * ab;
    answered += r.handledContacts * (1 - ab);
    waited += d.asaSeconds === Infinity ? Infinity : r.handledContacts * (1 - ab) * d.asaSeconds;
  });
  return { serviceLevel: within / offered, asaSeconds: waited / answered, abandonRate: abandoned / offered };
}

function simulatedWeek(
  reqs: Requirement[],
  agents: number[],
  handleTime: HandleTimeModel,
  patience: number | null,
): { seconds: number; total: SimulatedService } {
  const t0 = performance.now();
  const r = simulate({
    arrivalsPerHour: reqs.map((q) => q.handledContacts),
    agentsOnDuty: agents,
    ahtSeconds: reqs.map((q) => q.ahtSeconds),
    answerWithinSeconds: reqs.map(() => 20),
    handleTime,
    patienceSeconds: patience,
    replications: REPLICATIONS,
    seed: 1999,
  });
  return { seconds: (performance.now() - t0) / 1000, total: r.total };
}

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const ci = (e: { mean: number; lo: number; hi: number } | null, f: (v: number) => string) =>
  e ? `${f(e.mean)} [${f(e.lo)}, ${f(e.hi)}]` : '-';
const secs = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : 'inf');

const points = sampleWeek();
console.log(
  `sample center, week ${WEEK[0]}..${WEEK[1]}: ${points.length} hours, ${Math.round(points.reduce((a, p) => a + p.contacts, 0))} contacts (78% to the bot), AHT ${AHT} s, target 80% within 20 s\n`,
);

// 1. Requirements speed.
const cMs = medianMs(() => requirementsFor(points, config(null), []));
const aMs = medianMs(() => requirementsFor(points, config(PATIENCE), []));
console.log(
  `requirementsFor, ${points.length} hours: Erlang C ${cMs.toFixed(2)} ms, Erlang A (patience ${PATIENCE} s) ${aMs.toFixed(2)} ms (median of 30)`,
);

const byC = requirementsFor(points, config(null), []);
const byA = requirementsFor(points, config(PATIENCE), []);
const agentsC = byC.map((r) => r.agentsNeeded);
const agentsA = byA.map((r) => r.agentsNeeded);

// 2. Simulation speed: the truth model, 20 replications of the week.
const truth = simulatedWeek(byC, agentsC, { kind: 'lognormal', cv: CV }, PATIENCE);
const contacts = truth.total.offered;
console.log(
  `simulate, peak ${Math.max(...agentsC)} agents, ${Math.round(contacts)} contacts a week, ${REPLICATIONS} replications: ${truth.seconds.toFixed(2)} s (${((1000 * truth.seconds) / REPLICATIONS).toFixed(0)} ms a replication)\n`,
);

// 3. Models against the simulated truth.
for (const [name, agents, reqs] of [
  ['Erlang C', agentsC, byC],
  [`Erlang A (patience ${PATIENCE} s)`, agentsA, byA],
] as const) {
  const hours = agents.reduce((a, b) => a + b, 0);
  console.log(`staffed by ${name}: ${hours} agent-hours, peak ${Math.max(...agents)} agents`);
  const rows: [string, string, string, string][] = [];
  const c = modelWeek(reqs, [...agents], null);
  const a = modelWeek(reqs, [...agents], PATIENCE);
  rows.push(['Erlang C', pct(c.serviceLevel), secs(c.asaSeconds), pct(c.abandonRate)]);
  rows.push([`Erlang A, patience ${PATIENCE} s`, pct(a.serviceLevel), secs(a.asaSeconds), pct(a.abandonRate)]);
  for (const [label, model, patience] of [
    ['sim: exponential, nobody hangs up', { kind: 'exponential' }, null],
    [`sim: lognormal CV ${CV}, nobody hangs up`, { kind: 'lognormal', cv: CV }, null],
    [`sim: exponential, patience ${PATIENCE} s`, { kind: 'exponential' }, PATIENCE],
    [`sim: lognormal CV ${CV}, patience ${PATIENCE} s`, { kind: 'lognormal', cv: CV }, PATIENCE],
  ] as const) {
    const s = simulatedWeek([...reqs], [...agents], model, patience).total;
    rows.push([label, ci(s.serviceLevel, pct), ci(s.asaSeconds, secs), ci(s.abandonRate, pct)]);
  }
  const widths = [0, 1, 2, 3].map((i) =>
    Math.max(...rows.map((r) => r[i].length), ['model', 'service level', 'ASA s', 'abandoned'][i].length),
  );
  const line = (r: string[]) => `  ${r.map((x, i) => x.padEnd(widths[i])).join('  ')}`;
  console.log(line(['model', 'service level', 'ASA s', 'abandoned']));
  rows.forEach((r) => console.log(line(r)));
  console.log('');
}
console.log(`(simulated: mean [95% confidence interval] over ${REPLICATIONS} replications; week values are contact-weighted)`);
