import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../src/domain/time.js';
import { formatSchedule, parseSchedule, readSchedule } from '../../src/io/scheduleFile.js';
import { agent } from '../schedule/fixtures.js';
import { inputError } from '../support/inputError.js';

const TZ = 'Asia/Shanghai';
const agents = [agent('b', 'inhouse'), agent('a', 'inhouse'), agent('n', 'night')];
const parse = (text: string) => parseSchedule(text, 'schedule.csv', { timeZone: TZ, agents });
const t = (ts: string) => parseTimestamp(ts, TZ)!.t;

describe('schedule.csv', () => {
  it('reads rows with their instants, local start dates and lines', () => {
    const { rows, withOffset } = parse('agent,pool,start,hours,note\nn,night,2026-11-30T23:00,8,x\na,inhouse,2026-12-01 08:00:00,10,\n');
    expect(withOffset).toBe(false);
    expect(rows).toEqual([
      { agent: 'n', pool: 'night', t: t('2026-11-30T23:00'), date: '2026-11-30', hours: 8, line: 2 },
      { agent: 'a', pool: 'inhouse', t: t('2026-12-01T08:00'), date: '2026-12-01', hours: 10, line: 3 },
    ]);
  });

  it('places timestamps with offsets on their local date and says they had offsets', () => {
    const { rows, withOffset } = parse('agent,pool,start,hours\na,inhouse,2026-11-30T16:00Z,8\n');
    expect(withOffset).toBe(true);
    expect(rows[0]).toMatchObject({ t: t('2026-12-01T00:00'), date: '2026-12-01' });
  });

  it('writes rows sorted by agent, then start, local without offset unless asked', () => {
    const rows = [
      { agent: 'b', pool: 'inhouse', t: t('2026-12-01T08:00'), date: '2026-12-01', hours: 8 },
      { agent: 'a', pool: 'inhouse', t: t('2026-12-02T08:00'), date: '2026-12-02', hours: 8 },
      { agent: 'b', pool: 'inhouse', t: t('2026-11-30T08:00'), date: '2026-11-30', hours: 10 },
      { agent: 'a', pool: 'inhouse', t: t('2026-12-01T08:00'), date: '2026-12-01', hours: 8 },
    ];
    const text = formatSchedule(rows, TZ, false);
    expect(text).toBe(
      [
        'agent,pool,start,hours',
        'a,inhouse,2026-12-01T08:00,8',
        'a,inhouse,2026-12-02T08:00,8',
        'b,inhouse,2026-11-30T08:00,10',
        'b,inhouse,2026-12-01T08:00,8',
        '',
      ].join('\n'),
    );
    expect(formatSchedule(rows.slice(0, 1), TZ, true)).toBe('agent,pool,start,hours\nb,inhouse,2026-12-01T08:00+08:00,8\n');
    // What it writes reads back the same.
    expect(parse(text).rows.map(({ line: _, ...r }) => r)).toEqual([rows[3], rows[1], rows[2], rows[0]]);
  });

  it('reads from a file; last week (no agents given) may name agents who have left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shiftcast-schedule-'));
    const path = join(dir, 'previous.csv');
    writeFileSync(path, 'agent,pool,start,hours\ngone,vendor,2026-11-29T22:00,8\n');
    expect(readSchedule(path, { timeZone: TZ }).rows).toEqual([
      { agent: 'gone', pool: 'vendor', t: t('2026-11-29T22:00'), date: '2026-11-29', hours: 8, line: 2 },
    ]);
    expect(inputError(() => readSchedule(path, { timeZone: TZ, agents })).message).toBe(
      'previous.csv line 2, column agent: "gone" is not an agent of agents.csv',
    );
  });

  const cases: [string, string, string][] = [
    ['unknown agent', 'zed,inhouse,2026-11-30T08:00,8', 'column agent: "zed" is not an agent of agents.csv'],
    ['agent in another pool', 'a,night,2026-11-30T22:00,8', 'column pool: agent "a" is in pool inhouse, not night'],
    ['missing agent', ',inhouse,2026-11-30T08:00,8', 'column agent: value is missing'],
    ['bad timestamp', 'a,inhouse,monday 8am,8', 'column start: "monday 8am" is not an ISO 8601 timestamp like 2026-11-30T19:00'],
    [
      'start not an hour',
      'a,inhouse,2026-11-30T08:30,8',
      'column start: 2026-11-30T08:30 is not the start of an hour (shifts start at the top of an hour)',
    ],
    [
      'start with seconds',
      'a,inhouse,2026-11-30T08:00:15,8',
      'column start: 2026-11-30T08:00:15 is not the start of an hour (shifts start at the top of an hour)',
    ],
    ['hours not a number', 'a,inhouse,2026-11-30T08:00,eight', 'column hours: "eight" is not a decimal number'],
    ['hours zero', 'a,inhouse,2026-11-30T08:00,0', 'column hours: 0 is below the least allowed value 1'],
    ['fractional hours', 'a,inhouse,2026-11-30T08:00,7.5', 'column hours: 7.5 is not a whole number of hours from 1 to 24'],
    ['hours past a day', 'a,inhouse,2026-11-30T08:00,30', 'column hours: 30 is not a whole number of hours from 1 to 24'],
  ];
  for (const [what, line, message] of cases) {
    it(`names file, line and column: ${what}`, () => {
      const e = inputError(() => parse(`agent,pool,start,hours\nb,inhouse,2026-11-30T08:00,8\n${line}\n`));
      expect(e.message).toBe(`schedule.csv line 3, ${message}`);
    });
  }

  it('names a missing column', () => {
    expect(inputError(() => parse('agent,pool,start\na,inhouse,2026-11-30T08:00\n')).message).toBe(
      'schedule.csv line 1, column hours: required column "hours" is missing',
    );
  });
});
