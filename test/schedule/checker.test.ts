import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scheduleRules } from '../../src/domain/config.js';
import { weekHours, formatTimestamp } from '../../src/domain/time.js';
import { readAgents } from '../../src/io/agentsFile.js';
import { readConfig } from '../../src/io/config.js';
import { readStaffNeeds } from '../../src/io/requirementsFile.js';
import { formatSchedule, readSchedule } from '../../src/io/scheduleFile.js';
import { buildRosterProblem } from '../../src/roster/problem.js';
import type { ScheduleRow } from '../../src/schedule/types.js';
import { verifySchedule } from '../../src/schedule/verify.js';
import { SHARED } from '../support/cli.js';
import { AGENTS_CSV, at, countedShifts, row } from './fixtures.js';

const checker = path.join(SHARED, 'bench/schedule-check.py');
const python = '/usr/bin/python3';
const available = existsSync(python) && existsSync(checker);
if (!available) console.warn(`SKIPPED: the independent schedule checker needs ${python} and ${checker}; one of them is missing.`);

/** Both verdicts on a schedule: the checker's schedule errors (its roster-check part left out) and ours. */
function bothVerdicts(rows: ScheduleRow[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'schedule-check-'));
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const pools = [
    { id: 'inhouse', kind: 'in_house', cost_per_hour: 55, shift_lengths: [8, 10], start_hours: null },
    { id: 'night', kind: 'in_house', cost_per_hour: 55, night_premium: 0.5, shift_lengths: [8], start_hours: [22, 23, 0] },
    { id: 'vendor', kind: 'outsourced', cost_per_hour: 38, shift_lengths: [4, 8], start_hours: null },
  ];
  const config = file(
    'config.json',
    JSON.stringify({ timezone: 'Asia/Shanghai', week_start: '2026-11-30', max_outsourced_share: null, budget: null, pools }),
  );
  const hours = weekHours('2026-11-30', 'Asia/Shanghai');
  const requirements = file(
    'requirements.csv',
    `timestamp,staff_needed\n${hours.map((t) => `${formatTimestamp(t, 'Asia/Shanghai')},0`).join('\n')}\n`,
  );
  const agents = file('agents.csv', `${AGENTS_CSV}\n`);
  const schedule = file('schedule.csv', formatSchedule(rows, 'Asia/Shanghai', false));
  const shifts = countedShifts(rows);
  const roster = file('roster.json', JSON.stringify({ status: 'feasible', week_start: '2026-11-30T00:00', shifts }));
  const r = spawnSync(
    python,
    [checker, 'verify', '--config', config, '--requirements', requirements, '--agents', agents, '--schedule', schedule, '--roster', roster],
    { encoding: 'utf8' },
  );
  const theirs = JSON.parse(r.stdout);
  const cfg = readConfig(config);
  const problem = buildRosterProblem(readStaffNeeds(requirements, cfg.timezone).needs, cfg, '2026-11-30');
  const named = readAgents(agents, cfg);
  const ours = verifySchedule(problem, {
    rules: scheduleRules(cfg),
    agents: named,
    rows: readSchedule(schedule, { timeZone: cfg.timezone, agents: named }).rows,
    shifts,
  });
  const scheduleErrors: string[] = theirs.errors.filter((e: string) => !e.startsWith('roster: '));
  // The agents each side finds at fault (the checker names some by the schedule's line only).
  const agentOfLine = new Map(readSchedule(schedule, { timeZone: cfg.timezone }).rows.map((x) => [String(x.line), x.agent]));
  const blame = (e: string) => /agent (\w+)/.exec(e)?.[1] ?? agentOfLine.get(/^line (\d+)/.exec(e)?.[1] ?? '') ?? e;
  const blamed = (errors: string[]) => [...new Set(errors.map(blame))].sort();
  return { theirs, scheduleErrors, ours, blamed: { theirs: blamed(scheduleErrors), ours: blamed(ours.errors) } };
}

// A valid week: day agents, one with leave and no nights, a night crew, wishes half met.
const valid = (): ScheduleRow[] => [
  ...[0, 1, 2, 3, 4].map((d) => row('a', 'inhouse', at(d, 8))),
  ...[2, 3, 4, 5, 6].map((d) => row('b', 'inhouse', at(d, 20))),
  row('c', 'inhouse', at(5, 8), 10),
  ...[0, 1, 2, 3, 4, 5].map((d) => row('d', 'inhouse', at(d, 9))),
  ...[0, 3, 4].map((d) => row('n', 'night', at(d, 22))),
];

describe('the independent schedule checker (shared/bench/schedule-check.py verify) agrees', () => {
  it.runIf(available)('on a valid schedule, soft figures included', () => {
    const { theirs, scheduleErrors, ours } = bothVerdicts(valid());
    expect(scheduleErrors).toEqual([]);
    expect(ours.errors).toEqual([]);
    for (const key of ['agents', 'assigned_hours', 'preferences_met', 'weekend_spread', 'night_spread'] as const)
      expect(ours.figures[key], key).toBeCloseTo(theirs[key], 9);
  });

  it.runIf(available)('on a schedule broken on purpose, blaming the same agents', () => {
    const rows = valid().filter((r) => r.agent !== 'c');
    rows.push(
      row('a', 'inhouse', at(5, 8)), // a: on leave that Saturday; 6 days over max_days 5; 48 h over 40
      row('c', 'inhouse', at(0, 20)), // c: Monday 20:00-04:00 covers Tuesday, a date c is unavailable
      row('d', 'inhouse', at(6, 9)), // d: Monday to Sunday, around the repeating week: a run of 14 days
      row('n', 'night', at(4, 10)), // n: a start hour the night pool does not have, 4 h after Thursday's shift ends
    );
    const { scheduleErrors, ours, blamed } = bothVerdicts(rows);
    expect(scheduleErrors.length).toBeGreaterThan(0);
    expect(ours.errors.length).toBeGreaterThan(0);
    expect(blamed.ours).toEqual(['a', 'c', 'd', 'n']);
    expect(ours.errors).toHaveLength(scheduleErrors.length);
    expect(blamed.theirs).toEqual(blamed.ours);
  });
});
