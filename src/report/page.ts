import type { Roster } from '../roster/types.js';
import {
  contactsChart,
  costChart,
  coverageHeatmap,
  standbyChart,
  tradeoffChart,
  type ContactsPoint,
  type TradeoffPoint,
} from './charts.js';
import type { DayCost } from './costByDay.js';
import { riskiestHours, riskText } from './serviceRisk.js';
import { forecastModelText, type PlanSummary } from './summary.js';
import { vegaLiteSvg } from './vegaSvg.js';
import { SCHEDULE_VIEW_STYLE, scheduleView, type ScheduleWeek } from './scheduleView.js';
import { money, pct } from '../domain/format.js';

/** What the page's charts show beyond the summary and the roster. */
export interface ReportCharts {
  /** The last weeks of history and the week's forecast, local times. */
  contacts: ContactsPoint[];
  /** Cost by pool and local day. */
  costs: DayCost[];
  /** Scenario points, when a trade-off grid was run. */
  tradeoff?: TradeoffPoint[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Riskiest hours the report lists (summary.json has every hour). */
const RISKY_LISTED = 8;

/**
 * report.html: one self-contained page (no scripts, styles or fonts from the network) with the
 * plan's cost and service KPIs, its alerts, shadow prices, and charts rendered to inline SVG
 * (Vega-Lite): history and forecast with its 80% band, staffed against needed as a day x hour
 * heat map, cost by pool and day, and the trade-off curve when scenarios are given; with named
 * agents, the week of each (scheduleView.ts).
 */
export async function reportPage(summary: PlanSummary, roster: Roster, charts: ReportCharts, schedule?: ScheduleWeek): Promise<string> {
  const rows = (pairs: [string, string][]) => pairs.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  const kpis = rows([
    ['Status', summary.status],
    ['Cost', `${money(summary.cost.total)} ${summary.currency}${summary.cost.budget === null ? '' : ` of ${money(summary.cost.budget)}`}`],
    ...Object.entries(summary.cost.by_pool).map(([pool, cost]): [string, string] => [`  ${pool}`, money(cost)]),
    ['Outsourced share', pct(summary.kpis.outsourced_share)],
    ['Night coverage', pct(summary.kpis.night_coverage)],
    ['Coverage', pct(summary.kpis.coverage)],
    ['Service level (week)', pct(summary.kpis.service_level)],
    ['ASA (week)', summary.kpis.asa_seconds === null ? 'n/a' : `${summary.kpis.asa_seconds} s`],
    ...(summary.service_risk ? [['Service risk', riskText(summary.service_risk)] as [string, string]] : []),
    ['Hours below need', String(summary.kpis.hours_below_target)],
    ...(summary.tiers ?? []).map((t): [string, string] => [
      `Tier ${t.tier}`,
      `${pct(t.service_level)} within ${t.answer_within_seconds} s, ASA ${t.asa_seconds === null ? 'n/a' : `${t.asa_seconds} s`}, ${money(t.handled_contacts)} contacts, ${t.shortfall_staff_hours} staff-hours short`,
    ]),
    ...(summary.standby
      ? [
          [
            'Standby',
            `${money(summary.standby.on_call_hours)} on-call agent-hours, up to ${summary.standby.peak_on_call} at once, ${money(summary.standby.retainer_cost)} ${summary.currency} in retainers`,
          ] as [string, string],
        ]
      : []),
    ['Contacts per agent-day', summary.kpis.contacts_per_agent_day === null ? 'n/a' : String(summary.kpis.contacts_per_agent_day)],
    ...(summary.forecast ?? []).map((m, _, all): [string, string] => [
      all.length > 1 ? `Forecast model, ${m.queue}` : 'Forecast model',
      forecastModelText(m),
    ]),
  ]);
  const alerts =
    summary.alerts.length === 0
      ? '<p>No alerts.</p>'
      : `<ul>${summary.alerts.map((a) => `<li class="${a.severity}">${escapeHtml(a.message)}</li>`).join('')}</ul>`;
  // A best-effort roster (budget below the floors' cost): the staff each hour still misses to its floor.
  const unmet = summary.unmet_floors
    ? '<h2>Breaks the coverage floors</h2><p>The budget cannot pay for the coverage floors; this roster is the best it buys' +
      ' and leaves these hours below their floor.</p><table><tr><th>Hour</th><th>Floor</th><th>Staffed</th><th>Unmet</th></tr>' +
      `${summary.unmet_floors
        .map(
          (u) =>
            `<tr><td>${escapeHtml(u.timestamp + (u.tier ? ` (${u.tier})` : ''))}</td><td>${u.floor}</td><td>${u.staffed}</td><td>${u.unmet}</td></tr>`,
        )
        .join('')}</table>`
    : '';
  const risky = summary.service_risk ? riskiestHours(summary.service_risk, RISKY_LISTED) : [];
  const risk =
    risky.length === 0
      ? ''
      : "<h2>Riskiest hours</h2><p>The hours most likely to get more contacts than their agents take at target (the forecast's 80% band read as a distribution).</p>" +
        `<table><tr><th>Hour</th><th>P(miss)</th></tr>${risky.map((h) => `<tr><td>${escapeHtml(h.timestamp)}</td><td>${pct(h.miss_probability)}</td></tr>`).join('')}</table>`;
  const prices =
    summary.shadow_prices.length === 0
      ? '<p>None (no LP relaxation).</p>'
      : `<ul>${summary.shadow_prices.map((p) => `<li>${escapeHtml(p.text)}</li>`).join('')}</ul>`;
  const figures: [string, string, Promise<string>][] = [
    ['contacts', 'Contacts per hour: history and forecast (80% band)', vegaLiteSvg(contactsChart(charts.contacts))],
    ['coverage', 'Staffed minus staff needed, day x hour', vegaLiteSvg(coverageHeatmap(roster.hourly))],
    ['cost', `Cost by pool and day (${summary.currency})`, vegaLiteSvg(costChart(charts.costs, summary.currency))],
  ];
  if (roster.standby)
    figures.push([
      'standby',
      'Standby: planned and on-call staff against the forecast and its upper end (hi80)',
      vegaLiteSvg(standbyChart(roster.hourly)),
    ]);
  if (charts.tradeoff && charts.tradeoff.length > 0)
    figures.push(['tradeoff', 'Cost against service level (scenarios)', vegaLiteSvg(tradeoffChart(charts.tradeoff, summary.currency))]);
  const svgs = await Promise.all(figures.map(([, , svg]) => svg));
  const figureHtml = figures
    .map(([id, title], i) => `<figure id="chart-${id}"><figcaption>${escapeHtml(title)}</figcaption>${svgs[i]}</figure>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shiftcast plan ${escapeHtml(summary.plan_id)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}th,td{padding:2px 8px;text-align:left}
td{font-variant-numeric:tabular-nums}.critical{color:#b00020}figure{margin:1.5em 0}figcaption{font-weight:600;margin-bottom:.3em}${schedule ? SCHEDULE_VIEW_STYLE : ''}</style></head><body>
<h1>Plan for the week of ${escapeHtml(summary.week_start)}</h1>
<p>${escapeHtml(summary.explanation)}</p>
<h2>Cost and service</h2><table>${kpis}</table>
<h2>Alerts</h2>${alerts}
${unmet}
${risk}
<h2>What the rules cost</h2>${prices}
<h2>Charts</h2>
${figureHtml}
${schedule ? scheduleView(schedule) : ''}
</body></html>
`;
}
