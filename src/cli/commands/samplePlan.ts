import { join } from 'node:path';
import type { Command } from 'commander';
import { localDate } from '../../domain/time.js';
import { writeFileAtomic } from '../../io/atomic.js';
import { parseAgents } from '../../io/agentsFile.js';
import { parseConfig } from '../../io/config.js';
import { parseEvents } from '../../io/events.js';
import { parseHistory } from '../../io/history.js';
import { generateSampleCenter, SAMPLE_TIME_ZONE } from '../../sample/center.js';
import { openStore } from '../../store/open.js';
import type { CommandContext } from '../context.js';
import { DEFAULT_STORE, loadMakePlan, reportPlan, weekOption } from './plan.js';

/** Where `shiftcast serve` puts the console with its default host and port. */
const CONSOLE_URL = 'http://127.0.0.1:8080/';

export function registerSamplePlan(program: Command, ctx: CommandContext): void {
  program
    .command('sample')
    .description(
      'generate the sample live-commerce center (history to today, events, config, in-house team) and plan its coming week (what `npm start` runs)',
    )
    .option('--store <dir>', 'plan store; the sample inputs go to <store>/.sample-center/', DEFAULT_STORE)
    .option('--today <date>', 'the date the history runs up to (default: today in Asia/Shanghai)', weekOption)
    .option('--seed <n>', 'random seed of the sample', (v) => Number(v), 20261124)
    .action(async (o: { store: string; today?: string; seed: number }) => {
      const today = o.today ?? localDate(Date.now(), SAMPLE_TIME_ZONE);
      const sample = generateSampleCenter(today, o.seed);
      const workspace = join(o.store, '.sample-center');
      const configText = `${JSON.stringify(sample.config, null, 2)}\n`;
      writeFileAtomic(join(workspace, 'history.csv'), sample.historyCsv);
      writeFileAtomic(join(workspace, 'events.csv'), sample.eventsCsv);
      writeFileAtomic(join(workspace, 'config.json'), configText);
      writeFileAtomic(join(workspace, 'agents.csv'), sample.agentsCsv);
      process.stdout.write(`Sample center: history to ${today}, inputs in ${workspace}/\n`);
      const config = parseConfig(sample.config, 'config.json');
      const makePlan = await loadMakePlan();
      const result = await makePlan(
        {
          config,
          history: parseHistory(sample.historyCsv, config.timezone, 'history.csv'),
          events: parseEvents(sample.eventsCsv, config.timezone, 'events.csv'),
          // The in-house team by name: the plan carries its named schedule.
          schedule: { agents: parseAgents(sample.agentsCsv, 'agents.csv', config) },
        },
        openStore(o.store),
      );
      ctx.setExitCode(reportPlan(result, config.service.answer_within_seconds));
      const store = o.store === DEFAULT_STORE ? '' : ` --store ${o.store}`;
      process.stdout.write(
        `\nIn the web console: \`npx shiftcast keys add --role planner${store}\` for a key, then \`npx shiftcast serve${store}\`\n` +
          `and open ${CONSOLE_URL} (workspace "sample-center" plans another week of this center).\n`,
      );
    });
}
