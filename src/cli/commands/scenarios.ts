import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { writeFileAtomic, writeOutput } from '../../io/atomic.js';
import { filesBase, planBase } from '../../scenarios/base.js';
import { planReportWithTradeoff } from '../../scenarios/tradeoffPage.js';
import { runScenarios } from '../../scenarios/run.js';
import { scenarioTable } from '../../scenarios/gridTable.js';
import { VARY_FIELDS } from '../../scenarios/fields.js';
import { parseVary } from '../../scenarios/vary.js';
import type { CommandContext } from '../context.js';
import { eventsOrNone, intOption } from '../options.js';

interface ScenariosOptions {
  config?: string;
  requirements?: string;
  plan?: string;
  events?: string;
  vary: string[];
  simulate?: boolean;
  threads?: number;
  json?: boolean;
  out?: string;
  report?: string;
}

export function registerScenarios(program: Command, _ctx: CommandContext): void {
  program
    .command('scenarios')
    .description('cost/service trade-off grid: re-solve the roster for every combination of the varied fields, in parallel')
    .option('--config <file>', 'config.json (with --requirements)')
    .option('--requirements <file>', 'requirements.csv (contacts and aht_seconds columns give service figures)')
    .option('--plan <dir>', 'a plan folder (read only) in place of --config and --requirements')
    .requiredOption(
      '--vary <FIELD=VALUES...>',
      `FIELD=a:b:n or FIELD=v1,v2 (null = no limit where the field allows it); several make a grid. FIELD: ${VARY_FIELDS.join(', ')}`,
    )
    .option('--events <file>', 'events.csv (holiday hours use service.holiday)')
    .option('--simulate', 'measure service with the simulator instead of the Erlang model')
    .option('--threads <n>', 'worker threads (default: one per core)', intOption('--threads', 1, 64))
    .option('--json', 'print the SPEC JSON instead of a table')
    .option('--out <file>', 'output file (default: standard output)')
    .option('--report <file>', "with --plan: write the plan's report page with the trade-off curve added (the plan folder is not changed)")
    .action(async (o: ScenariosOptions) => {
      if (!o.plan === !(o.config && o.requirements))
        throw new InputError({ file: 'command line', field: '--plan' }, 'give --plan DIR, or both --config and --requirements');
      if (o.report && !o.plan)
        throw new InputError({ file: 'command line', field: '--report' }, "--report needs --plan DIR (the page is the plan's report)");
      const vary = o.vary.map(parseVary);
      const base = o.plan ? planBase(o.plan) : filesBase(o.config!, o.requirements!);
      const events = eventsOrNone(o.events, base.config.timezone);
      const result = await runScenarios({ ...base, events }, vary, { simulate: o.simulate, threads: o.threads });
      writeOutput(o.out, o.json ? `${JSON.stringify(result, null, 1)}\n` : scenarioTable(result, base.config.currency));
      if (o.report) writeFileAtomic(o.report, await planReportWithTradeoff(o.plan!, base, result));
    });
}
