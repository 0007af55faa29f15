import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { REPO } from '../support/cli.js';

/** A `shiftcast` process started by a test: its JSON log lines as they come, and how it ended. */
export interface ShiftcastProcess {
  child: ChildProcess;
  /** Every JSON log line so far. */
  lines: Record<string, any>[];
  /** The first log line (already seen or still to come) that `match` accepts. */
  line(match: (l: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Starts `shiftcast ARGS` in the background, reading its JSON log (stdout, at level info even under vitest). */
export function startShiftcast(args: string[], env: NodeJS.ProcessEnv = {}): ShiftcastProcess {
  const child = spawn(process.execPath, [`${REPO}/bin/shiftcast.js`, ...args], {
    cwd: REPO,
    env: { ...process.env, SHIFTCAST_LOG_LEVEL: 'info', ...env },
  });
  const lines: Record<string, any>[] = [];
  const waiting = new Set<() => void>();
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  createInterface({ input: child.stdout! }).on('line', (text) => {
    try {
      lines.push(JSON.parse(text) as Record<string, any>);
    } catch {
      return; // not a log line
    }
    for (const wake of waiting) wake();
  });
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const line = (match: (l: Record<string, any>) => boolean, timeoutMs = 60_000) =>
    new Promise<Record<string, any>>((resolve, reject) => {
      const look = () => {
        const found = lines.find(match);
        if (!found) return;
        waiting.delete(look);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiting.delete(look);
        reject(new Error(`shiftcast ${args[0]} did not log the awaited line within ${timeoutMs} ms; stderr: ${stderr.slice(-2000)}`));
      }, timeoutMs);
      waiting.add(look);
      look();
      void exited.then(() => {
        if (!waiting.has(look)) return;
        waiting.delete(look);
        clearTimeout(timer);
        reject(new Error(`shiftcast ${args[0]} exited before the awaited line; stderr: ${stderr.slice(-2000)}`));
      });
    });
  return { child, lines, line, exited };
}
