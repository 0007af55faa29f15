import { describe, expect, it } from 'vitest';
import { scenarioTable } from '../../src/scenarios/gridTable.js';
import type { ScenarioResult } from '../../src/scenarios/types.js';
import { point } from './gridPoint.js';

const cells = (line: string) => line.trim().split(/\s{2,}/);

describe('scenarioTable', () => {
  const result: ScenarioResult = {
    points: [
      point({ budget: 80000, min_coverage: 0.9 }),
      point(
        { budget: 90000, min_coverage: 0.95 },
        {
          status: 'infeasible',
          cost: { total: null, by_pool: {} },
          shortfall_staff_hours: null,
          service_level: null,
          asa_seconds: null,
          outsourced_share: null,
          cost_per_handled_contact: null,
          pareto: false,
          marginal_cost_per_service_level_point: null,
        },
      ),
    ],
    marginal_cost_per_service_level_point: 2000.4,
  };
  const lines = scenarioTable(result, 'CNY').split('\n');

  it('has a header of the varied fields then the figures, the currency in the money columns', () => {
    expect(cells(lines[0])).toEqual([
      'budget',
      'min_coverage',
      'cost CNY',
      'short h',
      'SL',
      'ASA s',
      'outsourced',
      'per contact',
      'pareto',
      'CNY/SL pt',
    ]);
  });

  it('writes one line per point: money grouped, shares as percentages, hours and seconds to one decimal, the frontier starred', () => {
    expect(cells(lines[1])).toEqual(['80000', '0.9', '81,234', '12.3', '85.1%', '14.3', '45.0%', '3.46', '*', '1,501']);
  });

  it('writes an infeasible point as such, with dashes for what it does not have', () => {
    expect(cells(lines[2])).toEqual(['90000', '0.95', 'infeasible', '-', '-', '-', '-', '-', '-']);
  });

  it('right-aligns every column to its widest cell and trims the line ends', () => {
    const table = lines.slice(0, 3);
    for (const l of table) expect(l).toBe(l.trimEnd());
    // The cost column ends at the same place in the header and the rows.
    const end = (l: string, cell: string) => l.indexOf(cell) + cell.length;
    expect(end(lines[1], '81,234')).toBe(end(lines[0], 'cost CNY'));
    expect(end(lines[2], 'infeasible')).toBe(end(lines[0], 'cost CNY'));
    expect(end(lines[1], '0.9')).toBe(end(lines[0], 'min_coverage'));
  });

  it('ends with a blank line and the frontier marginal cost, then a newline', () => {
    expect(lines.slice(3)).toEqual(['', 'Along the frontier, one more point of weekly service level costs 2,000 CNY a week.', '']);
  });

  it('says n/a when the frontier has fewer than two service levels', () => {
    const text = scenarioTable({ ...result, marginal_cost_per_service_level_point: null }, 'EUR');
    expect(text.endsWith('\n\nMarginal cost of service: n/a (the frontier has fewer than two service levels).\n')).toBe(true);
  });

  it('writes a null field value as "no limit"', () => {
    const text = scenarioTable({ points: [point({ budget: null })], marginal_cost_per_service_level_point: null }, 'CNY');
    expect(cells(text.split('\n')[1])[0]).toBe('no limit');
  });

  it('says the frontier is cost against shortfall when no point has a service level', () => {
    const text = scenarioTable(
      { points: [point({ budget: 1 }, { service_level: null })], marginal_cost_per_service_level_point: null },
      'CNY',
    );
    expect(text.endsWith('\n\nNo contacts, so no service levels: the frontier (*) is cost against shortfall hours.\n')).toBe(true);
  });

  it('has only the figure columns for a grid without points', () => {
    const text = scenarioTable({ points: [], marginal_cost_per_service_level_point: null }, 'CNY');
    expect(cells(text.split('\n')[0])).toEqual(['cost CNY', 'short h', 'SL', 'ASA s', 'outsourced', 'per contact', 'pareto', 'CNY/SL pt']);
    expect(text.split('\n')).toHaveLength(4);
  });
});
