import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { z } from 'zod';
import { totalShrinkage, type PlanConfig } from '../../domain/config.js';
import { InputError } from '../../domain/errors.js';
import { formatTimestamp, parseTimestamp, weekHours } from '../../domain/time.js';
import type { CalendarEvent, ForecastPoint, Instant } from '../../domain/types.js';
import { readConfig } from '../../io/config.js';
import { readForecast } from '../../io/forecastFile.js';
import { writeOutput } from '../../io/atomic.js';
import { deliveredService, handledOf, serviceTargetAt } from '../../staffing/requirements.js';
import { availableAgents, staffedBySlot, type PlacedShift } from '../../staffing/onDuty.js';
import { simulate, type Estimate, type SimulatedService } from '../../staffing/simulate.js';
import type { CommandContext } from '../main.js';
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
    .option('--patience <seconds>', 'mean exponential patience (default: service.patience_seconds; none: nobody hangs up)', positiveNumber('--patience'))
    .option('--json', 'print the whole result as JSON')
    .option('--out <file>', 'output file (default: standard output)')
    .action((o: SimulateOptions) => {
      const config = readConfig(o.config);
      const week = simulationWeek(o.roster, o.forecast, config, eventsOrNone(o.events, config.timezone), o.patience ?? config.service.patience_seconds);
      const result = simulate({
        ...week,
        handleTime: o.handleTime === 'lognormal' ? { kind: 'lognormal', cv: o.cv } : { kind: 'exponential' },
        replications: o.replications,
        seed: o.seed,
      });
      const hours = week.slots.map((t, i) => ({
        timestamp: formatTimestamp(t, config.timezone),
        agents: week.agentsOnDuty[i],
        ...service(result.hours[i]),
        model: week.model[i],
      }));
      const report = { replications: o.replications, seed: o.seed, handle_time: o.handleTime, cv: o.handleTime === 'lognormal' ? o.cv : 1, patience_seconds: week.patienceSeconds, week: service(result.total), hours };
      writeOutput(o.out, o.json ? JSON.stringify(report, null, 1) + '\n' : table(report));
    });
}

/** The simulator's input for the roster's week, plus the Erlang model's view of each hour. */
function simulationWeek(rosterPath: string, forecastPath: string, config: PlanConfig, events: CalendarEvent[], patienceSeconds: number | null) {
  const tz = config.timezone;
  const roster = readRoster(rosterPath);
  const slots = weekHours(roster.week_start.slice(0, 10), tz);
  const slotOf = new Map(slots.map((t, i) => [t, i]));
  const file = basename(rosterPath);
  const placed: PlacedShift[] = roster.shifts.map((s, i) => {
    const start = parseTimestamp(s.start, tz);
    const startSlot = start && slotOf.get(start.t);
    if (startSlot === undefined || startSlot === null) throw new InputError({ file, field: `shifts.${i}.start` }, `"${s.start}" is not an hour of the week starting ${roster.week_start}`);
    const pool = config.pools.find((p) => p.id === s.pool);
    if (!pool) throw new InputError({ file, field: `shifts.${i}.pool` }, `pool "${s.pool}" is not in the configuration`);
    return { startSlot, hours: s.hours, agents: s.agents, productivity: pool.productivity };
  });
  const shrinkage = totalShrinkage(config.shrinkage);
  const concurrency = config.demand.concurrency;
  const agents = staffedBySlot(placed, slots.length).map((s) => availableAgents(s, shrinkage));
  const byInstant = new Map<Instant, ForecastPoint>(readForecast(forecastPath, tz).points.map((p) => [p.t, p]));
  if (!slots.some((t) => byInstant.has(t))) throw new InputError({ file: basename(forecastPath), field: 'timestamp' }, `no hour of the roster's week (${roster.week_start}) is in the forecast`);
  const hours = slots.map((t, i) => {
    const point = byInstant.get(t);
    const target = { ...serviceTargetAt(t, config, events), patience_seconds: patienceSeconds };
    const arrivals = point ? handledOf(point.contacts, config) : 0;
    const aht = point?.ahtSeconds ?? config.demand.aht_seconds;
    const m = deliveredService(agents[i], arrivals, aht, target, concurrency);
    return { arrivals, aht, within: target.answer_within_seconds, model: { name: patienceSeconds === null ? 'erlang_c' : 'erlang_a', service_level: m.serviceLevel, asa_seconds: m.asaSeconds, abandon_rate: m.abandonRate ?? 0 } };
  });
  return {
    slots,
    // A chat agent works `concurrency` contacts at once: each is simulated as that many servers.
    agentsOnDuty: agents.map((n) => n * concurrency),
    arrivalsPerHour: hours.map((h) => h.arrivals),
    ahtSeconds: hours.map((h) => h.aht),
    answerWithinSeconds: hours.map((h) => h.within),
    patienceSeconds,
    model: hours.map((h) => h.model),
  };
}

const rosterSchema = z.object({
  week_start: z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected a date like 2026-11-30'),
  shifts: z.array(z.object({ pool: z.string(), start: z.string(), hours: z.number().int().min(1), agents: z.number().min(0) })),
});

/** The parts of roster.json the simulator needs, checked. */
function readRoster(path: string): z.infer<typeof rosterSchema> {
  const file = basename(path);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError({ file }, `cannot read it as JSON: ${(e as Error).message}`);
  }
  const parsed = rosterSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError({ file, field: issue.path.join('.') || '(root)' }, issue.message);
  }
  return parsed.data;
}

function positiveNumber(name: string) {
  return (text: string): number => {
    const value = Number(text);
    if (!(value > 0) || !Number.isFinite(value)) throw new InputError({ file: 'command line', field: name }, `"${text}" must be a positive number`);
    return value;
  };
}

/** Simulated service in the output's field names. */
function service(s: SimulatedService) {
  return { offered: s.offered, service_level: s.serviceLevel, asa_seconds: s.asaSeconds, abandon_rate: s.abandonRate, occupancy: s.occupancy };
}

type Report = { replications: number; week: ReturnType<typeof service>; hours: ({ timestamp: string; agents: number; model: { service_level: number; asa_seconds: number; abandon_rate: number } } & ReturnType<typeof service>)[] };

/** The text report: the week, then each hour that has contacts, simulated (95% CI) beside the model. */
function table(r: Report): string {
  const ci = (e: Estimate | null, digits: number, scale = 1) => (e ? `${(e.mean * scale).toFixed(digits)} [${(e.lo * scale).toFixed(digits)}, ${(e.hi * scale).toFixed(digits)}]` : '-');
  const lines = [
    `week (${r.replications} replications, 95% confidence intervals): offered ${Math.round(r.week.offered)}, service level ${ci(r.week.service_level, 1, 100)} %, ASA ${ci(r.week.asa_seconds, 1)} s, abandoned ${ci(r.week.abandon_rate, 2, 100)} %, occupancy ${ci(r.week.occupancy, 1, 100)} %`,
    '',
    ['timestamp', 'agents', 'offered', 'SL % (sim)', 'SL % (model)', 'ASA s (sim)', 'ASA s (model)', 'aband. % (sim)', 'aband. % (model)', 'occ. % (sim)'].join('\t'),
  ];
  for (const h of r.hours.filter((x) => x.offered > 0)) {
    lines.push([h.timestamp, h.agents, h.offered.toFixed(1), ci(h.service_level, 1, 100), (h.model.service_level * 100).toFixed(1), ci(h.asa_seconds, 1), h.model.asa_seconds.toFixed(1), ci(h.abandon_rate, 2, 100), (h.model.abandon_rate * 100).toFixed(2), ci(h.occupancy, 1, 100)].join('\t'));
  }
  return lines.join('\n') + '\n';
}
