import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { scheduleRules } from '../../domain/config.js';
import { InputError } from '../../domain/errors.js';
import { localDate } from '../../domain/time.js';
import { formatSchedule } from '../../io/scheduleFile.js';
import { readConfig } from '../../io/config.js';
import { readStaffNeeds } from '../../io/requirementsFile.js';
import { writeOutput } from '../../io/atomic.js';
import type { Progress } from '../../roster/solve/highs.js';
import { buildRosterProblem } from '../../roster/problem.js';
import { EXIT, type CommandContext } from '../context.js';
import { agentOptions, checkNamedWeek, intOption, namedAgentsOrNone, numberOption, type AgentFlags } from '../options.js';

interface RosterFlags extends AgentFlags {
  requirements: string;
  config: string;
  out?: string;
  weeks: number;
  timeLimit?: number;
  gap?: number;
  preview?: boolean;
  exportLp?: string;
  progress?: boolean;
  scheduleOut?: string;
}

export function registerRoster(program: Command, ctx: CommandContext): void {
  const command = program
    .command('roster')
    .description('cheapest shift roster under the hard rules (HiGHS), verified before it is written')
    .requiredOption('--requirements <file>', 'requirements.csv: timestamp,staff_needed')
    .requiredOption('--config <file>', 'config.json')
    .option('--out <file>', 'output file (default: standard output)')
    .option('--weeks <n>', 'horizon in weeks, 1-4 (tours repeat every week; the horizon wraps)', intOption('--weeks', 1, 4), 1)
    .option(
      '--time-limit <seconds>',
      'wall-clock limit of the solve (default: solver.time_limit_seconds)',
      numberOption('--time-limit', 1e-3, Infinity),
    )
    .option(
      '--gap <share>',
      'stop within this relative gap to the bound, e.g. 0.005 (default: solver.mip_rel_gap)',
      numberOption('--gap', 0, 1),
    )
    .option('--preview', 'answer fast with the rounded, repaired LP relaxation (no branch and bound)')
    .option('--export-lp <file>', 'also write the model in CPLEX LP format, to check it with another solver')
    .option('--progress', 'print incumbent, bound and gap on stderr while solving (default when stderr is a terminal)');
  agentOptions(command)
    .option('--schedule-out <file>', 'with --agents: where schedule.csv goes (default: schedule.csv beside --out; required without --out)')
    .action(async (o: RosterFlags) => {
      const config = readConfig(o.config);
      // Every input is read and checked, and where the schedule goes settled, before any solve or write.
      const named = namedAgentsOrNone(o, config);
      const scheduleOut = named ? schedulePath(o) : undefined;
      if (!named && o.scheduleOut !== undefined)
        throw new InputError(
          { file: 'command line', field: '--schedule-out' },
          '--schedule-out needs --agents (only named agents have a schedule)',
        );
      const { needs, withOffset } = readStaffNeeds(o.requirements, config.timezone);
      // Without week_start the horizon starts on the local date of the first requirement.
      const weekStart = config.week_start ?? localDate(needs[0].t, config.timezone);
      checkNamedWeek(o, named, weekStart);
      if (named && o.weeks !== 1)
        throw new InputError(
          { file: 'command line', field: '--weeks' },
          'a schedule of named agents is for one week: drop --weeks, or --agents',
        );
      const problem = buildRosterProblem(needs, config, weekStart, withOffset, o.weeks);
      // The solver and its model are loaded on use: other commands start faster without them.
      if (o.exportLp) {
        const [{ toLpFormat }, { buildRosterModel }] = await Promise.all([
          import('../../roster/model/lpFormat.js'),
          import('../../roster/model/model.js'),
        ]);
        writeOutput(o.exportLp, toLpFormat(buildRosterModel(problem).program));
      }
      const [{ solveRosterWithRelaxation }, { relaxRoster }, { withShadowPrices }, { bestEffortRoster }] = await Promise.all([
        import('../../roster/solve/solve.js'),
        import('../../roster/solve/relaxation.js'),
        import('../../roster/explain/shadowPrices.js'),
        import('../../roster/solve/bestEffort.js'),
      ]);
      const showProgress = o.progress ?? process.stderr.isTTY === true;
      const solveOptions = {
        timeLimitSeconds: o.timeLimit,
        mipRelGap: o.gap,
        preview: o.preview,
        onProgress: showProgress ? printProgress : undefined,
      };
      if (named && scheduleOut) {
        const { solveSchedule } = await import('../../schedule/solve.js');
        const { agents, previous, pins } = named;
        const scheduled = await solveSchedule(problem, { agents, rules: scheduleRules(config), previous, pins }, solveOptions);
        const roster = withShadowPrices(scheduled.roster, problem, await relaxRoster(problem), config.currency);
        writeOutput(o.out, `${JSON.stringify(roster, null, 1)}\n`);
        writeOutput(scheduleOut, formatSchedule(scheduled.rows, config.timezone, withOffset));
        return reportInfeasible(roster, ctx);
      }
      const { roster: solved, relaxation } = await solveRosterWithRelaxation(problem, solveOptions);
      // A budget too small for the floors still gets the best roster it buys, flagged (as `plan` does).
      const roster = withShadowPrices(o.preview ? solved : await bestEffortRoster(problem, solved), problem, relaxation, config.currency);
      writeOutput(o.out, `${JSON.stringify(roster, null, 1)}\n`);
      reportInfeasible(roster, ctx);
    });
}

/**
 * Where `roster --agents` writes schedule.csv: `--schedule-out`, else schedule.csv beside `--out`.
 * With the roster on standard output there is no "beside": a schedule.csv dropped into the
 * current folder would surprise (and could overwrite one), so `--schedule-out` is then required.
 */
function schedulePath(o: RosterFlags): string {
  const path = o.scheduleOut ?? (o.out === undefined ? undefined : join(dirname(o.out), 'schedule.csv'));
  if (path === undefined)
    throw new InputError(
      { file: 'command line', field: '--schedule-out' },
      'with --agents and the roster on standard output, say where the schedule goes: --schedule-out FILE (or give --out, and it goes beside it)',
    );
  if (o.out !== undefined && resolve(path) === resolve(o.out))
    throw new InputError(
      { file: 'command line', field: '--schedule-out' },
      `the schedule would overwrite the roster (${o.out}); give --schedule-out another file`,
    );
  return path;
}

/** Exit 3 with the reason first on stderr when the roster is infeasible (it was written all the same). */
function reportInfeasible(roster: { status: string; explanation: string }, ctx: CommandContext): void {
  if (roster.status === 'infeasible') {
    process.stderr.write(`shiftcast: the roster is infeasible: ${roster.explanation}\n`);
    ctx.setExitCode(EXIT.infeasible);
  }
}

// One line per report, so a log file reads as a table of the solve.
function printProgress(p: Progress): void {
  const money = (v: number | null) => (v === null ? '-' : v.toLocaleString('en-US', { maximumFractionDigits: 0 }));
  const gap = p.gap === null ? '-' : `${(p.gap * 100).toFixed(2)}%`;
  process.stderr.write(`roster: ${p.seconds.toFixed(1)} s  incumbent ${money(p.incumbent)}  bound ${money(p.bound)}  gap ${gap}\n`);
}
