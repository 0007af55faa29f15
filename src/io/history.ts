import { basename } from 'node:path';
import { InputError } from '../domain/errors.js';
import { HOUR_MS, startOfLocalHour } from '../domain/time.js';
import type { History, HourCount } from '../domain/types.js';
import { eachFileRow, eachRow, numberCell, readText, type Row } from './table.js';
import { duplicateMessage, timestampCell } from './timestamps.js';

const MINUTE_MS = 60_000;
const REQUIRED = ['timestamp', 'contacts'] as const;

/**
 * One local hour of one queue: its intervals, three numbers each: key (start and line, below),
 * contacts, handle time (NaN when absent). The hour is summed at the end in time order, as
 * before streaming: floating-point sums depend on their order, and rows may come in any order.
 */
type HourBucket = number[];
const STRIDE = 3;

// A key packs an interval's start (ms into the hour) and its line into one number below 2^53,
// start * LINES + line: millions are kept, and ordering keys orders by start.
const LINES = 2 ** 31;
const startOf = (key: number) => Math.floor(key / LINES);
const lineOf = (key: number) => key % LINES;

/** The keys of a bucket. */
function keys(b: HourBucket): number[] {
  const out: number[] = [];
  for (let k = 0; k < b.length; k += STRIDE) out.push(b[k]);
  return out;
}

/** The bucket with its intervals in time order (they usually arrive so). */
function inTimeOrder(b: HourBucket): HourBucket {
  let sorted = true;
  for (let k = STRIDE; k < b.length && sorted; k += STRIDE) sorted = b[k - STRIDE] < b[k];
  if (sorted) return b;
  const order = keys(b)
    .map((_, i) => i * STRIDE)
    .sort((x, y) => b[x] - b[y]);
  return order.flatMap((k) => b.slice(k, k + STRIDE));
}

/**
 * Validates history rows one at a time and files them into local hours per queue as they
 * arrive. Rows are not kept, only three numbers per interval (see HourBucket), which the checks
 * need (duplicates, the interval grid, mixed lengths) to name lines in any row order. Hours
 * absent from the input stay absent (unknown, not zero).
 */
class HistoryBuilder {
  private readonly queues = new Map<string, Map<number, HourBucket>>();
  private withOffset = false;

  constructor(
    readonly file: string,
    private readonly timeZone: string,
  ) {}

  add(row: Row): void {
    const ts = timestampCell(this, row, 'timestamp', this.timeZone);
    const contacts = numberCell(this, row, 'contacts', { min: 0 })!;
    const aht = numberCell(this, row, 'aht_seconds', { min: 0, optional: true });
    if (ts.dst?.kind === 'skipped') {
      // A time the clocks skipped: a row with no contacts says nothing (exports write every wall-clock
      // hour), but contacts there belong to no hour we can name.
      if (contacts === 0) return;
      throw new InputError({ file: this.file, line: row.line, field: 'timestamp' }, ts.dst.message);
    }
    this.withOffset ||= ts.withOffset;
    const queue = row.cells.queue || 'default';
    let hours = this.queues.get(queue);
    if (!hours) this.queues.set(queue, (hours = new Map()));
    // Hours are local: in a +05:30 zone an hour starts at :30 UTC.
    const hour = startOfLocalHour(ts.t, this.timeZone);
    let bucket = hours.get(hour);
    if (!bucket) hours.set(hour, (bucket = []));
    const start = ts.t - hour;
    for (let k = 0; k < bucket.length; k += STRIDE) {
      if (startOf(bucket[k]) === start)
        throw new InputError({ file: this.file, line: row.line, field: 'timestamp' }, duplicateMessage(lineOf(bucket[k]), ts.dst));
    }
    bucket.push(start * LINES + row.line, contacts, aht ?? NaN);
  }

  finish(): History {
    if (this.queues.size === 0) throw new InputError({ file: this.file }, 'the history has no rows');
    const queues = [...this.queues].map(([queue, buckets]) => ({ queue, hours: this.toHours(buckets) }));
    return { queues, withOffset: this.withOffset, file: this.file };
  }

  private toHours(buckets: Map<number, HourBucket>): HourCount[] {
    const hours = [...buckets.keys()].sort((a, b) => a - b);
    const list = hours.map((h) => inTimeOrder(buckets.get(h)!));
    const step = this.intervalLength(hours, list.map(keys));
    return hours.map((t, i) => {
      const b = list[i];
      let contacts = 0;
      let handled = 0;
      let ahtWeight = 0;
      for (let k = 0; k < b.length; k += STRIDE) {
        if (startOf(b[k]) % step !== 0)
          throw new InputError(
            { file: this.file, line: lineOf(b[k]), field: 'timestamp' },
            `interval does not start on a ${step / MINUTE_MS}-minute boundary`,
          );
        const n = b[k + 1];
        const aht = b[k + 2];
        contacts += n;
        if (!Number.isNaN(aht)) {
          handled += aht * n;
          ahtWeight += n;
        }
      }
      return ahtWeight > 0 ? { t, contacts, ahtSeconds: handled / ahtWeight } : { t, contacts };
    });
  }

  /** The interval length of a queue: the smallest gap; every gap must be a multiple of it. */
  private intervalLength(hours: number[], keysByHour: number[][]): number {
    // Every interval in time order: (start instant, line).
    const each = (f: (t: number, line: number) => void) =>
      keysByHour.forEach((list, i) => list.forEach((key) => f(hours[i] + startOf(key), lineOf(key))));
    let step = Infinity;
    let previous = NaN;
    each((t) => {
      if (t - previous < step) step = t - previous; // false for the first (NaN)
      previous = t;
    });
    if (!Number.isFinite(step)) return HOUR_MS;
    if (step > HOUR_MS || HOUR_MS % step !== 0) step = HOUR_MS;
    previous = NaN;
    each((t, line) => {
      if (!Number.isNaN(previous) && (t - previous) % step !== 0) {
        throw new InputError(
          { file: this.file, line, field: 'timestamp' },
          `mixed interval lengths: this row is not on the ${step / MINUTE_MS}-minute grid of the rows before it`,
        );
      }
      previous = t;
    });
    // Coarser rows among finer ones (an hourly row among 15-minute rows) fit the grid: an hour
    // that holds a lone :00 row while other hours are full is such a row.
    if (step < HOUR_MS) {
      const full = keysByHour.some((list) => list.length === HOUR_MS / step);
      const lone = keysByHour.find((list) => list.length === 1 && startOf(list[0]) === 0);
      if (full && lone)
        throw new InputError(
          { file: this.file, line: lineOf(lone[0]), field: 'timestamp' },
          `mixed interval lengths: an hourly row among ${step / MINUTE_MS}-minute rows`,
        );
    }
    return step;
  }
}

/**
 * Reads `history.csv` as a stream, validating and summing rows into hours as they arrive, so a
 * file of millions of rows is never held whole.
 */
export async function readHistory(path: string, timeZone: string): Promise<History> {
  const builder = new HistoryBuilder(basename(path), timeZone);
  await eachFileRow(path, REQUIRED, (row) => builder.add(row));
  return builder.finish();
}

/** Reads `history.csv` whole, for synchronous callers of small files (the API's workspaces). */
export function readHistorySync(path: string, timeZone: string): History {
  const { text, file } = readText(path);
  return parseHistory(text, timeZone, file);
}

/** Parses history CSV text (the API's form of the file), through the same checks as readHistory. */
export function parseHistory(text: string, timeZone: string, file = 'history'): History {
  const builder = new HistoryBuilder(file, timeZone);
  eachRow(text, file, REQUIRED, (row) => builder.add(row));
  return builder.finish();
}
