import { InputError } from '../domain/errors.js';
import { formatTimestamp } from '../domain/time.js';
import type { ForecastPoint } from '../domain/types.js';
import { formatCsv, numberCell, readTable } from './table.js';
import { timestampCell } from './timestamps.js';

const round = (v: number) => Math.round(v * 1000) / 1000;

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
      round(p.contacts),
      round(p.lo80),
      round(p.hi80),
      ...(queues ? [p.queue ?? ''] : []),
      ...(aht ? [p.ahtSeconds === undefined ? '' : round(p.ahtSeconds)] : []),
    ]),
  );
}

/** Reads `forecast.csv`; the interval columns are optional on input (they default to the point). */
export function readForecast(path: string, timeZone: string): { points: ForecastPoint[]; withOffset: boolean } {
  const table = readTable(path, ['timestamp', 'contacts']);
  let withOffset = false;
  const seen = new Map<number, number>();
  const points = table.rows.map((row) => {
    const ts = timestampCell(table, row, 'timestamp', timeZone);
    withOffset ||= ts.withOffset;
    if (seen.has(ts.t)) throw new InputError({ file: table.file, line: row.line, field: 'timestamp' }, `duplicated timestamp (also on line ${seen.get(ts.t)})`);
    seen.set(ts.t, row.line);
    const contacts = numberCell(table, row, 'contacts', { min: 0 })!;
    const lo80 = numberCell(table, row, 'lo80', { min: 0, optional: true }) ?? contacts;
    const hi80 = numberCell(table, row, 'hi80', { min: 0, optional: true }) ?? contacts;
    return { t: ts.t, contacts, lo80, hi80 };
  });
  if (points.length === 0) throw new InputError({ file: table.file }, 'the forecast has no rows');
  return { points: points.sort((a, b) => a.t - b.t), withOffset };
}
