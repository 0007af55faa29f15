import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { writeOutput } from '../../io/atomic.js';
import { readActuals } from '../../io/actualsFile.js';
import { answerDay, dayLogEntry } from '../../intraday/answerDay.js';
import { readPlanFolder } from '../../intraday/load.js';
import { appendDayLog, DAY_LOG_FOLDER } from '../../store/folder/dayLog.js';
import type { CommandContext } from '../context.js';

interface IntradayOptions {
  plan: string;
  actuals: string;
  now?: string;
  out?: string;
  log: boolean;
}

/**
 * `shiftcast intraday` (SPEC section 7): the rest of the week from the actuals so far, and the
 * calls to make. The plan folder is only read. Each answer is logged beside the plan (the
 * store's `.intraday/<plan>.jsonl`, as the API logs its answers): a team lead finds there what
 * was advised when; `--no-log` leaves no trace for a what-if run.
 */
export function registerIntraday(program: Command, _ctx: CommandContext): void {
  program
    .command('intraday')
    .description("the rest of the week re-forecast from the day so far, and the day's corrections (standby, overtime, time off)")
    .requiredOption('--plan <dir>', 'a plan folder (read only)')
    .requiredOption(
      '--actuals <file>',
      "the week's actuals so far: timestamp,contacts[,queue,aht_seconds,asa_seconds,abandoned,agents_available]",
    )
    .option('--now <timestamp>', 'the time of the answer, in the plan time zone (default: the end of the last actual interval)')
    .option('--out <file>', 'output file (default: standard output)')
    .option('--no-log', `do not add the answer to the plan's log (${DAY_LOG_FOLDER}/<plan folder>.jsonl beside the plan folder)`)
    .action(async (o: IntradayOptions) => {
      const plan = await readPlanFolder(o.plan);
      const actuals = readActuals(o.actuals, plan.timeZone);
      const answer = answerDay(plan, actuals, { text: o.now, from: { file: 'command line', field: '--now' } });
      writeOutput(o.out, `${JSON.stringify(answer, null, 1)}\n`);
      if (o.log) await appendDayLog(o.plan, dayLogEntry(answer, { via: 'command line', user: currentUser() }));
    });
}

/** The user the command runs as, when the system can say (not in every container). */
function currentUser(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}
