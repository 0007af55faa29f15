import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { readConfig } from '../../io/config.js';
import { readHistory } from '../../io/history.js';
import type { PlanResult } from '../../plan/makePlan.js';
import type { PlanInputs } from '../../plan/chain.js';
import { assertOnlyPlans } from '../../store/retention.js';
import { summaryText } from '../../report/text.js';
import { EXIT, type CommandContext } from '../context.js';
import {
  agentOptions,
  checkNamedWeek,
  eventsOrNone,
  intOption,
  namedAgentsOrNone,
  storeOptions,
  withStore,
  type AgentFlags,
  type StoreFlags,
} from '../options.js';

export { DEFAULT_STORE } from '../options.js';

/** `--week` must be a calendar date. */
export function weekOption(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    throw new InputError({ file: 'command line', field: '--week' }, `"${text}" is not a date like 2026-11-30`);
  }
  return text;
}

/**
 * The plan chain, loaded on use: it pulls in the solver and the chart library, which commands
 * such as `forecast` should not pay for at start-up.
 */
export async function loadMakePlan() {
  return (await import('../../plan/makePlan.js')).makePlan;
}

interface PlanFlags extends AgentFlags, StoreFlags {
  history: string;
  config: string;
  events?: string;
  week?: string;
  keep?: number;
}

export function registerPlan(program: Command, ctx: CommandContext): void {
  const command = program
    .command('plan')
    .description('the whole chain for one week (forecast, requirements, roster, summary), written as one plan folder')
    .requiredOption('--history <file>', 'history.csv')
    .requiredOption('--config <file>', 'config.json')
    .option('--events <file>', 'events.csv')
    .option('--week <date>', 'first day of the week to plan (default: config week_start, else the Monday after the history)', weekOption);
  storeOptions(command).option('--keep <n>', 'after planning, keep only the newest N plan folders of the store', intOption('--keep'));
  agentOptions(command).action(async (o: PlanFlags) => {
    const config = readConfig(o.config);
    // Every input is read and checked before the store is touched.
    const schedule = namedAgentsOrNone(o, config);
    const inputs: PlanInputs = {
      config,
      history: await readHistory(o.history, config.timezone),
      events: eventsOrNone(o.events, config.timezone),
      week: o.week,
      ...(schedule ? { schedule } : {}),
    };
    if (schedule) checkNamedWeek(o, schedule, (await import('../../plan/chain.js')).planWeek(inputs));
    // One run per store at a time, so overlapping cron runs neither plan twice nor prune each
    // other's plans (a held lock ends the run with exit 1 and one line, see main.ts).
    await withStore(o, async (store) => {
      const release = await store.locks.acquire('plan');
      try {
        // Refused before minutes of solving, and checked again when pruning.
        if (o.keep !== undefined) assertOnlyPlans(store.location, (await store.plans.scan()).foreign);
        for (const name of await store.plans.removeAbandoned())
          process.stderr.write(`shiftcast: removed ${name}, a half-written plan left by a run that was killed\n`);
        const result = await (await loadMakePlan())(inputs, store);
        if (o.keep !== undefined) await store.plans.prune(o.keep, [result.name]);
        ctx.setExitCode(reportPlan(result, config.service.answer_within_seconds));
      } finally {
        await release();
      }
    });
  });
}

/** Prints the plan's summary; returns exit code 3 (with a one-sentence reason first on stderr) when it needs attention. */
export function reportPlan(result: PlanResult, answerWithinSeconds: number): number {
  const { summary } = result;
  const critical = summary.alerts.find((a) => a.severity === 'critical');
  if (summary.status === 'infeasible')
    process.stderr.write(`shiftcast: the plan for ${summary.week_start} is infeasible: ${summary.explanation}\n`);
  else if (critical) process.stderr.write(`shiftcast: the plan for ${summary.week_start} needs attention: ${critical.message}\n`);
  // A forecast from too little history is no ordinary warning: cron drops stdout, so say it on stderr too.
  const shortHistory = summary.alerts.find((a) => a.kind === 'history_short');
  if (shortHistory) process.stderr.write(`shiftcast: warning: ${shortHistory.message}\n`);
  if (!result.created) process.stdout.write('(these inputs were planned before; the existing plan folder is kept)\n');
  process.stdout.write(summaryText(summary, result.folder, answerWithinSeconds));
  return summary.status === 'infeasible' || critical ? EXIT.infeasible : EXIT.ok;
}
