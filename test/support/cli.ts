import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(REPO, '../shared');
export const SHARED_DATA = resolve(SHARED, 'data');
export const ROSTER_CHECK = resolve(SHARED, 'bench/roster-check.py');

/**
 * Runs `shiftcast ARGS` as a user would; resolves with exit code and output. Asynchronous: a
 * test worker blocked in a long plan misses vitest's 60 s RPC deadline on a loaded machine.
 */
export function shiftcast(args: string[], cwd = REPO): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(REPO, 'bin/shiftcast.js'), ...args], { cwd, timeout: 300_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** The independent checker's verdict on a roster, or null when python3 or the script is absent. */
export function rosterCheck(
  config: string,
  requirements: string,
  roster: string,
): { valid: boolean; errors: string[]; cost: number } | null {
  const python = ['/usr/bin/python3', 'python3'].find((p) => p === 'python3' || existsSync(p))!;
  if (!existsSync(ROSTER_CHECK)) return null;
  const r = spawnSync(python, [ROSTER_CHECK, 'verify', '--config', config, '--requirements', requirements, '--roster', roster], {
    encoding: 'utf8',
  });
  if (r.error) return null;
  return JSON.parse(r.stdout);
}
