import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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

/**
 * The independent checker's verdict on a roster, or null when python3 or the script is absent.
 * The checker predates standby pools (SPEC section 7) and ignores `roster.standby`: with one, it
 * checks the working shifts under the config without its standby pools and the roster's cost
 * without their retainers (verifyRoster checks the standby cover itself).
 */
export function rosterCheck(
  config: string,
  requirements: string,
  roster: string,
): { valid: boolean; errors: string[]; cost: number } | null {
  const python = ['/usr/bin/python3', 'python3'].find((p) => p === 'python3' || existsSync(p))!;
  if (!existsSync(ROSTER_CHECK)) return null;
  const parsed = JSON.parse(readFileSync(config, 'utf8')) as { pools?: { id: string; kind: string }[] };
  const standby = (parsed.pools ?? []).filter((p) => p.kind === 'standby').map((p) => p.id);
  let dir: string | null = null;
  if (standby.length > 0) {
    dir = mkdtempSync(join(tmpdir(), 'roster-check-'));
    const r = JSON.parse(readFileSync(roster, 'utf8')) as { cost: { total: number; by_pool: Record<string, number> } };
    for (const id of standby) {
      r.cost.total -= r.cost.by_pool[id] ?? 0;
      delete r.cost.by_pool[id];
    }
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...parsed, pools: parsed.pools!.filter((p) => p.kind !== 'standby') }));
    writeFileSync(join(dir, 'roster.json'), JSON.stringify(r));
    config = join(dir, 'config.json');
    roster = join(dir, 'roster.json');
  }
  const r = spawnSync(python, [ROSTER_CHECK, 'verify', '--config', config, '--requirements', requirements, '--roster', roster], {
    encoding: 'utf8',
  });
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (r.error) return null;
  return JSON.parse(r.stdout);
}
