import { formatTimestamp } from '../domain/time.js';
import type { ForecastPoint } from '../domain/types.js';
import { formatCsv, numberCell, parseTable, readTable, type Table } from './table.js';
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
    points.map((p) => [
      formatTimestamp(p.t, timeZone, withOffset),
      roundTo(p.contacts, 3),
      roundTo(p.lo80, 3),
      roundTo(p.hi80, 3),
      ...(queues ? [p.queue ?? ''] : []),
      ...(aht ? [p.ahtSeconds === undefined ? '' : roundTo(p.ahtSeconds, 3)] : []),
    ]),
  );
}

/** Reads `forecast.csv`, queue by queue as written; the interval columns are optional on input (they default to the point). */
export function readForecast(path: string, timeZone: string): { points: ForecastPoint[]; withOffset: boolean } {
  return forecastOf(readTable(path, FORECAST_COLUMNS), timeZone);
}

/** Forecast points from the text of a `forecast.csv` (read from a file or a store). */
export function parseForecast(text: string, file: string, timeZone: string): { points: ForecastPoint[]; withOffset: boolean } {
  return forecastOf(parseTable(text, file, FORECAST_COLUMNS), timeZone);
}

const FORECAST_COLUMNS = ['timestamp', 'contacts'];

function forecastOf(table: Table, timeZone: string): { points: ForecastPoint[]; withOffset: boolean } {
  const { rows, withOffset } = timedRows(table, timeZone, (row) => row.cells.queue ?? '');
  const points = rows.map(({ t, row }) => {
    const contacts = numberCell(table, row, 'contacts', { min: 0 })!;
    const lo80 = numberCell(table, row, 'lo80', { min: 0, optional: true }) ?? contacts;
    const hi80 = numberCell(table, row, 'hi80', { min: 0, optional: true }) ?? contacts;
    const ahtSeconds = numberCell(table, row, 'aht_seconds', { min: 0, optional: true });
    const queue = row.cells.queue || undefined;
    return { t, contacts, lo80, hi80, ...(ahtSeconds !== undefined && { ahtSeconds }), ...(queue !== undefined && { queue }) };
  });
  return { points, withOffset };
}
