import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { configTiers, poolTiers, type PlanConfig } from '../../domain/config.js';
import { InputError } from '../../domain/errors.js';
import { formatTimestamp } from '../../domain/time.js';
import type { CalendarEvent } from '../../domain/types.js';
import { readConfig } from '../../io/config.js';
import { readForecast } from '../../io/forecastFile.js';
import { readRosterShifts } from '../../io/rosterFile.js';
import { writeOutput } from '../../io/atomic.js';
import { deliveredByHour, type DeliveredOptions, type RosterService } from '../../staffing/delivered.js';
import { staffedBySlot } from '../../staffing/onDuty.js';
import { demandBySlot, requirementsFor } from '../../staffing/requirements.js';
import { splitTiers } from '../../roster/tierSplit.js';
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
      if (delivered.simulatedTiers) {
        const report = tieredReport(delivered, { replications: o.replications, seed: o.seed, patienceSeconds });
        writeOutput(o.out, o.json ? `${JSON.stringify(report, null, 1)}\n` : tieredTable(report));
        return;
      }
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
  // Queue by queue, each tier's queues pooled, as `plan` staffs them.
  const points = readForecast(forecastPath, config.timezone).points;
  const inWeek = new Set(roster.slots);
  if (!points.some((p) => inWeek.has(p.t))) {
    const file = basename(forecastPath);
    throw new InputError({ file, field: 'timestamp' }, `no hour of the roster's week (${roster.weekStart}) is in the forecast`);
  }
  const staffed = staffedBySlot(roster.shifts, roster.slots.length);
  const hours = demandBySlot(roster.slots, points, config);
  const tiers = configTiers(config);
  if (tiers.length === 1) return { slots: roster.slots, delivered: deliveredByHour(hours, staffed, config, events, options) };
  // Tiers: each pool's staff goes to the tiers it serves (split as the roster's hourly tiers are)
  // and the simulator routes each tier's contacts to the pools that serve it.
  const pools = config.pools.map((p) => ({
    tiers: poolTiers(p),
    staffed: staffedBySlot(
      roster.shifts.filter((s) => s.pool === p.id),
      roster.slots.length,
    ),
  }));
  const needs = new Map(requirementsFor(points, config, events, basename(forecastPath)).map((r) => [r.t, r]));
  const staffedByTier = roster.slots.map((t, h) => {
    const need = tiers.map((tier) => needs.get(t)?.tiers?.find((d) => d.tier === tier)?.staffNeeded ?? 0);
    const split = splitTiers(
      pools.map((p) => p.staffed[h]),
      pools.map((p) => p.tiers.map((tier) => tiers.indexOf(tier))),
      need,
    );
    return tiers.map((tier, k) => ({ tier, staffed: split.staffed[k] }));
  });
  return { slots: roster.slots, delivered: deliveredByHour(hours, staffed, config, events, { ...options, staffedByTier, pools }) };
}

/** The tiered result: each tier's simulated week (95% CI) beside the model, and each pool's occupancy. */
function tieredReport(delivered: RosterService, run: { replications: number; seed: number; patienceSeconds: number | null }) {
  const sim = delivered.simulatedTiers!;
  return {
    replications: run.replications,
    seed: run.seed,
    patience_seconds: run.patienceSeconds,
    week: { service_level: delivered.week.serviceLevel, asa_seconds: delivered.week.asaSeconds },
    tiers: sim.names.map((tier, k) => {
      const model = delivered.tiers?.find((t) => t.tier === tier);
      const total = sim.tiers[k].total;
      return {
        tier,
        offered: total.offered,
        service_level: total.serviceLevel,
        asa_seconds: total.asaSeconds,
        abandon_rate: total.abandonRate,
        model: { service_level: model?.serviceLevel ?? null, asa_seconds: model?.asaSeconds ?? null },
      };
    }),
    occupancy: sim.occupancy.total,
  };
}

/** An estimate as `mean [lo, hi]`, scaled (100 for percent); `-` when there is none. */
function ci(e: Estimate | null, digits: number, scale = 1): string {
  return e ? `${(e.mean * scale).toFixed(digits)} [${(e.lo * scale).toFixed(digits)}, ${(e.hi * scale).toFixed(digits)}]` : '-';
}

function tieredTable(r: ReturnType<typeof tieredReport>): string {
  const model = (v: number | null, digits: number, scale = 1) => (v === null ? '-' : (v * scale).toFixed(digits));
  const lines = [`week by tier (${r.replications} replications, skill-based routing, 95% confidence intervals):`];
  for (const t of r.tiers)
    lines.push(
      `  ${t.tier}: offered ${Math.round(t.offered)}, service level ${ci(t.service_level, 1, 100)} % (model ${model(t.model.service_level, 1, 100)}), ASA ${ci(t.asa_seconds, 1)} s (model ${model(t.model.asa_seconds, 1)}), abandoned ${ci(t.abandon_rate, 2, 100)} %`,
    );
  lines.push(`  occupancy of all agents ${ci(r.occupancy, 1, 100)} %`);
  return `${lines.join('\n')}\n`;
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
