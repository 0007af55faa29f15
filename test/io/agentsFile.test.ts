import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, scheduleRules, SCHEDULE_DEFAULTS } from '../../src/domain/config.js';
import { formatAgents, parseAgents, readAgents } from '../../src/io/agentsFile.js';
import { inputError } from '../support/inputError.js';

// The default pools: inhouse, vendor, night.
const config = configSchema.parse({});
const parse = (text: string, cfg = config) => parseAgents(text, 'agents.csv', cfg);

describe('the schedule block of the config', () => {
  it("is absent from a config that does not use it, and scheduleRules gives SPEC section 6's defaults", () => {
    expect(config.schedule).toBeUndefined();
    expect(JSON.stringify(configSchema.parse({}))).not.toContain('schedule');
    expect(SCHEDULE_DEFAULTS).toEqual({ min_rest_hours: 11, max_consecutive_days: 6, min_hours: 0, max_hours: 40, max_days: 5 });
    expect(scheduleRules(config)).toEqual({ minRestHours: 11, maxConsecutiveDays: 6, minHours: 0, maxHours: 40, maxDays: 5 });
  });

  it('takes the fields given over the defaults and refuses min_hours above max_hours', () => {
    const cfg = configSchema.parse({ schedule: { min_rest_hours: 12, max_hours: 36 } });
    expect(cfg.schedule).toEqual({ min_rest_hours: 12, max_hours: 36 });
    expect(scheduleRules(cfg)).toMatchObject({ minRestHours: 12, maxHours: 36, maxDays: 5 });
    expect(configSchema.safeParse({ schedule: { min_hours: 45 } }).success).toBe(false);
    expect(configSchema.safeParse({ schedule: { max_days: 8 } }).success).toBe(false);
    expect(configSchema.safeParse({ schedule: { rest: 8 } }).success).toBe(false);
  });
});

describe('agents.csv', () => {
  it('reads every column, with the defaults of the schedule rules', () => {
    const agents = parse(
      [
        'id,pool,min_hours,max_hours,max_days,unavailable,prefers_off,night,note',
        'a1,inhouse,,,,,,,',
        'a2,night,20,32,4,2026-12-01;2026-12-03..2026-12-05,Sat; sun ;sat,NO,keeps this column',
      ].join('\n'),
    );
    expect(agents).toEqual([
      { id: 'a1', pool: 'inhouse', minHours: 0, maxHours: 40, maxDays: 5, unavailable: [], prefersOff: [], night: true },
      {
        id: 'a2',
        pool: 'night',
        minHours: 20,
        maxHours: 32,
        maxDays: 4,
        unavailable: [
          { from: '2026-12-01', to: '2026-12-01' },
          { from: '2026-12-03', to: '2026-12-05' },
        ],
        prefersOff: ['sat', 'sun'],
        night: false,
      },
    ]);
  });

  it("takes the defaults from the config's schedule block, and only id and pool are required", () => {
    const cfg = configSchema.parse({ schedule: { max_hours: 36, max_days: 4 } });
    expect(parse('id,pool\na,vendor\n', cfg)).toEqual([
      { id: 'a', pool: 'vendor', minHours: 0, maxHours: 36, maxDays: 4, unavailable: [], prefersOff: [], night: true },
    ]);
  });

  it('reads from a file, naming it by its base name in errors', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiftcast-agents-'));
    const path = join(dir, 'staff.csv');
    writeFileSync(path, 'id,pool\na,inhouse\nb,nowhere\n');
    expect(inputError(() => readAgents(path, config)).message).toBe(
      'staff.csv line 3, column pool: "nowhere" is not a pool of the configuration (inhouse, vendor, night)',
    );
  });

  const cases: [string, string, string][] = [
    ['unknown pool', 'a,outside', 'agents.csv line 2, column pool: "outside" is not a pool of the configuration (inhouse, vendor, night)'],
    ['missing pool', 'a,', 'agents.csv line 2, column pool: value is missing'],
    ['missing id', ',inhouse', 'agents.csv line 2, column id: value is missing'],
    [
      'bad date',
      'a,inhouse,,,,2026-02-30',
      'agents.csv line 2, column unavailable: "2026-02-30" is not a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD',
    ],
    [
      'not a date',
      'a,inhouse,,,,next week',
      'agents.csv line 2, column unavailable: "next week" is not a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD',
    ],
    [
      'bad range',
      'a,inhouse,,,,2026-12-01..2026-12-0x',
      'agents.csv line 2, column unavailable: "2026-12-01..2026-12-0x" is not a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD',
    ],
    [
      'range ending before it starts',
      'a,inhouse,,,,2026-12-05..2026-12-01',
      'agents.csv line 2, column unavailable: range "2026-12-05..2026-12-01" ends before it starts',
    ],
    [
      'bad weekday',
      'a,inhouse,,,,,mon;sunday',
      'agents.csv line 2, column prefers_off: "sunday" is not a weekday (mon, tue, wed, thu, fri, sat, sun)',
    ],
    ['bad night', 'a,inhouse,,,,,,maybe', 'agents.csv line 2, column night: "maybe" is not yes or no'],
    ['min_hours above max_hours', 'a,inhouse,30,20', 'agents.csv line 2, column min_hours: min_hours 30 is above max_hours 20'],
    ['min_hours above the default max_hours', 'a,inhouse,45', 'agents.csv line 2, column min_hours: min_hours 45 is above max_hours 40'],
    ['negative hours', 'a,inhouse,-4', 'agents.csv line 2, column min_hours: -4 is below the least allowed value 0'],
    ['non-numeric hours', 'a,inhouse,,forty', 'agents.csv line 2, column max_hours: "forty" is not a decimal number'],
    ['hours past a week', 'a,inhouse,,200', 'agents.csv line 2, column max_hours: 200 is more hours than a week has'],
    ['max_days above 7', 'a,inhouse,,,8', 'agents.csv line 2, column max_days: 8 is not a whole number of days from 0 to 7'],
    ['negative max_days', 'a,inhouse,,,-1', 'agents.csv line 2, column max_days: -1 is below the least allowed value 0'],
    ['fractional max_days', 'a,inhouse,,,4.5', 'agents.csv line 2, column max_days: 4.5 is not a whole number of days from 0 to 7'],
  ];
  const HEADER = 'id,pool,min_hours,max_hours,max_days,unavailable,prefers_off,night';
  for (const [what, line, message] of cases) {
    it(`names file, line and column: ${what}`, () => {
      // Rows carry every column of the header (a short row is a CSV error of its own).
      const cells = [...line.split(','), '', '', '', '', '', ''].slice(0, 8).join(',');
      const e = inputError(() => parse(`${HEADER}\nok,inhouse,,,,,,\n${cells}`));
      expect(e.message).toBe(message.replace('line 2', 'line 3'));
      expect(e.location).toMatchObject({ file: 'agents.csv', line: 3 });
    });
  }

  it('names file, line and column: a duplicated id, with the first line', () => {
    expect(inputError(() => parse('id,pool\na,inhouse\nb,night\na,night\n')).message).toBe(
      'agents.csv line 4, column id: agent id "a" is listed twice (also on line 2)',
    );
  });

  it('names file, line and column: an empty file, and a header with no agents', () => {
    expect(inputError(() => parse('')).message).toBe('agents.csv line 1, column id: required column "id" is missing');
    expect(inputError(() => parse('id,pool\n')).message).toBe('agents.csv line 2, column id: the file lists no agents (only a header)');
    expect(inputError(() => parse('id,team\na,inhouse\n')).message).toBe(
      'agents.csv line 1, column pool: required column "pool" is missing',
    );
  });
});

describe('formatAgents', () => {
  it('writes agents.csv that reads back to the same agents, defaults filled in', () => {
    const agents = parse(
      'id,pool,min_hours,max_hours,max_days,unavailable,prefers_off,night\n' +
        'a1,inhouse,,,,2026-12-01;2026-12-03..2026-12-05,sat;sun,no\n' +
        '"b,2",inhouse,10,20,3,,,yes\n',
    );
    const text = formatAgents(agents);
    expect(text.split('\n')[1]).toBe(
      `a1,inhouse,${agents[0].minHours},${agents[0].maxHours},${agents[0].maxDays},2026-12-01;2026-12-03..2026-12-05,sat;sun,no`,
    );
    expect(parse(text)).toEqual(agents);
  });
});
