import type { Command } from 'commander';
import { localDate } from '../../domain/time.js';
import { readConfig } from '../../io/config.js';
import { readStaffNeeds } from '../../io/requirementsFile.js';
import { writeOutput } from '../../io/atomic.js';
import { buildRosterProblem } from '../../roster/problem.js';
import { solveRoster } from '../../roster/solve.js';
import { EXIT, type CommandContext } from '../main.js';

export function registerRoster(program: Command, ctx: CommandContext): void {
  program
    .command('roster')
    .description('cheapest weekly shift roster under the hard rules (HiGHS), verified before it is written')
    .requiredOption('--requirements <file>', 'requirements.csv: timestamp,staff_needed')
    .requiredOption('--config <file>', 'config.json')
    .option('--out <file>', 'output file (default: standard output)')
    .action(async (o: { requirements: string; config: string; out?: string }) => {
      const config = readConfig(o.config);
      const { needs, withOffset } = readStaffNeeds(o.requirements, config.timezone);
      // Without week_start the week starts on the local date of the first requirement.
      const weekStart = config.week_start ?? localDate(needs[0].t, config.timezone);
      const roster = await solveRoster(buildRosterProblem(needs, config, weekStart, withOffset));
      writeOutput(o.out, JSON.stringify(roster, null, 1) + '\n');
      if (roster.status === 'infeasible') {
        process.stderr.write(`shiftcast: the roster is infeasible: ${roster.explanation}\n`);
        ctx.setExitCode(EXIT.infeasible);
      }
    });
}
