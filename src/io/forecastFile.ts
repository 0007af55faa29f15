import { formatTimestamp } from '../domain/time.js';
import type { ForecastPoint } from '../domain/types.js';
import { pooledForecast } from '../forecast/pooled.js';
import { formatCsv } from './formatCsv.js';
import { numberCell, parseTable, readTable, type Row, type Table } from './table.js';
import { timedRows } from './timestamps.js';
import { roundTo } from '../domain/round.js';

/**
 * `forecast.csv`: timestamp,contacts,lo80,hi80 first (SPEC), then `queue` when the points carry
 * queues and `aht_seconds` when they carry handle times.
 */
export function formatForecast(points: readonly ForecastPoint[], timeZone: string, withOffset: boolean): string {
  const queues = points.some((p) => p.queue !== undefined);
  const aht = points.some((p) => p.ahtSeconds !== undefined);
  const columns = ['timestamp', 'contacts', 'lo80', 'hi80', ...(queues ? ['queue'] : []), ...(aht ? ['aht_seconds'] : [])];
  return formatCsv(
    columns,
    points.map((p) => [...spanCells(p, timeZone, withOffset), ...(queues ? [p.queue ?? ''] : []), ...(aht ? [ahtCell(p)] : [])]),
  );
}

/** A point's SPEC cells: timestamp, contacts, lo80, hi80. */
function spanCells(p: ForecastPoint, timeZone: string, withOffset: boolean): (string | number)[] {
  return [formatTimestamp(p.t, timeZone, withOffset), roundTo(p.contacts, 3), roundTo(p.lo80, 3), roundTo(p.hi80, 3)];
}

const ahtCell = (p: ForecastPoint | undefined) => (p?.ahtSeconds === undefined ? '' : roundTo(p.ahtSeconds, 3));

/**
 * A plan folder's `forecast.csv`: one row per hour, the queues summed (SPEC), then with several
 * queues (or when the config names queues) each queue's own columns `contacts.<queue>` (and
 * `aht_seconds.<queue>`), from which the staffing of each queue can be recomputed (scenarios,
 * `requirements`).
 * @param pooled the hours, queues summed (`pooledForecast`)
 * @param byQueue the same hours, one point per hour and queue
 * @param namedQueues whether the configuration names queues (`demand.queues`): columns even for one
 */
export function formatWeekForecast(
  pooled: readonly ForecastPoint[],
  byQueue: readonly ForecastPoint[],
  timeZone: string,
  withOffset: boolean,
  namedQueues = false,
): string {
  const queues = [...new Set(byQueue.flatMap((p) => (p.queue === undefined ? [] : [p.queue])))];
  if (queues.length < (namedQueues ? 1 : 2)) return formatForecast(pooled, timeZone, withOffset);
  const aht = pooled.some((p) => p.ahtSeconds !== undefined);
  const cell = new Map(byQueue.map((p) => [`${p.t}|${p.queue}`, p]));
  const columns = [
    'timestamp',
    'contacts',
    'lo80',
    'hi80',
    ...(aht ? ['aht_seconds'] : []),
    ...queues.flatMap((q) => [`${QUEUE_CONTACTS}${q}`, ...(aht ? [`${QUEUE_AHT}${q}`] : [])]),
  ];
  return formatCsv(
    columns,
    pooled.map((p) => [
      ...spanCells(p, timeZone, withOffset),
      ...(aht ? [ahtCell(p)] : []),
      ...queues.flatMap((q) => {
        const mine = cell.get(`${p.t}|${q}`);
        const contacts = roundTo(mine?.contacts ?? 0, 3);
        return aht ? [contacts, ahtCell(mine)] : [contacts];
      }),
    ]),
  );
}

const QUEUE_CONTACTS = 'contacts.';
const QUEUE_AHT = 'aht_seconds.';

/**
 * A forecast file read back: `points` queue by queue as written, `pooled` one point per hour with
 * the queues summed (a plan folder's own total columns when it has queue columns, which keep the
 * pooled 80% interval its queue columns do not carry).
 */
export interface ForecastFile {
  points: ForecastPoint[];
  pooled: ForecastPoint[];
  withOffset: boolean;
}

/** Reads `forecast.csv`, queue by queue as written; the interval columns are optional on input (they default to the point). */
export function readForecast(path: string, timeZone: string): ForecastFile {
  return forecastOf(readTable(path, FORECAST_COLUMNS), timeZone);
}

/** Forecast points from the text of a `forecast.csv` (read from a file or a store). */
export function parseForecast(text: string, file: string, timeZone: string): ForecastFile {
  return forecastOf(parseTable(text, file, FORECAST_COLUMNS), timeZone);
}

const FORECAST_COLUMNS = ['timestamp', 'contacts'];

function forecastOf(table: Table, timeZone: string): ForecastFile {
  const queues = Object.keys(table.rows[0]?.cells ?? {})
    .filter((c) => c.startsWith(QUEUE_CONTACTS) && c.length > QUEUE_CONTACTS.length)
    .map((c) => c.slice(QUEUE_CONTACTS.length));
  if (queues.length > 0) return byQueueColumns(table, timeZone, queues);
  const { rows, withOffset } = timedRows(table, timeZone, (row) => row.cells.queue ?? '');
  const points = rows.map(({ t, row }) => spanPoint(table, t, row, row.cells.queue || undefined));
  return { points, pooled: pooledForecast(points), withOffset };
}

/** A row's SPEC columns as a point: contacts, the interval (default: the point) and handle time. */
function spanPoint(table: Table, t: number, row: Row, queue: string | undefined): ForecastPoint {
  const contacts = numberCell(table, row, 'contacts', { min: 0 })!;
  const lo80 = numberCell(table, row, 'lo80', { min: 0, optional: true }) ?? contacts;
  const hi80 = numberCell(table, row, 'hi80', { min: 0, optional: true }) ?? contacts;
  const ahtSeconds = numberCell(table, row, 'aht_seconds', { min: 0, optional: true });
  return { t, contacts, lo80, hi80, ...(ahtSeconds !== undefined && { ahtSeconds }), ...(queue !== undefined && { queue }) };
}

/**
 * A plan folder's forecast with queue columns (formatWeekForecast), read back one point per hour
 * and queue. The file keeps only the hour's interval: each queue gets its share of it, in
 * proportion to its contacts, so the queues' intervals add up to the hour's (as pooled.ts adds them)
 * and a recomputed staffing at hi80 (a standby pool's) sees the plan's interval.
 */
function byQueueColumns(table: Table, timeZone: string, queues: readonly string[]): ForecastFile {
  const { rows, withOffset } = timedRows(table, timeZone);
  const pooled = rows.map(({ t, row }) => spanPoint(table, t, row, undefined));
  const points = rows.flatMap(({ t, row }, i) =>
    queues.map((queue) => {
      const contacts = numberCell(table, row, `${QUEUE_CONTACTS}${queue}`, { min: 0 })!;
      const ahtSeconds = numberCell(table, row, `${QUEUE_AHT}${queue}`, { min: 0, optional: true });
      const hour = pooled[i];
      const share = hour.contacts > 0 ? contacts / hour.contacts : 0;
      const lo80 = hour.contacts > 0 ? share * hour.lo80 : contacts;
      const hi80 = hour.contacts > 0 ? share * hour.hi80 : contacts;
      return { t, contacts, lo80, hi80, queue, ...(ahtSeconds !== undefined && { ahtSeconds }) };
    }),
  );
  return { points, pooled: pooled.sort((a, b) => a.t - b.t), withOffset };
}
