import { Command, CommanderError } from 'commander';
import { ShiftcastError } from '../domain/errors.js';
import { EXIT } from './context.js';
import { registerForecast } from './commands/forecast.js';
import { registerBacktest } from './commands/backtest.js';
import { registerRequirements } from './commands/requirements.js';
import { registerRoster } from './commands/roster.js';
import { registerPlan } from './commands/plan.js';
import { registerSamplePlan } from './commands/samplePlan.js';
import { registerSimulate } from './commands/simulate.js';
import { registerScenarios } from './commands/scenarios.js';
import { registerKeys } from './commands/keys.js';
import { registerServe } from './commands/serve.js';
import { registerIntraday } from './commands/intraday.js';

/** The program with every command; actions return their exit code through `setExitCode`. */
export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('shiftcast')
    .description('Contact-center workforce planning: forecast -> staffing -> roster -> report')
    .exitOverride()
    .showHelpAfterError(false);
  const context = { setExitCode };
  registerForecast(program, context);
  registerBacktest(program, context);
  registerRequirements(program, context);
  registerRoster(program, context);
  registerPlan(program, context);
  registerSamplePlan(program, context);
  registerSimulate(program, context);
  registerScenarios(program, context);
  registerIntraday(program, context);
  registerKeys(program, context);
  registerServe(program, context);
  return program;
}

/** Runs the CLI; returns the process exit code (never throws). */
export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => (code = c));
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
