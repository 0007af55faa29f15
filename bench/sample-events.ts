/**
 * Event-hour accuracy on the bundled sample center: one-week-ahead forecasts from several weekly
 * origins (history before each origin, the full events calendar known in advance, as in
 * production), scored separately in live-commerce/promotion hours and in ordinary hours (no event
 * of any kind). Target (issue 3): event-hour WAPE no worse than 1.3x ordinary-hour WAPE.
 *
 *   npx tsx bench/sample-events.ts [--today 2026-11-24] [--weeks 8]
 */
import { parseArgs } from 'node:util';
import { HOUR_MS, localParts } from '../src/domain/time.js';
import { forecastQueue } from '../src/forecast/index.js';
import { parseEvents } from '../src/io/events.js';
import { parseHistory } from '../src/io/history.js';
import { generateSampleCenter, SAMPLE_TIME_ZONE } from '../src/sample/center.js';

const WEEK_MS = 168 * HOUR_MS;
const PEAK_KINDS = new Set(['live_commerce', 'promotion']);

const { values } = parseArgs({ options: { today: { type: 'string', default: '2026-11-24' }, weeks: { type: 'string', default: '8' } } });
const center = generateSampleCenter(values.today!);
const hours = parseHistory(center.historyCsv, SAMPLE_TIME_ZONE).queues[0].hours;
const events = parseEvents(center.eventsCsv, SAMPLE_TIME_ZONE);
const kindsAt = (t: number) => events.filter((e) => e.start <= t && t < e.end).map((e) => e.kind);

/** Absolute error and volume summed per class of hour. */
const tally = { event: { error: 0, volume: 0, hours: 0 }, ordinary: { error: 0, volume: 0, hours: 0 } };
const weeks = Number(values.weeks);
const started = performance.now();
// Origins are the local Mondays 00:00 before the history's end (which is a local midnight).
const daysSinceMonday = localParts(center.historyEnd, SAMPLE_TIME_ZONE).weekday;
const lastMonday = center.historyEnd - daysSinceMonday * 24 * HOUR_MS;
for (let k = weeks; k >= 1; k--) {
  const origin = lastMonday - k * WEEK_MS;
  const train = hours.filter((h) => h.t < origin);
  const test = hours.filter((h) => h.t >= origin && h.t < origin + WEEK_MS);
  const f = forecastQueue(train, events, SAMPLE_TIME_ZONE, test.map((h) => h.t));
  const week = { event: { error: 0, volume: 0 }, ordinary: { error: 0, volume: 0 } };
  test.forEach((h, i) => {
    const kinds = kindsAt(h.t);
    const cls = kinds.some((kind) => PEAK_KINDS.has(kind)) ? 'event' : kinds.length === 0 ? 'ordinary' : null;
    if (cls === null) return;
    const error = Math.abs(h.contacts - f.contacts[i]);
    for (const sum of [tally[cls], week[cls]]) {
      sum.error += error;
      sum.volume += h.contacts;
    }
    tally[cls].hours++;
  });
  const wape = (s: { error: number; volume: number }) => (s.volume > 0 ? ((100 * s.error) / s.volume).toFixed(1).padStart(5) + '%' : '     -');
  console.log(`origin ${new Date(origin + 8 * HOUR_MS).toISOString().slice(0, 10)}: event-hour WAPE ${wape(week.event)}  ordinary WAPE ${wape(week.ordinary)}  chose ${f.selection?.members.join('+')}`);
}
const summary = Object.fromEntries(
  Object.entries(tally).map(([cls, s]) => [cls, { hours: s.hours, wape: s.error / s.volume, mae: s.error / s.hours }]),
);
const ratio = summary.event.wape / summary.ordinary.wape;
console.log(JSON.stringify({ weeks, ...summary, wape_ratio: ratio, target: 1.3, seconds: (performance.now() - started) / 1000 }));
process.exitCode = ratio <= 1.3 ? 0 : 1;
