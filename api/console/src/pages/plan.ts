import { html, nothing, type TemplateResult } from 'lit-html';
import type { Roster } from '../../../../src/roster/types.js';
import type { PlanSummary } from '../../../../src/report/summary.js';
import { contactsChart, costChart, coverageHeatmap, standbyChart, staffingChart } from '../../../../src/report/charts.js';
import { riskText } from '../../../../src/report/serviceRisk.js';
import { planFile, planSummary } from '../api.js';
import { drawChart } from '../charts.js';
import { csvRows } from '../csv.js';
import { download, money, number, percent, wallClock } from '../format.js';
import { type Page, planTabs } from '../page.js';
import { type AgentWeek, agentWeeks, fairnessTable, scheduleTable } from '../schedule.js';

/**
 * A plan: what needs a decision first (alerts), then its key figures, the charts of report.html
 * made interactive (a day can be picked to zoom on), the named schedule one row per agent, its
 * fairness, and every file to download.
 */
export async function planPage(p: Page, planId: string): Promise<void> {
  const { api, may } = p.session;
  p.draw(html`<p>Loading plan ${planId}…</p>`);
  const summary = await planSummary(api, planId);
  const has = (file: string) => summary.files.includes(file);
  const [roster, forecast, schedule, agents] = await Promise.all([
    planFile(api, planId, 'roster.json').then((t) => JSON.parse(t) as Roster),
    planFile(api, planId, 'forecast.csv').then(csvRows),
    has('schedule.csv') ? planFile(api, planId, 'schedule.csv').then(csvRows) : Promise.resolve(null),
    has('agents.csv') ? planFile(api, planId, 'agents.csv').then(csvRows) : Promise.resolve([]),
  ]);
  const week = summary.week_start.slice(0, 10);
  const days = Array.from(new Set(roster.hourly.map((h) => h.timestamp.slice(0, 10))));
  const weeks = schedule ? agentWeeks(week, schedule, agents) : null;
  const c = summary.currency;
  const state = { day: 'week', search: '', pool: '' };

  const drawCharts = async () => {
    const inDay = <T extends { timestamp?: string; time?: string; day?: string }>(rows: T[]) =>
      state.day === 'week' ? rows : rows.filter((r) => (r.timestamp ?? r.time ?? r.day ?? '').startsWith(state.day));
    const charts: [string, Parameters<typeof drawChart>[1], boolean][] = [
      ['chart-staffing', roster.standby ? standbyChart(inDay(roster.hourly)) : staffingChart(inDay(roster.hourly)), true],
      ['chart-coverage', coverageHeatmap(inDay(roster.hourly)), false],
      [
        'chart-contacts',
        contactsChart(
          inDay(forecast).map((r) => ({
            time: r.timestamp.slice(0, 16),
            series: 'forecast' as const,
            contacts: Number(r.contacts),
            lo80: Number(r.lo80),
            hi80: Number(r.hi80),
          })),
        ),
        true,
      ],
      ['chart-cost', costChart(inDay(summary.cost.by_day ?? []), c), false],
    ];
    for (const [id, spec, zoom] of charts) {
      const el = document.getElementById(id);
      if (!el || p.signal.aborted) continue;
      el.replaceChildren();
      await drawChart(el, spec, { zoom });
    }
  };

  const filtered = (all: AgentWeek[]) => {
    const needle = state.search.trim().toLowerCase();
    return all.filter((w) => (!state.pool || w.pool === state.pool) && (!needle || w.id.toLowerCase().includes(needle)));
  };
  const dayLabels = days.map((d) => wallClock(d, false));

  const draw = () =>
    p.draw(html`<h1>Week of ${week} <span class="muted">plan ${summary.plan_id}</span></h1>
      ${planTabs(planId, may, 'plan')}
      ${decisions(summary)} ${keyFigures(summary)}
      <section>
        <h2>Staffed and needed</h2>
        <div class="field inline"><label for="day">Show</label>
          <select id="day" @change=${(e: Event) => {
            state.day = (e.target as HTMLSelectElement).value;
            void drawCharts();
          }}>
            <option value="week">the whole week</option>
            ${days.map((d) => html`<option value=${d}>${wallClock(d, false)}</option>`)}
          </select>
          <small>Hover a line for its figures; drag to pan and scroll to zoom the hours.</small></div>
        <figure><figcaption>Staff needed and staffed per hour${roster.standby ? ' (with the on-call standby)' : ''}</figcaption>
          <div id="chart-staffing" class="chart" role="img" aria-label="Staff needed and staffed per hour"></div></figure>
        <figure><figcaption>Staffed minus needed, day by hour (red: short)</figcaption>
          <div id="chart-coverage" class="chart" role="img" aria-label="Staffed minus needed by day and hour"></div></figure>
      </section>
      <section>
        <h2>Forecast</h2>
        <figure><figcaption>Contacts per hour, with the 80% interval</figcaption>
          <div id="chart-contacts" class="chart" role="img" aria-label="Contacts forecast per hour"></div></figure>
      </section>
      <section>
        <h2>Cost</h2>
        ${
          summary.cost.by_day
            ? html`<figure><figcaption>Cost by pool and day (${c})</figcaption>
                <div id="chart-cost" class="chart" role="img" aria-label="Cost by pool and day"></div></figure>`
            : html`<p class="muted">This plan was made before plans recorded their cost by day: plan the week again to see it.</p>`
        }
        ${costByPool(summary)}
      </section>
      <section>
        <h2>Schedule</h2>
        ${
          weeks
            ? html`<div class="filters">
                <div class="field inline"><label for="search">Search agent</label>
                  <input id="search" type="search" .value=${state.search} @input=${(e: Event) => {
                    state.search = (e.target as HTMLInputElement).value;
                    draw();
                  }} /></div>
                <div class="field inline"><label for="pool">Pool</label>
                  <select id="pool" @change=${(e: Event) => {
                    state.pool = (e.target as HTMLSelectElement).value;
                    draw();
                  }}>
                    <option value="">All pools</option>
                    ${[...new Set(weeks.map((w) => w.pool))].map((pool) => html`<option value=${pool}>${pool}</option>`)}
                  </select></div>
                <p class="key"><span class="leave">leave</span> <span class="wish">day-off wish</span> <span class="clash">works on a wish</span></p>
              </div>
              ${scheduleTable(filtered(weeks), dayLabels)}`
            : html`<p>This plan was made without named agents: its roster says how many work each shift, not who. Plan with <code>agents.csv</code> to get a schedule.</p>`
        }
      </section>
      <section>
        <h2>Fairness</h2>
        ${
          weeks && summary.schedule
            ? html`<dl class="figures">
                  <div><dt>Agents</dt><dd>${number(summary.schedule.agents)}</dd></div>
                  <div><dt>Paid hours</dt><dd>${number(summary.schedule.assigned_hours)}</dd></div>
                  <div><dt>Day-off wishes met</dt><dd>${percent(summary.schedule.preferences_met)}</dd></div>
                  <div><dt>Weekend days: most minus least</dt><dd>${number(summary.schedule.weekend_spread)}</dd></div>
                  <div><dt>Night shifts: most minus least</dt><dd>${number(summary.schedule.night_spread)}</dd></div>
                </dl>
                ${fairnessTable(weeks)}`
            : html`<p>No named schedule, so no fairness figures.</p>`
        }
      </section>
      <section>
        <h2>Files</h2>
        <ul class="files">${summary.files.map(
          (f) => html`<li><button type="button" class="link" @click=${() => void save(f)}>${f}</button></li>`,
        )}</ul>
      </section>`);

  const save = async (file: string) =>
    download(`${summary.week_start.slice(0, 10)}_${summary.plan_id}_${file}`, await planFile(api, planId, file));
  draw();
  await drawCharts();
}

function decisions(s: PlanSummary): TemplateResult {
  return html`<section>
    <h2>Needs a decision</h2>
    ${
      s.status === 'infeasible' || s.unmet_floors
        ? html`<div class="alert" role="alert"><p>The roster is <strong>${s.status}</strong>. ${s.explanation}</p></div>`
        : nothing
    }
    ${
      s.alerts.length === 0
        ? html`<p class="ok">Nothing: no alert is raised for this week.</p>`
        : html`<ul class="alerts">${s.alerts.map(
            (a) =>
              html`<li class=${a.severity}><span class="badge ${a.severity}">${a.severity}</span> <strong>${a.kind}</strong> ${a.message}</li>`,
          )}</ul>`
    }
  </section>`;
}

function keyFigures(s: PlanSummary): TemplateResult {
  const k = s.kpis;
  const c = s.currency;
  const figure = (term: string, value: string, bad = false) => html`<div class=${bad ? 'bad' : ''}><dt>${term}</dt><dd>${value}</dd></div>`;
  return html`<section>
    <h2>Key figures</h2>
    <dl class="figures">
      ${figure('Cost', money(s.cost.total, c))} ${figure('Budget', money(s.cost.budget, c))}
      ${figure('Budget used', percent(s.cost.budget_used), (s.cost.budget_used ?? 0) > 1)}
      ${figure('Per handled contact', money(s.cost.per_handled_contact, c, 2))} ${figure('Service level', percent(k.service_level))}
      ${figure('Average speed of answer', k.asa_seconds === null ? '–' : `${number(k.asa_seconds, 1)} s`)}
      ${figure('Coverage', percent(k.coverage))} ${figure('Night coverage', percent(k.night_coverage))}
      ${figure('Outsourced share', percent(k.outsourced_share))}
      ${figure('Short staff-hours', `${number(k.shortfall_staff_hours, 1)} in ${number(k.hours_below_target)} h`, k.shortfall_staff_hours > 0)}
      ${s.service_risk ? figure('Service risk', riskText(s.service_risk), s.service_risk.week_miss_probability > 0.5) : nothing}
      ${figure('Contacts (after the bot)', `${number(k.handled_contacts)} of ${number(k.contacts)}`)}
      ${figure('Contacts per agent-day', number(k.contacts_per_agent_day))}
    </dl>
    <p>${s.explanation}</p>
    ${shadowPrices(s.shadow_prices, c)}
  </section>`;
}

/** The shadow prices with their sentences: what each rule costs at the margin. */
export function shadowPrices(prices: PlanSummary['shadow_prices'], currency: string, captionShown = true): TemplateResult {
  return html`<div class="scroll"><table>
    <caption class=${captionShown ? '' : 'sr-only'}>Shadow prices</caption>
    <thead><tr><th scope="col">Rule</th><th scope="col">Per</th><th scope="col" class="num">Saves a week</th><th scope="col">What it means</th></tr></thead>
    <tbody>${(prices ?? []).map(
      (sp) =>
        html`<tr><th scope="row"><code>${sp.rule}</code></th><td>${sp.per}</td><td class="num">${money(sp.value, currency)}</td><td>${sp.text}</td></tr>`,
    )}</tbody>
  </table></div>`;
}

function costByPool(s: PlanSummary): TemplateResult {
  return html`<div class="scroll"><table>
    <caption>Cost by pool</caption>
    <thead><tr><th scope="col">Pool</th><th scope="col" class="num">Cost</th><th scope="col" class="num">Share</th></tr></thead>
    <tbody>${Object.entries(s.cost.by_pool).map(
      ([pool, cost]) =>
        html`<tr><th scope="row">${pool}</th><td class="num">${money(cost, s.currency)}</td><td class="num">${percent(cost / s.cost.total)}</td></tr>`,
    )}</tbody>
  </table></div>`;
}
