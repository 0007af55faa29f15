import { describe, expect, it } from 'vitest';
import { scenarioCsv } from '../../src/scenarios/gridCsv.js';
import { point } from './gridPoint.js';

describe('scenarioCsv', () => {
  it('writes one row per point: the varied fields, then the figures as numbers', () => {
    const csv = scenarioCsv({
      points: [
        point({ budget: 80000, 'pools.vendor.max_agents': null }),
        point(
          { budget: 90000, 'pools.vendor.max_agents': 40 },
          {
            status: 'infeasible',
            cost: { total: null, by_pool: {} },
            service_level: null,
            pareto: false,
            marginal_cost_per_service_level_point: null,
          },
        ),
      ],
      marginal_cost_per_service_level_point: 1500.6,
    });
    expect(csv.split('\n')).toEqual([
      'budget,pools.vendor.max_agents,status,cost,shortfall_staff_hours,service_level,asa_seconds,outsourced_share,cost_per_handled_contact,pareto,marginal_cost_per_service_level_point',
      '80000,,optimal,81234.4,12.34,0.8512,14.26,0.45,3.456,true,1500.6',
      '90000,40,infeasible,,12.34,,14.26,0.45,3.456,false,',
      '',
    ]);
  });

  it('writes only the header for an empty grid', () => {
    expect(scenarioCsv({ points: [], marginal_cost_per_service_level_point: null })).toBe(
      'status,cost,shortfall_staff_hours,service_level,asa_seconds,outsourced_share,cost_per_handled_contact,pareto,marginal_cost_per_service_level_point\n',
    );
  });
});
