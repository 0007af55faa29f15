import { formatCsv } from '../io/formatCsv.js';
import type { ScenarioResult } from './types.js';

/**
 * The grid as CSV for a spreadsheet: one row per point, the varied fields first (an empty cell
 * is "no limit"), then the point's figures as numbers (empty where it has none, e.g. infeasible).
 */
export function scenarioCsv(result: ScenarioResult): string {
  const fields = Object.keys(result.points[0]?.set ?? {});
  const cell = (v: number | string | boolean | null) => (v === null ? '' : typeof v === 'boolean' ? String(v) : v);
  return formatCsv(
    [
      ...fields,
      'status',
      'cost',
      'shortfall_staff_hours',
      'service_level',
      'asa_seconds',
      'outsourced_share',
      'cost_per_handled_contact',
      'pareto',
      'marginal_cost_per_service_level_point',
    ],
    result.points.map((p) => [
      ...fields.map((f) => cell(p.set[f] ?? null)),
      p.status,
      cell(p.cost.total),
      cell(p.shortfall_staff_hours),
      cell(p.service_level),
      cell(p.asa_seconds),
      cell(p.outsourced_share),
      cell(p.cost_per_handled_contact),
      cell(p.pareto),
      cell(p.marginal_cost_per_service_level_point),
    ]),
  );
}
