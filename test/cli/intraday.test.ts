import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanStore } from '../../src/store/folder/planFolders.js';
import { dayLogPath } from '../../src/store/folder/dayLog.js';
import { dayPlan, folderHashes, mondayActuals } from '../intraday/dayPlan.js';
import { shiftcast } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'shiftcast-intraday-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const logLines = (folder: string) => (existsSync(dayLogPath(folder)) ? readFileSync(dayLogPath(folder), 'utf8').trim().split('\n') : []);

describe('shiftcast intraday', () => {
  let plan: Awaited<ReturnType<typeof dayPlan>>;
  let before: Record<string, string>;
  beforeAll(async () => {
    plan = await dayPlan();
    before = folderHashes(plan.folder);
  });

  it('answers for every remaining hour from the end of the last actual, and logs the answer beside the plan', async () => {
    const out = join(dir, 'day.json');
    const r = await shiftcast([
      'intraday',
      '--plan',
      plan.folder,
      '--actuals',
      file('monday.csv', mondayActuals(plan.folder, 10)),
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const answer = JSON.parse(readFileSync(out, 'utf8'));
    expect(answer.now).toBe('2026-11-30T10:00');
    // 168 hours less Monday's first ten.
    for (const part of ['reforecast', 'projected']) {
      expect(answer[part], part).toHaveLength(158);
      expect(answer[part][0].timestamp).toBe('2026-11-30T10:00');
      expect(answer[part][157].timestamp).toBe('2026-12-06T23:00');
    }
    // Monday ran 30% above the plan: the rest of the day is re-forecast above it.
    const planned = Number(readFileSync(join(plan.folder, 'forecast.csv'), 'utf8').split('\n')[11].split(',')[1]);
    expect(answer.reforecast[0].contacts).toBeGreaterThan(planned);
    // A day 30% busier than planned calls for corrections, all in the rest of the week.
    expect(answer.actions.length).toBeGreaterThan(0);
    for (const a of answer.actions) {
      expect(['activate_standby', 'offer_overtime', 'offer_time_off']).toContain(a.kind);
      expect(a.start >= answer.now).toBe(true);
    }
    const [entry] = logLines(plan.folder).map((l) => JSON.parse(l));
    expect(entry).toMatchObject({ by: { via: 'command line' }, now: '2026-11-30T10:00', actions: answer.actions, alerts: answer.alerts });
    expect(Date.parse(entry.logged_at)).toBeGreaterThan(Date.now() - 60_000);
    // The log is the store's own (hidden), not a plan nor a stranger's folder.
    expect(scanStore(plan.store)).toEqual({ plans: [plan.name], foreign: [] });
    expect(folderHashes(plan.folder)).toEqual(before);
  });

  it('takes --now in the plan zone, prints to standard output, and logs nothing with --no-log', async () => {
    const lines = logLines(plan.folder).length;
    const actuals = file('monday8.csv', mondayActuals(plan.folder, 8));
    const r = await shiftcast(['intraday', '--plan', plan.folder, '--actuals', actuals, '--now', '2026-11-30T09:30', '--no-log']);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer.now).toBe('2026-11-30T09:30');
    expect(answer.reforecast[0].timestamp).toBe('2026-11-30T09:00');
    expect(logLines(plan.folder)).toHaveLength(lines);
  });

  it('answers from the plan alone before any hour has ended, given --now; without it, asks for it', async () => {
    const empty = file('empty.csv', 'timestamp,contacts\n');
    const r = await shiftcast(['intraday', '--plan', plan.folder, '--actuals', empty, '--now', '2026-11-30T00:20', '--no-log']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).reforecast).toHaveLength(168);
    const none = await shiftcast(['intraday', '--plan', plan.folder, '--actuals', empty, '--no-log']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/command line, field --now: empty\.csv has no rows to take it from/);
  });

  const mondayRows = () => mondayActuals(plan.folder, 6).trim().split('\n');
  const bad: [string, () => string[], RegExp][] = [
    [
      'an hour outside the week',
      () => ['--actuals', file('old.csv', `${mondayRows().join('\n')}\n2026-11-20T10:00,5\n`)],
      /timestamp: 2026-11-20T10:00 is outside the plan's week/,
    ],
    [
      'a duplicated hour',
      () => ['--actuals', file('dup.csv', `${mondayRows().join('\n')}\n${mondayRows()[3]}\n`)],
      /dup\.csv line 8, column timestamp: duplicated timestamp/,
    ],
    [
      'a negative count',
      () => ['--actuals', file('neg.csv', `${mondayRows().join('\n')}\n2026-11-30T06:00,-3\n`)],
      /neg\.csv line 8, column contacts/,
    ],
    [
      'actuals after --now',
      () => ['--actuals', file('late.csv', mondayActuals(plan.folder, 6)), '--now', '2026-11-30T04:00'],
      /field timestamp: the hour 2026-11-30T04:00 does not end by now/,
    ],
    [
      'a --now that is no timestamp',
      () => ['--actuals', file('ok.csv', mondayActuals(plan.folder, 6)), '--now', 'noon'],
      /field --now: "noon" is not an ISO 8601 timestamp/,
    ],
    [
      'a --now outside the week',
      () => ['--actuals', file('ok2.csv', mondayActuals(plan.folder, 6)), '--now', '2026-12-24T10:00'],
      /field now: 2026-12-24T10:00 is not within the plan's week/,
    ],
  ];
  it.each(bad)('exits 2 on %s naming the field, and writes nothing', async (_what, args, message) => {
    const lines = logLines(plan.folder).length;
    const out = join(dir, 'never.json');
    const r = await shiftcast(['intraday', '--plan', plan.folder, ...args(), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(logLines(plan.folder)).toHaveLength(lines);
    expect(folderHashes(plan.folder)).toEqual(before);
  });

  it('exits 2 naming --plan for a plan folder that does not exist or is not a plan, writing nothing', async () => {
    const actuals = file('any.csv', 'timestamp,contacts\n2026-11-30T00:00,5\n');
    const out = join(dir, 'never.json');
    for (const folder of [join(dir, 'no-such-plan'), dir]) {
      const r = await shiftcast(['intraday', '--plan', folder, '--actuals', actuals, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/command line, field --plan/);
      expect(existsSync(out)).toBe(false);
    }
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('has --help', async () => {
    const r = await shiftcast(['intraday', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--plan <dir>[\s\S]*--actuals <file>[\s\S]*--now <timestamp>[\s\S]*--out <file>[\s\S]*--no-log/);
  });
});
