import { money, pct } from '../domain/format.js';
import type { ScenarioResult } from './types.js';

/** The grid as a text table for the terminal: one line per point (null set values read "no limit"), the frontier starred. */
export function scenarioTable(result: ScenarioResult, currency: string): string {
  const fields = Object.keys(result.points[0]?.set ?? {});
  const head = [...fields, `cost ${currency}`, 'short h', 'SL', 'ASA s', 'outsourced', 'per contact', 'pareto', `${currency}/SL pt`];
  const rows = result.points.map((p) => [
    ...fields.map((f) => (p.set[f] === null ? 'no limit' : String(p.set[f]))),
    p.status === 'infeasible' ? 'infeasible' : money(p.cost.total),
    p.shortfall_staff_hours === null ? '-' : p.shortfall_staff_hours.toFixed(1),
    pct(p.service_level, '-'),
    p.asa_seconds === null ? '-' : p.asa_seconds.toFixed(1),
    pct(p.outsourced_share, '-'),
    p.cost_per_handled_contact === null ? '-' : p.cost_per_handled_contact.toFixed(2),
    p.pareto ? '*' : '',
    money(p.marginal_cost_per_service_level_point, '-'),
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padStart(width[i]))
      .join('  ')
      .trimEnd();
  const m = result.marginal_cost_per_service_level_point;
  // A frontier without service levels: the points had no contacts, and were judged on shortfall.
  const onShortfall = result.points.some((p) => p.pareto) && result.points.every((p) => p.service_level === null);
  const footer =
    m !== null
      ? `Along the frontier, one more point of weekly service level costs ${money(m)} ${currency} a week.`
      : onShortfall
        ? 'No contacts, so no service levels: the frontier (*) is cost against shortfall hours.'
        : 'Marginal cost of service: n/a (the frontier has fewer than two service levels).';
  return `${[line(head), ...rows.map(line), '', footer].join('\n')}\n`;
}
