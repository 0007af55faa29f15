import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { formatTimestamp, isTimeZone } from '../../domain/time.js';
import { accuracyReport, type KindScore, type WeekScore } from '../../forecast/accuracy.js';
import { readHistory } from '../../io/history.js';
import type { CommandContext } from '../context.js';
import { configOrDefaults, eventsOrNone, intOption } from '../options.js';

/** `shiftcast backtest`: rolling-origin accuracy per model family and for the chosen model. */
export function registerBacktest(program: Command, _ctx: CommandContext): void {
  program
    .command('backtest')
    .description('rolling-origin one-week-ahead accuracy per model family and for the chosen model')
    .requiredOption('--history <file>', 'history.csv: timestamp,contacts[,queue,aht_seconds]')
    .option('--events <file>', 'events.csv: start,end,kind[,name,intensity]')
    .option('--weeks <n>', 'held-out weeks', intOption('--weeks', 1, 52), 8)
    .option('--json', 'print JSON instead of a table')
    .option('--config <file>', 'config.json, for its timezone')
    .option('--timezone <tz>', "time zone of timestamps without an offset (default: the config's)")
    .action(async (o: { history: string; events?: string; weeks: number; json?: boolean; config?: string; timezone?: string }) => {
      const tz = o.timezone ?? configOrDefaults(o.config).timezone;
      if (!isTimeZone(tz)) throw new InputError({ file: 'command line', field: '--timezone' }, `"${tz}" is not a known IANA time zone`);
      const history = await readHistory(o.history, tz);
      const events = eventsOrNone(o.events, tz);
      const queues = history.queues.map((q) => ({ queue: q.queue, ...accuracyReport(q.hours, events, tz, o.weeks) }));
      // A local hour number read as UTC is the local wall-clock time.
      const week = (lh: number) => formatTimestamp(lh * 3_600_000, 'UTC');
      if (o.json) {
        const rows = queues.map((q) => ({
          queue: q.queue,
          weeks: q.weeks.map((w) => ({ ...w, origin: week(w.origin) })),
          mean: means(q.weeks),
          kinds: q.kinds.map(finite),
        }));
        process.stdout.write(`${JSON.stringify({ queues: rows }, null, 1)}\n`);
        return;
      }
      for (const q of queues) {
        process.stdout.write(`queue ${q.queue}\n${'week'.padEnd(18)}${'model'.padEnd(18)}   MASE   WAPE  cover80\n`);
        for (const w of [...q.weeks, ...means(q.weeks).map((m) => ({ ...m, origin: NaN }))]) {
          const cover = w.coverage80 === null ? '     -' : w.coverage80.toFixed(3).padStart(6);
          const label = Number.isNaN(w.origin) ? 'mean' : week(w.origin);
          process.stdout.write(
            `${label.padEnd(18)}${w.model.padEnd(18)}${w.mase.toFixed(3).padStart(7)}${w.wape.toFixed(3).padStart(7)}   ${cover}\n`,
          );
        }
        if (q.kinds.some((k) => k.kind !== 'ordinary')) {
          process.stdout.write(
            `\nby event kind (all weeks)\n${'kind'.padEnd(18)}${'model'.padEnd(18)}  hours   WAPE  x ordinary  cover80\n`,
          );
          for (const k of q.kinds) {
            const ratio = Number.isFinite(k.ratio) ? `${k.ratio.toFixed(2)}x` : '-';
            const cover = k.coverage80 === null ? '     -' : k.coverage80.toFixed(3).padStart(6);
            process.stdout.write(
              `${k.kind.padEnd(18)}${k.model.padEnd(18)}${String(k.hours).padStart(7)}${k.wape.toFixed(3).padStart(7)}  ${ratio.padStart(10)}   ${cover}\n`,
            );
          }
        }
      }
    });
}

/** A kind's score for JSON: a ratio without ordinary hours is null, not NaN. */
function finite(k: KindScore): Omit<KindScore, 'ratio'> & { ratio: number | null } {
  return { ...k, ratio: Number.isFinite(k.ratio) ? k.ratio : null };
}

/** Mean scores per model over the weeks. */
function means(weeks: readonly WeekScore[]): Omit<WeekScore, 'origin'>[] {
  const models = [...new Set(weeks.map((w) => w.model))];
  return models.map((model) => {
    const rows = weeks.filter((w) => w.model === model);
    const avg = (f: (w: WeekScore) => number) => rows.reduce((s, w) => s + f(w), 0) / rows.length;
    const covered = rows.every((w) => w.coverage80 !== null);
    return { model, mase: avg((w) => w.mase), wape: avg((w) => w.wape), coverage80: covered ? avg((w) => w.coverage80!) : null };
  });
}
