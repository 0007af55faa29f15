import { describe, expect, it } from 'vitest';
import { grid, parseValues, parseVary } from '../../src/scenarios/vary.js';
import { inputError } from '../support/inputError.js';

describe('null in a list of values (no limit)', () => {
  it('reads null where the config lets the field be null, on the command line and in the API', () => {
    expect(parseVary('budget=null,1100000')).toEqual({ field: 'budget', values: [null, 1100000] });
    expect(parseVary('pools.vendor.max_agents= null , 250').values).toEqual([null, 250]);
    expect(parseVary('max_outsourced_share=null').values).toEqual([null]);
    expect(parseValues('budget', [null, 1100000])).toEqual([null, 1100000]);
  });

  it('keeps null in the grid points', () => {
    expect(grid([parseVary('budget=null,5'), parseVary('min_coverage=0.9')])).toEqual([
      { budget: null, min_coverage: 0.9 },
      { budget: 5, min_coverage: 0.9 },
    ]);
  });

  it('refuses null for a field that cannot be null, naming the field', () => {
    for (const [field, spec] of [
      ['min_coverage', 'null,0.9'],
      ['demand.bot_deflection', 'null'],
      ['pools.vendor.cost_per_hour', '40,null'],
    ]) {
      const e = inputError(() => parseVary(`${field}=${spec}`));
      expect(e.location).toEqual({ file: 'command line', field: `--vary ${field}` });
      expect(e.message).toContain(`${field} cannot be null (no limit)`);
    }
    expect(inputError(() => parseValues('service.service_level', [0.8, null])).message).toMatch(/service_level cannot be null/);
  });

  it('keeps a:b:n ranges numeric', () => {
    expect(parseVary('budget=1000:2000:3').values).toEqual([1000, 1500, 2000]);
    expect(inputError(() => parseVary('budget=null:2000:3')).message).toMatch(/must be a:b:n or a comma list of numbers/);
  });
});
