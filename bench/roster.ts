/**
 * Roster benchmark: our solver against COIN-OR CBC on the same model, on realistic weeks of three
 * sizes (peak staff 30, 250, 1,600), each with a loose and a binding budget.
 *
 *   npm run bench:roster                       # CBC gets 300 s per instance (about 30 min)
 *   npm run bench:roster -- --cbc-seconds 30   # a quick run
 *   npm run bench:roster -- --no-cbc           # our solver only
 *   npm run bench:roster -- --sizes 30,250     # only these peak sizes
 *
 * Each instance is solved by `node bin/shiftcast.js roster --gap 0.0003` (wall time includes start-up), checked
 * by `../shared/bench/roster-check.py verify`, and solved again by `roster-check.py cbc`. CBC's
 * results are cached under the system temp folder by a hash of the instance and the seconds given
 * (they do not change between runs of our solver); `--no-cache` runs CBC again.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realisticWeek, requirementsCsv } from '../test/roster/weekShape.js';
import { DEFAULT_POOLS } from '../src/domain/config.js';
import { markdownTable, num } from './markdown.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CHECKER = resolve(ROOT, '../shared/bench/roster-check.py');
const PYTHON = '/usr/bin/python3';
const CACHE = join(tmpdir(), 'shiftcast-bench-cbc');

// Budgets: "binding" lies about halfway between the least cost of meeting the floors and the
// optimum without a budget (so the optimum trades shortfall for cost; at peak 30 the integer
// floors cost 117,373, well above their LP cost); "loose" is 20% above that optimum.
const SIZES = [
  { peak: 30, binding: 120_500, loose: 145_000 },
  { peak: 250, binding: 977_300, loose: 1_210_000 },
  { peak: 1600, binding: 7_039_100, loose: 8_700_000 },
];

// Our solver's gap target: tighter than the config default (0.005) so that it competes with CBC's
// 300 s; the work budget (200 simplex iterations per second of the 30 s limit) still caps it.
const GAP = 0.0003;

interface Row {
  size: number;
  budget: string;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
  valid: boolean;
  cbc: number | null;
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const cbcSeconds = Number(args[args.indexOf('--cbc-seconds') + 1] ?? 300) || 300;
const sizesArg = args.includes('--sizes') ? (args[args.indexOf('--sizes') + 1] ?? '') : '';
const chosen = sizesArg ? SIZES.filter((s) => sizesArg.split(',').map(Number).includes(s.peak)) : SIZES;
const haveChecker = existsSync(PYTHON) && existsSync(CHECKER);
const haveCbc = haveChecker && !flag('--no-cbc') && spawnSync(PYTHON, ['-c', 'import pulp'], { stdio: 'ignore' }).status === 0;
if (!haveChecker) console.log(`roster-check.py or ${PYTHON} is missing: rosters are not verified independently and CBC is skipped.`);
else if (!haveCbc && !flag('--no-cbc')) console.log('CBC (python3-pulp, coinor-cbc) is not installed: CBC columns are skipped.');

const dir = mkdtempSync(join(tmpdir(), 'bench-roster-'));
const rows: Row[] = [];
for (const size of chosen) {
  for (const kind of ['loose', 'binding'] as const) {
    const files = {
      config: join(dir, `config-${size.peak}-${kind}.json`),
      requirements: join(dir, `req-${size.peak}.csv`),
      roster: join(dir, `roster-${size.peak}-${kind}.json`),
    };
    const config = {
      timezone: 'Asia/Shanghai',
      week_start: '2026-11-30',
      budget: size[kind],
      max_outsourced_share: 0.45,
      min_coverage: 0.95,
      night: { start_hour: 0, end_hour: 8, min_coverage: 0.85 },
      shortfall_penalty: 500,
      pools: DEFAULT_POOLS, // SPEC section 3's; its 300 vendor agents bind at the largest size
    };
    writeFileSync(files.config, JSON.stringify(config));
    writeFileSync(files.requirements, requirementsCsv(realisticWeek(size.peak)));
    const t0 = performance.now();
    const run = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin/shiftcast.js'),
        'roster',
        '--requirements',
        files.requirements,
        '--config',
        files.config,
        '--out',
        files.roster,
        '--gap',
        String(GAP),
      ],
      { encoding: 'utf8' },
    );
    const seconds = (performance.now() - t0) / 1000;
    if (run.status !== 0) console.log(`peak ${size.peak} ${kind}: shiftcast exited ${run.status}: ${run.stderr.trim()}`);
    const roster = existsSync(files.roster) ? JSON.parse(readFileSync(files.roster, 'utf8')) : { solver: {} };
    const row: Row = {
      size: size.peak,
      budget: `${kind} ${size[kind]}`,
      objective: roster.solver.objective ?? null,
      bound: roster.solver.bound ?? null,
      gap: roster.solver.gap ?? null,
      seconds,
      valid: false,
      cbc: null,
    };
    if (haveChecker) {
      const verdict = spawnSync(
        PYTHON,
        [CHECKER, 'verify', '--config', files.config, '--requirements', files.requirements, '--roster', files.roster],
        { encoding: 'utf8' },
      );
      row.valid = verdict.status === 0;
      if (!row.valid) console.log(`peak ${size.peak} ${kind}: roster-check verify: ${verdict.stdout.trim()}`);
    }
    if (haveCbc) row.cbc = cbcObjective(files.config, files.requirements);
    rows.push(row);
    console.log(`done: peak ${size.peak} ${kind} (${seconds.toFixed(1)} s)`);
  }
}
printTable(rows);

/** CBC's objective after `cbcSeconds`, from the cache when this instance was solved before. */
function cbcObjective(config: string, requirements: string): number | null {
  const key = createHash('sha256')
    .update(readFileSync(config))
    .update(readFileSync(requirements))
    .update(String(cbcSeconds))
    .digest('hex')
    .slice(0, 16);
  const cached = join(CACHE, `${key}.json`);
  // pulp says "Optimal" for any integer solution (also when time ran out); with none, the
  // objective it prints is the relaxation's, not a roster's.
  const objectiveOf = (r: { status: string; objective: number | null }) => (r.status === 'Optimal' ? r.objective : null);
  if (!flag('--no-cache') && existsSync(cached)) return objectiveOf(JSON.parse(readFileSync(cached, 'utf8')));
  const out = execFileSync(PYTHON, [CHECKER, 'cbc', '--config', config, '--requirements', requirements, '--seconds', String(cbcSeconds)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const result = JSON.parse(out.trim().split('\n').at(-1)!);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(cached, JSON.stringify(result));
  return objectiveOf(result);
}

function printTable(table: Row[]): void {
  const head = ['size (peak)', 'budget', 'objective', 'bound', 'gap', 'seconds', 'valid', `CBC ${cbcSeconds}s objective`, 'ratio to CBC'];
  const body = table.map((r) => [
    String(r.size),
    r.budget,
    num(r.objective),
    num(r.bound),
    r.gap === null ? '-' : `${(r.gap * 100).toFixed(2)}%`,
    r.seconds.toFixed(1),
    haveChecker ? (r.valid ? 'yes' : 'NO') : '-',
    haveCbc && r.cbc === null ? 'no roster' : num(r.cbc),
    r.objective !== null && r.cbc !== null ? (r.objective / r.cbc).toFixed(4) : '-',
  ]);
  console.log(markdownTable(head, body));
}
