import type { ScenarioPoint } from '../../src/scenarios/types.js';

/** A feasible point of a scenario grid with round figures; `o` overrides any of them. */
export function point(set: Record<string, number | null>, o: Partial<ScenarioPoint> = {}): ScenarioPoint {
  return {
    set,
    status: 'optimal',
    cost: { total: 81234.4, by_pool: {} },
    shortfall_staff_hours: 12.34,
    service_level: 0.8512,
    asa_seconds: 14.26,
    outsourced_share: 0.45,
    cost_per_handled_contact: 3.456,
    pareto: true,
    marginal_cost_per_service_level_point: 1500.6,
    ...o,
  };
}
