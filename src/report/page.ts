import type { Roster } from '../roster/types.js';
import type { PlanSummary } from './summary.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const pct = (v: number | null) => (v === null ? 'n/a' : `${(100 * v).toFixed(1)}%`);
const money = (v: number) => Math.round(v).toLocaleString('en-US');

/**
 * report.html: one self-contained page (no scripts, styles or fonts from the network) with the
 * plan's cost and service KPIs, its alerts, and need against staffed hour by hour.
 */
export function reportPage(summary: PlanSummary, roster: Roster): string {
  const rows = (pairs: [string, string][]) => pairs.map(([k, v]) => `<tr><th>${escape(k)}</th><td>${escape(v)}</td></tr>`).join('');
  const kpis = rows([
    ['Status', summary.status],
    ['Cost', `${money(summary.cost.total)} ${summary.currency}${summary.cost.budget === null ? '' : ` of ${money(summary.cost.budget)}`}`],
    ...Object.entries(summary.cost.by_pool).map(([pool, cost]): [string, string] => [`  ${pool}`, money(cost)]),
    ['Outsourced share', pct(summary.kpis.outsourced_share)],
    ['Night coverage', pct(summary.kpis.night_coverage)],
    ['Coverage', pct(summary.kpis.coverage)],
    ['Service level (week)', pct(summary.kpis.service_level)],
    ['ASA (week)', summary.kpis.asa_seconds === null ? 'n/a' : `${summary.kpis.asa_seconds} s`],
    ['Hours below need', String(summary.kpis.hours_below_target)],
  ]);
  const alerts = summary.alerts.length === 0 ? '<p>No alerts.</p>' : `<ul>${summary.alerts.map((a) => `<li class="${a.severity}">${escape(a.message)}</li>`).join('')}</ul>`;
  const peak = Math.max(1, ...roster.hourly.map((h) => Math.max(h.staff_needed, h.staffed)));
  const hourly = roster.hourly
    .map((h) => `<tr${h.shortfall > 0 ? ' class="short"' : ''}><td>${escape(h.timestamp)}</td><td>${h.staff_needed.toFixed(1)}</td><td>${h.staffed.toFixed(1)}</td><td>${h.shortfall.toFixed(1)}</td><td><span class="bar" style="width:${((100 * h.staffed) / peak).toFixed(1)}%"></span></td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shiftcast plan ${escape(summary.plan_id)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}th,td{padding:2px 8px;text-align:left}
td{font-variant-numeric:tabular-nums}.short{background:#fde2e2}.critical{color:#b00020}.bar{display:inline-block;height:8px;background:#3b7dd8;min-width:1px}
#hourly td:last-child{width:300px}</style></head><body>
<h1>Plan for the week of ${escape(summary.week_start)}</h1>
<p>${escape(summary.explanation)}</p>
<h2>Cost and service</h2><table>${kpis}</table>
<h2>Alerts</h2>${alerts}
<h2>Staff needed and staffed, hour by hour</h2>
<table id="hourly"><tr><th>Hour</th><th>Needed</th><th>Staffed</th><th>Short</th><th></th></tr>${hourly}</table>
</body></html>
`;
}
