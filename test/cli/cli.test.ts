import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallConfig, syntheticHistory } from '../api/synthetic.js';
import { shiftcast } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'shiftcast-cli-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('shiftcast command line', () => {
  it('prints help for the program and for every command', async () => {
    const top = await shiftcast(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['forecast', 'requirements', 'roster', 'plan', 'sample']) {
      expect(top.stdout).toContain(command);
      const r = await shiftcast([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout).toMatch(/Usage: shiftcast/);
    }
  });

  it('exits 2 on an unknown command or a missing required option', async () => {
    expect((await shiftcast(['frobnicate'])).code).toBe(2);
    expect((await shiftcast(['forecast'])).code).toBe(2);
  });

  it('exits 2 naming the file when an input file does not exist', async () => {
    const r = await shiftcast(['forecast', '--history', join(dir, 'nope.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.csv');
  });

  it('backtest: scores each event kind against ordinary hours, as a table and as JSON', async () => {
    const history = file('bt-history.csv', syntheticHistory(6));
    // A promotion every Wednesday evening of the last weeks, with a regressor column.
    const promos = [1, 2, 3, 4, 5].map((w) => {
      const day = new Date(Date.UTC(2026, 10, 30) - (6 - w) * 7 * 86_400_000 + 2 * 86_400_000).toISOString().slice(0, 10);
      return `${day}T19:00,${day}T23:00,promotion,sale-${w},${10 * w}`;
    });
    const events = file('bt-events.csv', `start,end,kind,name,discount\n${promos.join('\n')}\n`);
    const args = ['backtest', '--history', history, '--events', events, '--weeks', '2', '--timezone', 'UTC'];
    const table = await shiftcast(args);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/by event kind/);
    expect(table.stdout).toMatch(/promotion\s+chosen\s+8\s+[\d.]+\s+[\d.]+x\s+[01]\.\d{3}\n/);
    const json = await shiftcast([...args, '--json']);
    const kinds = JSON.parse(json.stdout).queues[0].kinds as {
      kind: string;
      model: string;
      hours: number;
      ratio: number | null;
      coverage80: number | null;
    }[];
    const chosen = kinds.filter((k) => k.model === 'chosen');
    expect(chosen.map((k) => [k.kind, k.hours])).toEqual([
      ['ordinary', 2 * 168 - 8],
      ['promotion', 8],
    ]);
    expect(chosen[0].ratio).toBe(1);
    expect(chosen.every((k) => k.coverage80 !== null && k.coverage80 >= 0 && k.coverage80 <= 1)).toBe(true);
  });

  it('forecast: exits 2 on a bad --start and writes nothing', async () => {
    const history = file('h.csv', 'timestamp,contacts\n2026-11-23T00:00,5\n');
    const out = join(dir, 'never.csv');
    const r = await shiftcast(['forecast', '--history', history, '--start', 'tomorrow', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--start/);
    expect(existsSync(out)).toBe(false);
  });

  it('forecast --horizon 1008: six weeks of rows, each inside its 80% interval, wider further ahead', async () => {
    const out = join(dir, 'six-weeks.csv');
    const r = await shiftcast(['forecast', '--history', file('h12.csv', syntheticHistory(12)), '--horizon', '1008', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...lines] = readFileSync(out, 'utf8').trim().split('\n');
    const cols = header.split(',');
    const rows = lines.map((l) => {
      const v = l.split(',');
      return {
        contacts: Number(v[cols.indexOf('contacts')]),
        lo80: Number(v[cols.indexOf('lo80')]),
        hi80: Number(v[cols.indexOf('hi80')]),
      };
    });
    expect(rows).toHaveLength(1008);
    for (const row of rows) {
      expect(row.lo80).toBeLessThanOrEqual(row.contacts);
      expect(row.contacts).toBeLessThanOrEqual(row.hi80);
    }
    // The same hour of the week, one and six weeks ahead.
    const relative = (i: number) => (rows[i].hi80 - rows[i].lo80) / rows[i].contacts;
    expect(relative(20 + 5 * 168)).toBeGreaterThan(relative(20));
  });

  it('requirements: names file, line and column of a bad forecast row', async () => {
    const forecast = file('f.csv', 'timestamp,contacts,lo80,hi80\n2026-11-30T00:00,10,8,12\n2026-11-30T01:00,ten,8,12\n');
    const config = file('c.json', '{}');
    const r = await shiftcast(['requirements', '--forecast', forecast, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/f\.csv line 3, column contacts/);
  });

  it('roster: names file, line and column of a negative need', async () => {
    const requirements = file('r.csv', 'timestamp,staff_needed\n2026-11-30T00:00,4\n2026-11-30T01:00,-4\n');
    const config = file('c2.json', '{"week_start": "2026-11-30"}');
    const r = await shiftcast(['roster', '--requirements', requirements, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/r\.csv line 3, column staff_needed/);
  });

  it('roster: a budget below the floors writes the best roster it buys, flagged, and exits 3', async () => {
    const rows = Array.from({ length: 24 }, (_, h) => `2026-11-30T${String(h).padStart(2, '0')}:00,10`);
    const requirements = file('flat.csv', `timestamp,staff_needed\n${rows.join('\n')}\n`);
    const pools = [{ id: 'inhouse', kind: 'in_house', cost_per_hour: 10, shift_lengths: [8] }];
    // A day of 10 staff an hour at the 95% floor costs about 2,300; 1,000 buys well under half.
    const config = file('poor.json', JSON.stringify({ week_start: '2026-11-30', timezone: 'UTC', budget: 1000, pools }));
    const out = join(dir, 'poor-roster.json');
    const r = await shiftcast(['roster', '--requirements', requirements, '--config', config, '--out', out]);
    expect(r.code).toBe(3);
    const roster = JSON.parse(readFileSync(out, 'utf8'));
    expect(roster.status).toBe('infeasible');
    expect(roster.cost.total).toBeLessThanOrEqual(1000);
    expect(roster.shifts.length).toBeGreaterThan(0);
    expect(roster.unmet_floors.length).toBeGreaterThan(0);
    expect(r.stderr.split('\n')[0]).toMatch(/budget.*best roster the budget buys/);
  });

  it('roster: a config that is not JSON is named', async () => {
    const requirements = file('r2.csv', 'timestamp,staff_needed\n2026-11-30T00:00,4\n');
    const config = file('broken.json', '{"budget": ');
    const r = await shiftcast(['roster', '--requirements', requirements, '--config', config]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.json: not valid JSON/);
  });
});

describe('shiftcast scenarios', () => {
  it("refuses --report without --plan (the page is a plan's report)", async () => {
    const requirements = file('rs.csv', 'timestamp,staff_needed\n2026-11-30T00:00,4\n');
    const config = file('cs.json', '{"week_start": "2026-11-30"}');
    const r = await shiftcast([
      'scenarios',
      '--config',
      config,
      '--requirements',
      requirements,
      '--vary',
      'budget=1,2',
      '--report',
      join(dir, 'page.html'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--report needs --plan/);
    expect(existsSync(join(dir, 'page.html'))).toBe(false);
  });

  it('exits 2 on a null (no limit) for a field that cannot be null, naming the field', async () => {
    const requirements = file('rn.csv', 'timestamp,staff_needed\n2026-11-30T00:00,4\n');
    const config = file('cn.json', '{"week_start": "2026-11-30"}');
    const r = await shiftcast(['scenarios', '--config', config, '--requirements', requirements, '--vary', 'min_coverage=null,0.9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--vary min_coverage: min_coverage cannot be null \(no limit\)/);
  });
});

describe('shiftcast plan on a short history', () => {
  it('plans, and warns on stderr (which cron mails) that the history is short', async () => {
    const { week_start: _week, ...config } = smallConfig();
    const r = await shiftcast([
      'plan',
      '--history',
      file('short.csv', syntheticHistory(2)),
      '--config',
      file('short.json', JSON.stringify(config)),
      '--store',
      join(dir, 'store'),
    ]);
    expect([0, 3]).toContain(r.code);
    expect(r.stderr).toMatch(/^shiftcast: warning: The history before this week covers only 2\.0 weeks/m);
  }, 300_000);
});
