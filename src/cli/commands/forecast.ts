import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { HOUR_MS, isTimeZone, parseTimestamp } from '../../domain/time.js';
import { forecastHistory } from '../../forecast/index.js';
import { readHistory } from '../../io/history.js';
import { formatForecast } from '../../io/forecastFile.js';
import { writeOutput } from '../../io/atomic.js';
import type { CommandContext } from '../context.js';
import { configOrDefaults, eventsOrNone, intOption } from '../options.js';

export function registerForecast(program: Command, _ctx: CommandContext): void {
  program
    .command('forecast')
    .description('hourly contact forecast with 80% prediction intervals')
    .requiredOption('--history <file>', 'history.csv: timestamp,contacts[,queue,aht_seconds]')
    .option('--events <file>', 'events.csv: start,end,kind[,name,intensity]')
    .option(
      '--horizon <hours>',
      'hours to forecast, up to 1344 (8 weeks; the intervals are calibrated on held-out forecasts up to 6 weeks ahead)',
      intOption('--horizon', 1, 24 * 7 * 8),
      168,
    )
    .option('--start <timestamp>', 'first hour to forecast (default: the hour after the last history row)')
    .option('--config <file>', 'config.json, for its timezone')
    .option('--timezone <tz>', "time zone of timestamps without an offset (default: the config's)")
    .option('--out <file>', 'output file (default: standard output)')
    .action(
      async (o: {
        history: string;
        events?: string;
        horizon: number;
        start?: string;
        config?: string;
        timezone?: string;
        out?: string;
      }) => {
        const config = configOrDefaults(o.config);
        const tz = o.timezone ?? config.timezone;
        if (!isTimeZone(tz)) throw new InputError({ file: 'command line', field: '--timezone' }, `"${tz}" is not a known IANA time zone`);
        const history = await readHistory(o.history, tz);
        const events = eventsOrNone(o.events, tz);
        let start: number;
        if (o.start) {
          const parsed = parseTimestamp(o.start, tz);
          if (!parsed)
            throw new InputError({ file: 'command line', field: '--start' }, `"${o.start}" is not a timestamp like 2026-11-30T00:00`);
          start = parsed.t;
        } else {
          start = Math.max(...history.queues.map((q) => q.hours[q.hours.length - 1].t)) + HOUR_MS;
        }
        const horizon = Array.from({ length: o.horizon }, (_, i) => start + i * HOUR_MS);
        const { points } = forecastHistory(history, events, tz, horizon);
        writeOutput(o.out, formatForecast(points, tz, history.withOffset));
      },
    );
}
