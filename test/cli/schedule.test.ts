import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTable } from '../../src/io/table.js';
import { NAMED_AGENTS_CSV, namedConfig, syntheticHistory } from '../api/synthetic.js';
import { shiftcast } from '../support/cli.js';

/** Named agents through the command line (SPEC section 6): `plan` and `roster` with --agents, --previous, --pin. */

const dir = mkdtempSync(join(tmpdir(), 'shiftcast-schedule-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const config = file('config.json', JSON.stringify(namedConfig()));
const agents = file('agents.csv', NAMED_AGENTS_CSV);
const history = file('history.csv', syntheticHistory(2, 0.3));

/** A week of staff needs, UTC: 4 by day, 2 in the evening, 1.5 at night. */
const requirements = file(
  'requirements.csv',
  `timestamp,staff_needed\n${Array.from({ length: 168 }, (_, h) => {
    const hour = h % 24;
    const t = new Date(Date.UTC(2026, 10, 30) + h * 3_600_000).toISOString().slice(0, 16);
    return `${t},${hour < 8 ? 1.5 : hour < 20 ? 4 : 2}`;
  }).join('\n')}\n`,
);

/** `shiftcast roster` on the week's requirements for the named team, with further options. */
const namedRoster = (...options: string[]) =>
  shiftcast(['roster', '--requirements', requirements, '--config', config, '--agents', agents, ...options]);

/** schedule.csv's rows as `agent pool start hours` strings. */
function scheduleRows(path: string): string[] {
  return parseTable(readFileSync(path, 'utf8'), 'schedule.csv', ['agent', 'pool', 'start', 'hours']).rows.map(
    (r) => `${r.cells.agent} ${r.cells.pool} ${r.cells.start} ${r.cells.hours}`,
  );
}

/** The roster's in-house shifts must be the schedule's rows counted by (pool, start, hours). */
function expectShiftsCountSchedule(roster: { shifts: { pool: string; start: string; hours: number; agents: number }[] }, rows: string[]) {
  const counted = new Map<string, number>();
  for (const r of rows) {
    const [, pool, start, hours] = r.split(' ');
    const key = `${pool} ${start} ${hours}`;
    counted.set(key, (counted.get(key) ?? 0) + 1);
  }
  const shifts = new Map(roster.shifts.filter((s) => s.pool === 'inhouse').map((s) => [`${s.pool} ${s.start} ${s.hours}`, s.agents]));
  expect(shifts).toEqual(counted);
}

const nonHidden = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((n) => !n.startsWith('.')) : []);

describe('shiftcast plan --agents', () => {
  const store = join(dir, 'store');
  let run: Awaited<ReturnType<typeof shiftcast>>;
  let folder: string;
  beforeAll(async () => {
    run = await shiftcast(['plan', '--history', history, '--config', config, '--agents', agents, '--store', store]);
    folder = join(store, nonHidden(store)[0] ?? 'none');
  }, 300_000);

  it('writes schedule.csv beside the roster, and roster.json and summary.json carry the schedule figures', () => {
    // 3: at these tiny volumes some hours answer slowly (a critical alert); the roster itself is feasible.
    expect([0, 3]).toContain(run.code);
    expect(run.stderr).not.toMatch(/infeasible|internal error/);
    expect(readdirSync(folder)).toContain('schedule.csv');
    const rows = scheduleRows(join(folder, 'schedule.csv'));
    expect(rows.length).toBeGreaterThan(0);
    const named = NAMED_AGENTS_CSV.split('\n')
      .slice(1, -1)
      .map((l) => l.split(',')[0]);
    for (const r of rows) expect(named).toContain(r.split(' ')[0]);
    const roster = JSON.parse(readFileSync(join(folder, 'roster.json'), 'utf8'));
    expect(['optimal', 'feasible']).toContain(roster.status);
    expect(roster.schedule.agents).toBe(6);
    expect(roster.schedule.assigned_hours).toBe(rows.reduce((a, r) => a + Number(r.split(' ')[3]), 0));
    expectShiftsCountSchedule(roster, rows);
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
    expect(summary.schedule).toEqual(roster.schedule);
    expect(summary.files).toContain('schedule.csv');
    expect(run.stdout).toMatch(/^ {2}Schedule {4}6 named agents, /m);
    const page = readFileSync(join(folder, 'report.html'), 'utf8');
    expect(page).toContain('<section class="sched" id="schedule">');
    expect(page).toContain('>dee</text>');
  });

  it('plans the same inputs once, and other agents as another plan', async () => {
    const again = await shiftcast(['plan', '--history', history, '--config', config, '--agents', agents, '--store', store]);
    expect(again.code).toBe(run.code);
    expect(again.stdout).toMatch(/planned before/);
    const fewer = file('agents-fewer.csv', NAMED_AGENTS_CSV.split('\n').slice(0, -2).join('\n'));
    const other = await shiftcast(['plan', '--history', history, '--config', config, '--agents', fewer, '--store', store]);
    expect([0, 3]).toContain(other.code);
    expect(nonHidden(store)).toHaveLength(2);
  }, 300_000);

  it('exits 2 on a bad agents file, naming file, line and column, and writes nothing', async () => {
    const bad = file('bad-agents.csv', NAMED_AGENTS_CSV.replace('dee,inhouse,16,24,3', 'dee,inhouse,16,lots,3'));
    const fresh = join(dir, 'store-bad');
    const r = await shiftcast(['plan', '--history', history, '--config', config, '--agents', bad, '--store', fresh]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shiftcast: bad-agents\.csv line 5, column max_hours: /);
    expect(existsSync(fresh)).toBe(false);
  });

  it('exits 2 on --previous or --pin without --agents', async () => {
    const previous = file('prev-alone.csv', 'agent,pool,start,hours\nana,inhouse,2026-11-23T09:00,8\n');
    const r = await shiftcast(['plan', '--history', history, '--config', config, '--previous', previous, '--store', join(dir, 'store-x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--previous needs --agents/);
    expect(existsSync(join(dir, 'store-x'))).toBe(false);
  });
});

describe('shiftcast roster --agents', () => {
  it('writes the roster to --out and the schedule to --schedule-out, keeping the pinned rows', async () => {
    const pin = file('pin.csv', 'agent,pool,start,hours\nana,inhouse,2026-12-01T09:00,8\ncai,inhouse,2026-12-02T12:00,8\n');
    // Last week: bo worked late on Sunday, so Monday cannot start early for bo (11 hours of rest).
    const previous = file('previous.csv', 'agent,pool,start,hours\nbo,inhouse,2026-11-29T16:00,8\ngone,inhouse,2026-11-29T08:00,8\n');
    const out = join(dir, 'out', 'roster.json');
    const scheduleOut = join(dir, 'elsewhere', 'week.csv');
    const r = await namedRoster('--previous', previous, '--pin', pin, '--out', out, '--schedule-out', scheduleOut);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = scheduleRows(scheduleOut);
    expect(rows).toContain('ana inhouse 2026-12-01T09:00 8');
    expect(rows).toContain('cai inhouse 2026-12-02T12:00 8');
    expect(rows.filter((row) => row.startsWith('bo ') && row.includes('2026-11-30T0'))).toEqual([]);
    const roster = JSON.parse(readFileSync(out, 'utf8'));
    expect(roster.schedule.agents).toBe(6);
    expectShiftsCountSchedule(roster, rows);
    expect(existsSync(join(dir, 'out', 'schedule.csv'))).toBe(false);
  }, 120_000);

  it('writes schedule.csv beside --out when --schedule-out is not given', async () => {
    const out = join(dir, 'beside', 'roster.json');
    const r = await namedRoster('--out', out);
    expect(r.code).toBe(0);
    expect(scheduleRows(join(dir, 'beside', 'schedule.csv')).length).toBeGreaterThan(0);
  }, 120_000);

  it('exits 2 naming --schedule-out when the roster goes to standard output and the schedule has nowhere to go', async () => {
    const r = await namedRoster();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^shiftcast: command line, field --schedule-out: .*--schedule-out FILE/);
    expect(r.stdout).toBe('');
  });

  it.each([
    {
      what: 'a pin naming an agent not in agents.csv',
      name: 'pin-bad.csv',
      text: 'agent,pool,start,hours\nana,inhouse,2026-12-01T09:00,8\nzed,inhouse,2026-12-01T09:00,8\n',
      error: /^shiftcast: pin-bad\.csv line 3, column agent: "zed" is not an agent of agents\.csv/,
    },
    {
      what: 'a pin outside the week',
      name: 'pin-late.csv',
      text: 'agent,pool,start,hours\nana,inhouse,2026-12-07T09:00,8\n',
      error: /^shiftcast: pin-late\.csv line 2, column start: ana's shift on 2026-12-07 is not in the planned week/,
    },
  ])('exits 2 on $what, naming file, line and column, and writes nothing', async ({ name, text, error }) => {
    const pin = file(name, text);
    const out = join(dir, `never-${name}`, 'roster.json');
    const r = await namedRoster('--pin', pin, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(error);
    expect(existsSync(join(dir, `never-${name}`))).toBe(false);
  });

  it('exits 2 on --schedule-out without --agents', async () => {
    const r = await shiftcast(['roster', '--requirements', requirements, '--config', config, '--schedule-out', join(dir, 's.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--schedule-out needs --agents/);
  });
});
