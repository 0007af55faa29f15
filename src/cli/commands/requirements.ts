import { basename } from 'node:path';
import type { Command } from 'commander';
import { readConfig } from '../../io/config.js';
import { readForecast } from '../../io/forecastFile.js';
import { formatRequirements } from '../../io/requirementsFile.js';
import { writeOutput } from '../../io/atomic.js';
import { requirementsFor } from '../../staffing/requirements.js';
import type { CommandContext } from '../context.js';
import { eventsOrNone } from '../options.js';

export function registerRequirements(program: Command, _ctx: CommandContext): void {
  program
    .command('requirements')
    .description('agents and staff needed per hour for the service target')
    .requiredOption('--forecast <file>', 'forecast.csv: timestamp,contacts[,lo80,hi80,aht_seconds]')
    .requiredOption('--config <file>', 'config.json')
    .option('--events <file>', 'events.csv (holiday hours use service.holiday)')
    .option('--out <file>', 'output file (default: standard output)')
    .action((o: { forecast: string; config: string; events?: string; out?: string }) => {
      const config = readConfig(o.config);
      // Queue by queue (demand.queues), each tier's queues pooled into one group, as `plan` does.
      const { points, withOffset } = readForecast(o.forecast, config.timezone);
      const events = eventsOrNone(o.events, config.timezone);
      const rows = requirementsFor(points, config, events, basename(o.forecast));
      writeOutput(o.out, formatRequirements(rows, config.timezone, withOffset));
    });
}
