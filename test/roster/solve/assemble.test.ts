import { describe, expect, it } from 'vitest';
import { buildRosterModel } from '../../../src/roster/model/model.js';
import { assembleRoster, coverage, weekdayName } from '../../../src/roster/solve/assemble.js';
import { makeProblem, plainConfig } from '../helpers.js';

// Monday 2026-11-30 (Asia/Shanghai): slot h is hour h of the week. Two staff needed 08:00-12:00
// on Monday only; nights (00-08) need no one.
const need = (slot: number) => (slot >= 8 && slot < 12 ? 2 : 0);
const day = { id: 'day', kind: 'in_house', cost_per_hour: 10, shift_lengths: [4], start_hours: [8, 10] };
const vendor = { id: 'v', kind: 'outsourced', cost_per_hour: 5, productivity: 0.5, shift_lengths: [4], start_hours: [8] };

function setup(extra: Record<string, unknown> = {}, pools: Record<string, unknown>[] = [day, vendor]) {
  const problem = makeProblem(plainConfig(pools, extra), need);
  return { problem, model: buildRosterModel(problem) };
}

describe('assembleRoster', () => {
  it('lists the shifts by start then pool order, with their local start times', () => {
    const { problem, model } = setup();
    const roster = assembleRoster(
      problem,
      model,
      new Map([
        ['x_day_10_4', 1],
        ['x_v_8_4', 2],
        ['x_day_8_4', 1],
      ]),
    );
    expect(roster.week_start).toBe('2026-11-30T00:00');
    expect(roster.shifts).toEqual([
      { pool: 'day', start: '2026-11-30T08:00', hours: 4, agents: 1 },
      { pool: 'v', start: '2026-11-30T08:00', hours: 4, agents: 2 },
      { pool: 'day', start: '2026-11-30T10:00', hours: 4, agents: 1 },
    ]);
    expect(roster.tours).toEqual([]);
    expect(roster.shadow_prices).toEqual([]);
  });

  it('staffs each hour with agents x productivity, and costs each pool its shifts', () => {
    const { problem, model } = setup();
    const roster = assembleRoster(
      problem,
      model,
      new Map([
        ['x_day_8_4', 1],
        ['x_v_8_4', 2],
        ['x_day_10_4', 1],
      ]),
    );
    // 08-09: 1 + 2 x 0.5 = 2; 10-11: 3; 12-13: the 10:00 shift alone.
    expect(roster.hourly.slice(7, 15).map((h) => h.staffed)).toEqual([0, 2, 2, 3, 3, 1, 1, 0]);
    expect(roster.hourly.every((h) => h.shortfall === 0)).toBe(true);
    expect(roster.hourly).toHaveLength(168);
    expect(roster.hourly[8]).toEqual({ timestamp: '2026-11-30T08:00', staff_needed: 2, staffed: 2, shortfall: 0 });
    expect(roster.cost).toEqual({ total: 120, by_pool: { day: 80, v: 40 }, shortfall_penalty: 0 });
    // 8 outsourced paid hours of 16.
    expect(roster.kpis).toEqual({ outsourced_share: 0.5, night_coverage: 1, coverage: 1, budget_used: null });
  });

  it('charges the shortfall penalty per staff-hour short and counts coverage as the staff-hours met', () => {
    const { problem, model } = setup({ shortfall_penalty: 100 });
    const roster = assembleRoster(problem, model, new Map([['x_day_8_4', 1]]));
    expect(roster.hourly.slice(8, 12).map((h) => h.shortfall)).toEqual([1, 1, 1, 1]);
    expect(roster.cost).toEqual({ total: 40, by_pool: { day: 40, v: 0 }, shortfall_penalty: 400 });
    expect(roster.kpis.coverage).toBe(0.5);
    expect(roster.kpis.outsourced_share).toBe(0);
  });

  it('gives the share of the budget used, and the night coverage over night hours only', () => {
    const night = { id: 'night', kind: 'in_house', cost_per_hour: 10, night_premium: 0.5, shift_lengths: [4], start_hours: [2] };
    const problem = makeProblem(plainConfig([night], { budget: 240 }), (slot) => (slot >= 2 && slot < 6 ? 4 : 0));
    const roster = assembleRoster(problem, buildRosterModel(problem), new Map([['x_night_2_4', 3]]));
    // 3 agents x 4 night hours x 10 x 1.5 = 180 of 240.
    expect(roster.cost.total).toBe(180);
    expect(roster.kpis.budget_used).toBe(0.75);
    expect(roster.kpis.night_coverage).toBe(0.75);
    expect(roster.kpis.coverage).toBe(0.75);
  });

  it('is an empty roster for no agents: no cost, every needed hour short', () => {
    const { problem, model } = setup();
    const roster = assembleRoster(problem, model, new Map());
    expect(roster.shifts).toEqual([]);
    expect(roster.cost.total).toBe(0);
    expect(roster.cost.shortfall_penalty).toBe(500 * 8);
    expect(roster.kpis).toMatchObject({ outsourced_share: 0, coverage: 0 });
  });

  it('writes a merged shift (left out of the model) as one long shift', () => {
    const v = { id: 'v', kind: 'outsourced', cost_per_hour: 5, shift_lengths: [4, 8], start_hours: [8, 12] };
    const { problem, model } = setup({}, [v]);
    expect(model.merges.map((m) => m.whole.name)).toContain('x_v_8_8');
    const roster = assembleRoster(problem, model, new Map([['x_v_8_8', 1]]));
    expect(roster.shifts).toEqual([{ pool: 'v', start: '2026-11-30T08:00', hours: 8, agents: 1 }]);
    expect(roster.cost.total).toBe(40);
  });

  it('writes a tour as one shift per working day and one tour row naming its days off', () => {
    const tour = {
      id: 'team',
      kind: 'in_house',
      cost_per_hour: 10,
      shift_lengths: [4],
      start_hours: [8],
      week_pattern: { days: 5, consecutive_days_off: true },
    };
    const { problem, model } = setup({}, [tour]);
    const weekend = model.decisions.find((d) => d.tour?.daysOff.join() === '5,6')!;
    const roster = assembleRoster(problem, model, new Map([[weekend.name, 2]]));
    expect(roster.tours).toEqual([{ pool: 'team', start_hour: 8, hours: 4, days_off: ['sat', 'sun'], agents: 2 }]);
    expect(roster.shifts.map((s) => s.start)).toEqual(
      ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'].map((d) => `${d}T08:00`),
    );
    expect(roster.shifts.every((s) => s.agents === 2 && s.hours === 4)).toBe(true);
    expect(roster.cost.total).toBe(2 * 5 * 40);
  });
});

describe('coverage', () => {
  it('is the sum of min(staffed, need) over the sum of need', () => {
    expect(
      coverage([
        [1, 2],
        [3, 2],
      ]),
    ).toBe(0.75);
    expect(coverage([[5, 1]])).toBe(1);
    expect(coverage([[0, 3]])).toBe(0);
  });

  it('is 1 when nothing is needed', () => {
    expect(coverage([])).toBe(1);
    expect(coverage([[3, 0]])).toBe(1);
  });

  it('is rounded to six decimals', () => {
    expect(coverage([[1, 3]])).toBe(0.333333);
  });
});

describe('weekdayName', () => {
  it('names the day counted from week_start by its own weekday', () => {
    expect(weekdayName('2026-11-30', 0)).toBe('mon');
    expect(weekdayName('2026-11-30', 6)).toBe('sun');
    expect(weekdayName('2026-12-03', 0)).toBe('thu');
    expect(weekdayName('2026-12-03', 3)).toBe('sun');
    expect(weekdayName('2026-12-03', 4)).toBe('mon');
    expect(weekdayName('2026-11-30', 7)).toBe('mon');
  });
});
