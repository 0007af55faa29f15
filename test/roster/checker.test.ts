import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POOLS } from '../../src/domain/config.js';
import { readConfig } from '../../src/io/config.js';
import { readStaffNeeds } from '../../src/io/requirementsFile.js';
import { buildRosterProblem } from '../../src/roster/problem.js';
import { solveRoster } from '../../src/roster/solve/solve.js';
import { realisticWeek, requirementsCsv } from './weekShape.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const checker = path.join(path.resolve(repoRoot, '../shared'), 'bench/roster-check.py');
const python = '/usr/bin/python3';
const available = existsSync(python) && existsSync(checker);
if (!available) console.warn(`SKIPPED: the independent roster checker needs ${python} and ${checker}; neither may be missing.`);

describe('the independent checker (shared/bench/roster-check.py)', () => {
  it.runIf(available)('accepts the roster of a realistic week with the default pools, tours included', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roster-check-'));
    const pools = [
      DEFAULT_POOLS[0],
      DEFAULT_POOLS[1],
      {
        id: 'fixed',
        kind: 'in_house',
        cost_per_hour: 50,
        night_premium: 0.5,
        productivity: 1.0,
        shift_lengths: [8],
        start_hours: [8, 12],
        max_agents: 20,
        week_pattern: { days: 5, consecutive_days_off: true },
      },
    ];
    const files = {
      config: path.join(dir, 'config.json'),
      requirements: path.join(dir, 'requirements.csv'),
      roster: path.join(dir, 'roster.json'),
    };
    writeFileSync(files.config, JSON.stringify({ week_start: '2026-11-30', budget: 400_000, pools, solver: { time_limit_seconds: 5 } }));
    writeFileSync(files.requirements, requirementsCsv(realisticWeek(90)));
    const config = readConfig(files.config);
    const roster = await solveRoster(buildRosterProblem(readStaffNeeds(files.requirements, config.timezone).needs, config, '2026-11-30'));
    writeFileSync(files.roster, JSON.stringify(roster));
    expect(roster.tours.length).toBeGreaterThan(0);
    const verdict = JSON.parse(
      execFileSync(python, [checker, 'verify', '--config', files.config, '--requirements', files.requirements, '--roster', files.roster], {
        encoding: 'utf8',
      }),
    );
    expect(verdict).toMatchObject({ valid: true, errors: [] });
    expect(verdict.cost).toBeCloseTo(roster.cost.total, 4);
    expect(verdict.objective).toBeCloseTo(roster.solver.objective!, 4);
  });
});
