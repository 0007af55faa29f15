import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(REPO, '../shared');
export const SHARED_DATA = resolve(SHARED, 'data');
export const ROSTER_CHECK = resolve(SHARED, 'bench/roster-check.py');

/** Runs `shiftcast ARGS` as a user would; returns exit code and output. */
export function shiftcast(args: string[], cwd = REPO): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [resolve(REPO, 'bin/shiftcast.js'), ...args], { cwd, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The independent checker's verdict on a roster, or null when python3 or the script is absent. */
export function rosterCheck(config: string, requirements: string, roster: string): { valid: boolean; errors: string[]; cost: number } | null {
  const python = ['/usr/bin/python3', 'python3'].find((p) => p === 'python3' || existsSync(p))!;
  if (!existsSync(ROSTER_CHECK)) return null;
  const r = spawnSync(python, [ROSTER_CHECK, 'verify', '--config', config, '--requirements', requirements, '--roster', roster], { encoding: 'utf8' });
  if (r.error) return null;
  return JSON.parse(r.stdout);
}
