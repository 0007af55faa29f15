import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import type { PlanConfig } from '../../domain/config.js';
import { InputError } from '../../domain/errors.js';
import { formatTimestamp } from '../../domain/time.js';
import type { CalendarEvent } from '../../domain/types.js';
import { readConfig } from '../../io/config.js';
import { readForecast } from '../../io/forecastFile.js';
import { readRosterShifts } from '../../io/rosterFile.js';
import { writeOutput } from '../../io/atomic.js';
import { deliveredByHour, type DeliveredOptions } from '../../staffing/delivered.js';
import { staffedBySlot } from '../../staffing/onDuty.js';
import { demandBySlot } from '../../staffing/requirements.js';
import type { Estimate, HandleTimeModel, SimulatedService } from '../../staffing/simulate.js';
import type { CommandContext } from '../context.js';
import { eventsOrNone, intOption } from '../options.js';

interface SimulateOptions {
  roster: string;
  forecast: string;
  config: string;
  events?: string;
  replications: number;
  seed: number;
  handleTime: 'exponential' | 'lognormal';
  cv: number;
  patience?: number;
  json?: boolean;
  out?: string;
}

export function registerSimulate(program: Command, _ctx: CommandContext): void {
  program
    .command('simulate')
    .description('discrete-event simulation of a roster against a forecast, with 95% confidence intervals, beside the Erlang model')
    .requiredOption('--roster <file>', 'roster.json (its week_start and shifts)')
    .requiredOption('--forecast <file>', 'forecast.csv: timestamp,contacts[,aht_seconds]')
    .requiredOption('--config <file>', 'config.json')
    .option('--events <file>', 'events.csv (holiday hours use service.holiday)')
    .option('--replications <n>', 'independent runs of the week', intOption('--replications', 1, 10_000), 20)
    .option('--seed <n>', 'random seed (same seed, same result)', intOption('--seed', 0, 2 ** 32 - 1), 1)
    .addOption(new Option('--handle-time <model>', 'handle-time distribution').choices(['exponential', 'lognormal']).default('exponential'))
    .option('--cv <number>', 'coefficient of variation of lognormal handle times', positiveNumber('--cv'), 1)
    .option(
      '--patience <seconds>',
      'mean exponential patience (default: service.patience_seconds; none: nobody hangs up)',
      positiveNumber('--patience'),
    )
    .option('--json', 'print the whole result as JSON')
    .option('--out <file>', 'output file (default: standard output)')
    .action((o: SimulateOptions) => {
      const config = readConfig(o.config);
      const patienceSeconds = o.patience ?? config.service.patience_seconds;
      const handleTime: HandleTimeModel = o.handleTime === 'lognormal' ? { kind: 'lognormal', cv: o.cv } : { kind: 'exponential' };
      const options = { patienceSeconds, simulation: { handleTime, replications: o.replications, seed: o.seed } };
      const { slots, delivered } = simulateRoster(o.roster, o.forecast, config, eventsOrNone(o.events, config.timezone), options);
      const simulated = delivered.simulated!;
      const name = patienceSeconds === null ? 'erlang_c' : 'erlang_a';
      const hours = slots.map((t, i) => {
        const m = delivered.hours[i];
        return {
          timestamp: formatTimestamp(t, config.timezone),
          agents: simulated.servers[i],
          ...service(simulated.hours[i]),
          model: { name, service_level: m.serviceLevel, asa_seconds: m.asaSeconds, abandon_rate: m.abandonRate ?? 0 },
        };
      });
      const cv = o.handleTime === 'lognormal' ? o.cv : 1;
      const week = service(simulated.total);
      const report = {
        replications: o.replications,
        seed: o.seed,
        handle_time: o.handleTime,
        cv,
        patience_seconds: patienceSeconds,
        week,
        hours,
      };
      writeOutput(o.out, o.json ? `${JSON.stringify(report, null, 1)}\n` : table(report));
    });
}

/** The roster's week measured against the forecast: the Erlang model hour by hour and the simulation. */
function simulateRoster(rosterPath: string, forecastPath: string, config: PlanConfig, events: CalendarEvent[], options: DeliveredOptions) {
  const roster = readRosterShifts(rosterPath, config);
  // A forecast of several queues is staffed as one pooled group, as `plan` does.
  const points = readForecast(forecastPath, config.timezone).points;
  const inWeek = new Set(roster.slots);
  if (!points.some((p) => inWeek.has(p.t))) {
    const file = basename(forecastPath);
    throw new InputError({ file, field: 'timestamp' }, `no hour of the roster's week (${roster.weekStart}) is in the forecast`);
  }
  const staffed = staffedBySlot(roster.shifts, roster.slots.length);
  const hours = demandBySlot(roster.slots, points, config);
  return { slots: roster.slots, delivered: deliveredByHour(hours, staffed, config, events, options) };
}

function positiveNumber(name: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!(value > 0) || !Number.isFinite(value))
      throw new InputError({ file: 'command line', field: name }, `"${text}" must be a positive number`);
    return value;
  };
}

/** Simulated service in the output's field names. */
function service(s: SimulatedService) {
  return {
    offered: s.offered,
    service_level: s.serviceLevel,
    asa_seconds: s.asaSeconds,
    abandon_rate: s.abandonRate,
    occupancy: s.occupancy,
  };
}

type Report = {
  replications: number;
  week: ReturnType<typeof service>;
  hours: ({ timestamp: string; agents: number; model: { service_level: number; asa_seconds: number; abandon_rate: number } } & ReturnType<
    typeof service
  >)[];
};

/** The text report: the week, then each hour that has contacts, simulated (95% CI) beside the model. */
function table(r: Report): string {
  const ci = (e: Estimate | null, digits: number, scale = 1) =>
    e ? `${(e.mean * scale).toFixed(digits)} [${(e.lo * scale).toFixed(digits)}, ${(e.hi * scale).toFixed(digits)}]` : '-';
  const lines = [
    `week (${r.replications} replications, 95% confidence intervals): offered ${Math.round(r.week.offered)}, service level ${ci(r.week.service_level, 1, 100)} %, ASA ${ci(r.week.asa_seconds, 1)} s, abandoned ${ci(r.week.abandon_rate, 2, 100)} %, occupancy ${ci(r.week.occupancy, 1, 100)} %`,
    '',
    [
      'timestamp',
      'agents',
      'offered',
      'SL % (sim)',
      'SL % (model)',
      'ASA s (sim)',
      'ASA s (model)',
      'aband. % (sim)',
      'aband. % (model)',
      'occ. % (sim)',
    ].join('\t'),
  ];
  for (const h of r.hours.filter((x) => x.offered > 0)) {
    lines.push(
      [
        h.timestamp,
        h.agents,
        h.offered.toFixed(1),
        ci(h.service_level, 1, 100),
        (h.model.service_level * 100).toFixed(1),
        ci(h.asa_seconds, 1),
        h.model.asa_seconds.toFixed(1),
        ci(h.abandon_rate, 2, 100),
        (h.model.abandon_rate * 100).toFixed(2),
        ci(h.occupancy, 1, 100),
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}
