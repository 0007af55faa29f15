/**
 * Accuracy and interval calibration by lead time (issue 19): from rolling weekly origins, one
 * forecast per origin reaches the farthest lead, and each week of it is scored as that many weeks
 * ahead (history before the origin, the events calendar known in advance). Series: the shared
 * real bank with its holidays, the bank and the quiet bank with seeded live sessions and promotions
 * laid on (bench/eventSeries.ts), and the bundled sample center. Per series and lead: MASE (scale:
 * in-sample mean absolute error of the same hour one week earlier, as the shared
 * forecast-backtest.py computes it, averaged over origins), WAPE, 80% coverage (and the share of hours below lo80), and WAPE/80%
 * coverage per event kind (a holiday's eve counts as holiday; ordinary: no event of any kind). Target: 80% intervals covering 75-90% of hours at every lead up to four weeks.
 *
 *   npx tsx bench/horizons.ts [--leads 1,2,3,4] [--six] [--weeks 12] [--seeds 1,2,3]
 *     [--series bank,bank-events,quiet-events,sample] [--today 2026-11-24]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HOUR_MS } from '../src/domain/time.js';
import type { CalendarEvent, HourCount } from '../src/domain/types.js';
import { forecastQueue } from '../src/forecast/index.js';
import { parseEvents, readEvents } from '../src/io/events.js';
import { parseHistory } from '../src/io/history.js';
import { generateSampleCenter, SAMPLE_TIME_ZONE } from '../src/sample/center.js';
import { calendar, layEvents, quietBank } from './eventSeries.js';

const WEEK_MS = 168 * HOUR_MS;
const TARGET = { lo: 0.75, hi: 0.9 };
const KINDS = ['live_commerce', 'promotion', 'holiday', 'ordinary'] as const;
const shared = process.env.SHIFTCAST_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const bankFile = join(shared, 'data', 'anonymous-bank-1999-hourly.csv');
const holidaysFile = join(shared, 'data', 'anonymous-bank-1999-events.csv');

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '1,2,3,4' },
    six: { type: 'boolean', default: false },
    weeks: { type: 'string', default: '12' },
    seeds: { type: 'string', default: '1,2,3' },
    series: { type: 'string', default: 'bank,bank-events,quiet-events,sample' },
    today: { type: 'string', default: '2026-11-24' },
  },
});
const leads = [...new Set([...values.leads!.split(',').map(Number), ...(values.six ? [6] : [])])].sort((a, b) => a - b);
const weeks = Number(values.weeks);

interface Center {
  name: string;
  hours: HourCount[];
  events: CalendarEvent[];
  timeZone: string;
}

/** Sums of one series at one lead. */
interface Tally {
  mase: number[];
  error: number;
  volume: number;
  inside: number;
  /** Hours whose contacts fell below lo80: with `inside`, the two tails' misses (10% each when calibrated). */
  below: number;
  hours: number;
  byKind: Map<string, { error: number; volume: number; inside: number; hours: number }>;
}
const newTally = (): Tally => ({ mase: [], error: 0, volume: 0, inside: 0, below: 0, hours: 0, byKind: new Map() });
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1).padStart(5)}%` : '     -');

function centers(): Center[] {
  const wanted = new Set(values.series!.split(','));
  const out: Center[] = [];
  const needsShared = ['bank', 'bank-events', 'quiet-events'].filter((s) => wanted.has(s));
  if (needsShared.length > 0 && !existsSync(bankFile)) {
    console.log(`skipped ${needsShared.join(', ')}: ${bankFile} not found (set SHIFTCAST_SHARED)`);
  } else if (needsShared.length > 0) {
    const bank = parseHistory(readFileSync(bankFile, 'utf8'), 'UTC').queues[0].hours;
    const holidays = readEvents(holidaysFile, 'UTC');
    if (wanted.has('bank')) out.push({ name: 'bank', hours: bank, events: holidays, timeZone: 'UTC' });
    for (const seed of values.seeds!.split(',').map(Number)) {
      if (wanted.has('bank-events')) {
        const s = layEvents(bank, seed);
        out.push({ name: `bank+events ${seed}`, hours: s.hours, events: calendar(s.events, holidays), timeZone: 'UTC' });
      }
      if (wanted.has('quiet-events')) {
        const s = layEvents(quietBank(bank, seed), seed);
        out.push({ name: `quiet+events ${seed}`, hours: s.hours, events: calendar(s.events, []), timeZone: 'UTC' });
      }
    }
  }
  if (wanted.has('sample')) {
    const c = generateSampleCenter(values.today!);
    const hours = parseHistory(c.historyCsv, SAMPLE_TIME_ZONE).queues[0].hours;
    out.push({ name: 'sample', hours, events: parseEvents(c.eventsCsv, SAMPLE_TIME_ZONE), timeZone: SAMPLE_TIME_ZONE });
  }
  return out;
}

/** In-sample mean absolute error of the same hour one week earlier (the MASE scale). */
function naiveScale(train: readonly HourCount[]): number {
  const at = new Map(train.map((h) => [h.t, h.contacts]));
  let sum = 0;
  let n = 0;
  for (const h of train) {
    const before = at.get(h.t - WEEK_MS);
    if (before !== undefined) {
      sum += Math.abs(h.contacts - before);
      n++;
    }
  }
  return sum / n;
}

/** The event kind an hour is scored under (a holiday's eve counts as holiday; no event: ordinary). */
function kindsAt(events: readonly CalendarEvent[], t: number): string[] {
  const kinds = events.filter((e) => e.start <= t && t < e.end).map((e) => (e.kind.startsWith('holiday') ? 'holiday' : e.kind));
  return kinds.length === 0 ? ['ordinary'] : [...new Set(kinds)];
}

/** Scores one center: per lead, over `weeks` weekly origins whose farthest lead still has actuals. */
function score(c: Center): Map<number, Tally> {
  const byLead = new Map(leads.map((l) => [l, newTally()]));
  const far = leads[leads.length - 1];
  const end = c.hours[c.hours.length - 1].t + HOUR_MS;
  for (let k = weeks; k >= 1; k--) {
    const origin = end - (far + k - 1) * WEEK_MS;
    const train = c.hours.filter((h) => h.t < origin);
    const test = c.hours.filter((h) => h.t >= origin && h.t < origin + far * WEEK_MS);
    const f = forecastQueue(
      train,
      c.events,
      c.timeZone,
      test.map((h) => h.t),
    );
    const scale = naiveScale(train);
    for (const lead of leads) {
      const s = byLead.get(lead)!;
      let error = 0;
      let n = 0;
      test.forEach((h, i) => {
        if (Math.floor((h.t - origin) / WEEK_MS) + 1 !== lead) return;
        const e = Math.abs(h.contacts - f.contacts[i]);
        error += e;
        n++;
        s.volume += h.contacts;
        s.hours++;
        const inside = f.lo80[i] <= h.contacts && h.contacts <= f.hi80[i];
        if (inside) s.inside++;
        if (h.contacts < f.lo80[i]) s.below++;
        for (const kind of kindsAt(c.events, h.t)) {
          const b = s.byKind.get(kind) ?? { error: 0, volume: 0, inside: 0, hours: 0 };
          b.error += e;
          b.volume += h.contacts;
          b.hours++;
          if (inside) b.inside++;
          s.byKind.set(kind, b);
        }
      });
      s.error += error;
      if (n > 0) s.mase.push(error / n / scale);
    }
  }
  return byLead;
}

const all = new Map(leads.map((l) => [l, { inside: 0, hours: 0, worst: NaN }]));
for (const c of centers()) {
  const started = performance.now();
  const byLead = score(c);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  for (const [lead, s] of byLead) {
    const cover = s.inside / s.hours;
    const a = all.get(lead)!;
    a.inside += s.inside;
    a.hours += s.hours;
    a.worst = Number.isNaN(a.worst) || Math.abs(cover - 0.8) > Math.abs(a.worst - 0.8) ? cover : a.worst;
    const kinds = KINDS.map((k) => {
      const b = s.byKind.get(k);
      return `${k === 'live_commerce' ? 'live' : k} ${pct(b && b.volume > 0 ? b.error / b.volume : NaN)}/${pct(b ? b.inside / b.hours : NaN).trim()}`;
    }).join('  ');
    const mase = s.mase.reduce((x, y) => x + y, 0) / s.mase.length;
    console.log(
      `${c.name.padEnd(15)} ${lead} wk: MASE ${mase.toFixed(3)}  WAPE ${pct(s.error / s.volume)}  cover80 ${pct(cover)} (below ${pct(s.below / s.hours).trim()})  | ${kinds}${lead === leads[0] ? `  ${seconds} s` : ''}`,
    );
  }
}
for (const [lead, a] of all) {
  const cover = a.inside / a.hours;
  const ok = cover >= TARGET.lo && cover <= TARGET.hi && a.worst >= TARGET.lo && a.worst <= TARGET.hi;
  console.log(
    `${lead} week(s) ahead: cover80 ${pct(cover)} over all series, farthest from 80% ${pct(a.worst)} (target 75-90%) ${ok ? 'ok' : 'MISSED'}`,
  );
}
