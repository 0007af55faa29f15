import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/io/table.js';
import { rosterCsv } from '../../src/report/rosterCsv.js';
import type { Roster } from '../../src/roster/types.js';

function roster(shifts: Roster['shifts']): Roster {
  return {
    status: 'optimal',
    week_start: '2026-11-30T00:00',
    shifts,
    tours: [{ pool: 'tour', start_hour: 8, hours: 8, days_off: ['sat', 'sun'], agents: 3 }],
    hourly: [],
    cost: { total: 0, by_pool: {}, shortfall_penalty: 0 },
    kpis: { outsourced_share: 0, night_coverage: 1, coverage: 1, budget_used: null },
    solver: { name: 'highs', seconds: 0, objective: null, bound: null, gap: null },
    shadow_prices: [],
    explanation: '',
  };
}

describe('rosterCsv', () => {
  it('has a header and one row per shift, in the roster order, fields as written', () => {
    const shifts = [
      { pool: 'inhouse', start: '2026-11-30T08:00', hours: 8, agents: 12 },
      { pool: 'vendor', start: '2026-11-30T08:00', hours: 4, agents: 3 },
      { pool: 'inhouse', start: '2026-12-06T22:00+08:00', hours: 10, agents: 1 },
    ];
    expect(rosterCsv(roster(shifts))).toBe(
      [
        'pool,start,hours,agents',
        'inhouse,2026-11-30T08:00,8,12',
        'vendor,2026-11-30T08:00,4,3',
        'inhouse,2026-12-06T22:00+08:00,10,1',
        '',
      ].join('\n'),
    );
  });

  it('lists the on-call shifts after the working ones, marked on_call, when the roster has a standby pool', () => {
    const withStandby = {
      ...roster([{ pool: 'inhouse', start: '2026-11-30T08:00', hours: 8, agents: 12 }]),
      standby: [{ pool: 'oncall', start: '2026-11-30T14:00', hours: 4, agents: 3 }],
    };
    expect(rosterCsv(withStandby)).toBe(
      ['pool,start,hours,agents,on_call', 'inhouse,2026-11-30T08:00,8,12,no', 'oncall,2026-11-30T14:00,4,3,yes', ''].join('\n'),
    );
  });

  it('is only the header for a roster without shifts (tours are not shift rows)', () => {
    expect(rosterCsv(roster([]))).toBe('pool,start,hours,agents\n');
  });

  it('quotes a pool id with a comma or a quote, so the file reads back to the same shifts', () => {
    const shifts = [
      { pool: 'north, day', start: '2026-11-30T08:00', hours: 8, agents: 2 },
      { pool: 'say "hi"', start: '2026-11-30T09:00', hours: 4, agents: 1 },
    ];
    const text = rosterCsv(roster(shifts));
    const table = parseTable(text, 'roster.csv', ['pool', 'start', 'hours', 'agents']);
    expect(table.rows.map((r) => [r.cells.pool, r.cells.start, Number(r.cells.hours), Number(r.cells.agents)])).toEqual(
      shifts.map((s) => [s.pool, s.start, s.hours, s.agents]),
    );
  });
});
