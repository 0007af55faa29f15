/**
 * Named-schedule benchmark (issue 14): realistic weeks of three sizes (peak staff 30, 250, 1,600)
 * whose in-house pools have named agents (about 46, 370 and 2,370 of them; bench/scheduleWeek.ts)
 * and whose vendor stays a head count.
 *
 *   npm run bench:schedule                          # all three sizes
 *   npm run bench:schedule -- --sizes 250           # only these peak sizes
 *   npm run bench:schedule -- --bound-seconds 120   # CBC's time on the checker's bound (default 60)
 *   npm run bench:schedule -- --seed 7              # another team of the same sizes
 *   npm run bench:schedule -- --time-limit 120      # both solves' limit (default: the config's 30 s)
 *
 * Each instance is scheduled by `node bin/shiftcast.js roster --agents A --schedule-out S` (wall
 * time includes start-up) and rostered again without --agents: the head-count roster's objective,
 * which no schedule can beat (up to that roster's own gap). When python3 and
 * ../shared/bench/schedule-check.py are there, the schedule is checked by `schedule-check.py
 * verify` and the checker's own lower bound (`schedule-check.py bound`: the head-count model
 * capped by the teams' contracts, needs python3-pulp and CBC) is computed for comparison.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scheduleWeek } from './scheduleWeek.js';
import { markdownTable, num } from './markdown.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHECKER = resolve(ROOT, '../shared/bench/schedule-check.py');
const PYTHON = '/usr/bin/python3';
const SIZES = [30, 250, 1600];

interface Row {
  size: number;
  agents: number;
  seconds: number;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  headCount: number | null;
  checkerBound: number | null;
  valid: boolean | null;
  preferencesMet: number | null;
  weekendSpread: number | null;
  nightSpread: number | null;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const sizesArg = option('--sizes', '');
const chosen = sizesArg ? SIZES.filter((s) => sizesArg.split(',').map(Number).includes(s)) : SIZES;
const boundSeconds = Number(option('--bound-seconds', '60')) || 60;
const seed = Number(option('--seed', '1')) || 1;
const timeLimit = option('--time-limit', '');
const haveChecker = existsSync(PYTHON) && existsSync(CHECKER);
const havePulp = haveChecker && spawnSync(PYTHON, ['-c', 'import pulp'], { stdio: 'ignore' }).status === 0;
if (!haveChecker) console.log(`schedule-check.py or ${PYTHON} is missing: schedules are not verified independently, no checker bound.`);
else if (!havePulp) console.log("python3-pulp (CBC) is not installed: the checker's bound is skipped.");

const dir = mkdtempSync(join(tmpdir(), 'bench-schedule-'));
const rows: Row[] = [];
for (const peak of chosen) {
  const instance = scheduleWeek(peak, seed);
  const files = {
    config: join(dir, `config-${peak}.json`),
    requirements: join(dir, `req-${peak}.csv`),
    agents: join(dir, `agents-${peak}.csv`),
    roster: join(dir, `roster-${peak}.json`),
    schedule: join(dir, `schedule-${peak}.csv`),
    headCount: join(dir, `headcount-${peak}.json`),
  };
  writeFileSync(files.config, JSON.stringify(instance.config));
  writeFileSync(files.requirements, instance.requirementsCsv);
  writeFileSync(files.agents, instance.agentsCsv);
  const common = ['--requirements', files.requirements, '--config', files.config, ...(timeLimit ? ['--time-limit', timeLimit] : [])];
  const named = shiftcast(`peak ${peak}`, [...common, '--agents', files.agents, '--out', files.roster, '--schedule-out', files.schedule]);
  const roster = named.ok && existsSync(files.roster) ? JSON.parse(readFileSync(files.roster, 'utf8')) : null;
  const headCount = shiftcast(`peak ${peak} head count`, [...common, '--out', files.headCount]);
  const row: Row = {
    size: peak,
    agents: instance.teams.reduce((n, t) => n + t.agents, 0),
    seconds: named.seconds,
    objective: roster?.solver?.objective ?? null,
    bound: roster?.solver?.bound ?? null,
    gap: roster?.solver?.gap ?? null,
    headCount: headCount.ok ? (JSON.parse(readFileSync(files.headCount, 'utf8')).solver?.objective ?? null) : null,
    checkerBound: null,
    valid: null,
    preferencesMet: roster?.schedule?.preferences_met ?? null,
    weekendSpread: roster?.schedule?.weekend_spread ?? null,
    nightSpread: roster?.schedule?.night_spread ?? null,
  };
  const inputs = ['--config', files.config, '--requirements', files.requirements, '--agents', files.agents];
  if (haveChecker && roster && existsSync(files.schedule)) {
    const verdict = spawnSync(PYTHON, [CHECKER, 'verify', ...inputs, '--schedule', files.schedule, '--roster', files.roster], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    row.valid = verdict.status === 0;
    if (!row.valid) console.log(`peak ${peak}: schedule-check verify: ${verdict.stdout.trim() || verdict.stderr.trim()}`);
  }
  if (havePulp) {
    const run = spawnSync(PYTHON, [CHECKER, 'bound', ...inputs, '--seconds', String(boundSeconds)], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (run.status === 0) row.checkerBound = JSON.parse(run.stdout.trim().split('\n').at(-1)!).bound ?? null;
    else console.log(`peak ${peak}: schedule-check bound exited ${run.status}: ${run.stderr.trim()}`);
  }
  rows.push(row);
  console.log(`done: peak ${peak}, ${row.agents} agents (${named.seconds.toFixed(1)} s); files in ${dir}`);
}
printTable(rows);

/** Runs `shiftcast roster ARGS`, timed; says why when it fails. */
function shiftcast(what: string, rosterArgs: string[]): { ok: boolean; seconds: number } {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/shiftcast.js'), 'roster', ...rosterArgs], { encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) console.log(`${what}: shiftcast exited ${run.status}: ${run.stderr.trim()}`);
  return { ok: run.status === 0, seconds };
}

function printTable(table: Row[]): void {
  const head = [
    'size (peak)',
    'agents',
    'seconds',
    'objective',
    'our bound',
    'our gap',
    'head-count objective',
    'gap vs head count',
    'checker bound',
    'valid',
    'preferences met',
    'weekend spread',
    'night spread',
  ];
  const body = table.map((r) => [
    String(r.size),
    String(r.agents),
    r.seconds.toFixed(1),
    num(r.objective),
    num(r.bound),
    pct(r.gap),
    num(r.headCount),
    // (objective - head count) / objective: what naming the agents costs, at most.
    pct(r.objective !== null && r.headCount !== null && r.objective > 0 ? (r.objective - r.headCount) / r.objective : null),
    havePulp ? num(r.checkerBound) : '-',
    r.valid === null ? '-' : r.valid ? 'yes' : 'NO',
    pct(r.preferencesMet),
    r.weekendSpread === null ? '-' : String(r.weekendSpread),
    r.nightSpread === null ? '-' : String(r.nightSpread),
  ]);
  console.log(markdownTable(head, body));
}

function pct(v: number | null): string {
  return v === null ? '-' : `${(v * 100).toFixed(2)}%`;
}
