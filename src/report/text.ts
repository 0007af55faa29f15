import { riskText } from './serviceRisk.js';
import { forecastModelText, type PlanSummary } from './summary.js';
import { money, pct } from '../domain/format.js';

/** Hours below their floor the text names (a mail line, not the table: summary.json and the report list them all). */
const UNMET_LISTED = 8;

/** The plan summary a manager reads in ten seconds (the CLI's and cron mail's text). */
export function summaryText(s: PlanSummary, folder: string, answerWithinSeconds: number): string {
  const lines = [`Shiftcast plan ${s.plan_id} for the week of ${s.week_start}: ${s.status}`];
  if (s.status === 'infeasible') {
    lines.push(`  Why         ${s.explanation}`);
    if (s.unmet_floors) {
      const missing = s.unmet_floors.reduce((a, u) => a + u.unmet, 0).toFixed(1);
      const breaks = `breaks the coverage floors in ${s.unmet_floors.length} hours (${missing} staff-hours short)`;
      lines.push(`  Best effort ${money(s.cost.total)} ${s.currency}, ${breaks}`);
      const more = s.unmet_floors.length > UNMET_LISTED ? `, and ${s.unmet_floors.length - UNMET_LISTED} more in summary.json` : '';
      lines.push(
        `  Unmet       ${s.unmet_floors
          .slice(0, UNMET_LISTED)
          .map((u) => `${u.timestamp}${u.tier ? ` (${u.tier})` : ''} ${u.unmet.toFixed(1)}`)
          .join(', ')}${more}`,
      );
    }
  } else {
    const budget = s.cost.budget === null ? 'no budget set' : `of ${money(s.cost.budget)} budget (${pct(s.cost.total / s.cost.budget)})`;
    lines.push(`  Cost        ${money(s.cost.total)} ${s.currency} ${budget}`);
    lines.push(
      `  By pool     ${Object.entries(s.cost.by_pool)
        .map(([pool, cost]) => `${pool} ${money(cost)}`)
        .join(' | ')}`,
    );
    lines.push(`  Outsourced  ${pct(s.kpis.outsourced_share)} of paid hours`);
    lines.push(`  Night       ${pct(s.kpis.night_coverage)} of night need covered`);
    const service =
      s.kpis.service_level === null
        ? 'n/a'
        : `${pct(s.kpis.service_level)} answered within ${s.tiers ? "each tier's threshold" : `${answerWithinSeconds} s`}, ASA ${s.kpis.asa_seconds === null ? 'unbounded' : `${s.kpis.asa_seconds} s`}`;
    lines.push(`  Service     ${service}`);
    if (s.tiers)
      lines.push(
        `  Tiers       ${s.tiers
          .map((t) => {
            const asa = t.asa_seconds === null ? 'unbounded' : `${t.asa_seconds} s`;
            return `${t.tier} ${t.service_level === null ? 'n/a' : `${pct(t.service_level)} within ${t.answer_within_seconds} s, ASA ${asa}`}`;
          })
          .join(' | ')}`,
      );
    if (s.service_risk) lines.push(`  Risk        ${riskText(s.service_risk)}`);
    lines.push(`  Below need  ${s.kpis.hours_below_target} hours (${s.kpis.shortfall_staff_hours} staff-hours short)`);
    if (s.kpis.contacts_per_agent_day !== null)
      lines.push(`  Per agent   ${s.kpis.contacts_per_agent_day} handled contacts per paid 8-hour agent-day`);
    lines.push(`  Peak staff  ${s.kpis.peak_staffed} on shift for a peak need of ${s.kpis.peak_staff_needed}`);
  }
  if (s.schedule) lines.push(`  Schedule    ${scheduleText(s.schedule)}`);
  if (s.standby)
    lines.push(
      `  Standby     ${money(s.standby.on_call_hours)} on-call agent-hours, up to ${s.standby.peak_on_call} at once, ${money(s.standby.retainer_cost)} ${s.currency} in retainers (with the planned staff they cover ${pct(s.standby.coverage)} of the forecast's upper end every hour)`,
    );
  const models = s.forecast ?? [];
  if (models.length > 0)
    lines.push(
      `  Forecast    ${models.map((m) => (models.length > 1 ? `${m.queue}: ` : '') + forecastModelText(m)).join('\n              ')}`,
    );
  lines.push(
    `  Alerts      ${s.alerts.length === 0 ? 'none' : s.alerts.map((a) => `[${a.severity}] ${a.message}`).join('\n              ')}`,
  );
  lines.push(`  Files       ${folder}/ (${s.files.join(', ')})`);
  return `${lines.join('\n')}\n`;
}

/** The schedule's line: agents, hours, wishes kept, and how evenly weekends and nights fall. */
function scheduleText(f: NonNullable<PlanSummary['schedule']>): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return (
    `${plural(f.agents, 'named agent')}, ${money(f.assigned_hours)} hours assigned, ${pct(f.preferences_met)} of days-off wishes kept, ` +
    `spread ${plural(f.weekend_spread, 'weekend day')} and ${plural(f.night_spread, 'night shift')} (most minus least in a pool)`
  );
}
