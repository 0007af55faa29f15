import { Command, CommanderError } from 'commander';
import { ShiftcastError } from '../domain/errors.js';
import { EXIT } from './context.js';
import type { CommandContext } from './context.js';

type Register = (program: Command, context: CommandContext) => void;

/**
 * Every command's module, loaded on demand: a run loads only the command it runs (start-up is
 * most of a short command's time: `intraday` answers in about a second instead of two).
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  forecast: async () => (await import('./commands/forecast.js')).registerForecast,
  backtest: async () => (await import('./commands/backtest.js')).registerBacktest,
  requirements: async () => (await import('./commands/requirements.js')).registerRequirements,
  roster: async () => (await import('./commands/roster.js')).registerRoster,
  plan: async () => (await import('./commands/plan.js')).registerPlan,
  sample: async () => (await import('./commands/samplePlan.js')).registerSamplePlan,
  simulate: async () => (await import('./commands/simulate.js')).registerSimulate,
  scenarios: async () => (await import('./commands/scenarios.js')).registerScenarios,
  intraday: async () => (await import('./commands/intraday.js')).registerIntraday,
  keys: async () => (await import('./commands/keys.js')).registerKeys,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  worker: async () => (await import('./commands/worker.js')).registerWorker,
  migrate: async () => (await import('./commands/migrate.js')).registerMigrate,
};

/**
 * The program with the command `name` (every command when it names none, for the overall help
 * and the unknown-command error); actions return their exit code through `setExitCode`.
 */
export async function buildProgram(setExitCode: (code: number) => void, name?: string): Promise<Command> {
  const program = new Command('shiftcast')
    .description('Contact-center workforce planning: forecast -> staffing -> roster -> report')
    .exitOverride()
    .showHelpAfterError(false);
  const context = { setExitCode };
  const names = name !== undefined && name in COMMANDS ? [name] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((n) => COMMANDS[n]()));
  for (const register of registers) register(program, context);
  return program;
}

/** Runs the CLI; returns the process exit code (never throws). */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = await buildProgram((c) => (code = c), argv[2]);
  try {
    await program.parseAsync(argv);
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return EXIT.ok; // --help, --version
      return EXIT.badInput; // commander already printed the usage problem
    }
    if (e instanceof ShiftcastError) {
      // One line, no stack: bad input is the user's to fix (2); a busy store is not (1).
      process.stderr.write(`shiftcast: ${e.message}\n`);
      return e.code === 'invalid_input' ? EXIT.badInput : EXIT.internal;
    }
    const fileProblem = fileSystemProblem(e);
    if (fileProblem) {
      process.stderr.write(`shiftcast: ${fileProblem.message}\n`);
      return fileProblem.code;
    }
    process.stderr.write(`shiftcast: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}

/** What the operating system said, in words, for the errors a user can fix by choosing another folder. */
const USER_FIXABLE: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
};

/**
 * A file-system failure (an unwritable --store, a full disk) as one line naming the path, not a
 * stack: exit 2 where the user chose a path that cannot work, 1 where the machine is at fault.
 */
function fileSystemProblem(e: unknown): { message: string; code: number } | null {
  const err = e as NodeJS.ErrnoException;
  if (!(err instanceof Error) || typeof err.code !== 'string' || typeof err.syscall !== 'string') return null;
  const reason = USER_FIXABLE[err.code];
  const where = err.path ? ` ${err.path}` : '';
  if (reason)
    return { message: `cannot ${err.syscall}${where}: ${reason} (${err.code}); check --store and the output paths`, code: EXIT.badInput };
  return { message: `cannot ${err.syscall}${where}: ${err.message}`, code: EXIT.internal };
}
