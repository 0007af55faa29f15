import { html, nothing } from 'lit-html';
import type { TopLevelSpec } from 'vega-lite';
import type { PlanConfig } from '../../../../src/domain/config.js';
import { tradeoffChart } from '../../../../src/report/charts.js';
import { scenarioCsv } from '../../../../src/scenarios/gridCsv.js';
import type { ScenarioResult } from '../../../../src/scenarios/types.js';
import { VARY_FIELDS } from '../../../../src/scenarios/varyFields.js';
import { answer, type Job, planConfig, planSummary, watchJob } from '../api.js';
import { drawChart } from '../charts.js';
import { download, money, number, percent } from '../format.js';
import { jobPanel, running } from '../job.js';
import { failure, type Page, planTabs } from '../page.js';
import { shadowPrices } from './plan.js';

interface Axis {
  field: string;
  from: string;
  to: string;
  points: number;
}

/** The fields a grid may vary for this plan: the `<id>` and `<queue>` templates filled in from its config. */
function fieldsOf(config: PlanConfig): string[] {
  const pools = config.pools.map((p) => p.id);
  const queues = Object.keys(config.demand.queues ?? {});
  return VARY_FIELDS.flatMap((f) =>
    f.includes('<id>')
      ? pools.map((id) => f.replace('<id>', id))
      : f.includes('<queue>')
        ? queues.map((q) => f.replace('<queue>', q))
        : [f],
  );
}

/** The config's current value of a field path (`pools.<id>.x` finds the pool by id). */
function currentValue(config: PlanConfig, field: string): number | null {
  const pool = /^pools\.([^.]+)\.(\w+)$/.exec(field);
  const at = (o: unknown, k: string) => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined);
  const value = pool
    ? at(
        config.pools.find((p) => p.id === pool[1]),
        pool[2],
      )
    : field.split('.').reduce(at, config as unknown);
  return typeof value === 'number' ? value : null;
}

/** A range around the current value: ±10%, shares kept within 0..1. */
function around(config: PlanConfig, field: string): Pick<Axis, 'from' | 'to'> {
  const v = currentValue(config, field);
  if (v === null) return { from: '', to: '' };
  const share = v <= 1 && /share|coverage|level|deflection/.test(field);
  const lo = share ? Math.max(0, v - 0.05) : v * 0.9;
  const hi = share ? Math.min(1, v + 0.05) : v * 1.1;
  const round = (x: number) => String(share ? Math.round(x * 1000) / 1000 : Math.round(x));
  return { from: round(lo), to: round(hi) };
}

/**
 * Finance's scenario explorer: pick fields and ranges, run the grid (a job), and read the
 * cost/service frontier with this plan marked, the grid as a table (and CSV), and the plan's
 * shadow prices with their sentences.
 */
export async function scenariosPage(p: Page, planId: string): Promise<void> {
  const { api, may } = p.session;
  const [summary, config] = await Promise.all([planSummary(api, planId), planConfig(api, planId)]);
  const fields = fieldsOf(config);
  const c = summary.currency;
  // Start from the rule that binds hardest (largest shadow price) when it can be varied: the
  // question finance asks first is what relaxing it buys.
  const binding = [...(summary.shadow_prices ?? [])]
    .sort((a, b) => b.value - a.value)
    .find((sp) => sp.value > 0 && fields.includes(sp.rule));
  const first = binding?.rule ?? 'budget';
  const state = {
    axes: [{ field: first, ...around(config, first), points: 3 }] as Axis[],
    job: null as Job | null,
    error: null as unknown,
    result: null as ScenarioResult | null,
  };

  const axisRow = (axis: Axis, i: number) => html`<fieldset class="axis">
    <legend>Field ${i + 1}</legend>
    <div class="field inline"><label for="field-${i}">Field</label>
      <select id="field-${i}" @change=${(e: Event) => {
        const field = (e.target as HTMLSelectElement).value;
        state.axes[i] = { ...axis, field, ...around(config, field) };
        draw();
      }}>${fields.map((f) => html`<option value=${f} ?selected=${f === axis.field}>${f}</option>`)}</select></div>
    <div class="field inline"><label for="from-${i}">From</label>
      <input id="from-${i}" type="text" inputmode="decimal" required .value=${axis.from} @change=${(e: Event) => {
        axis.from = (e.target as HTMLInputElement).value;
      }} /></div>
    <div class="field inline"><label for="to-${i}">To</label>
      <input id="to-${i}" type="text" inputmode="decimal" required .value=${axis.to} @change=${(e: Event) => {
        axis.to = (e.target as HTMLInputElement).value;
      }} /></div>
    <div class="field inline"><label for="points-${i}">Points</label>
      <input id="points-${i}" type="number" min="1" max="50" required .value=${String(axis.points)} @change=${(e: Event) => {
        axis.points = Number((e.target as HTMLInputElement).value);
      }} /></div>
    <small>now ${currentValue(config, axis.field) ?? 'no limit'}</small>
    ${
      state.axes.length > 1
        ? html`<button type="button" @click=${() => {
            state.axes.splice(i, 1);
            draw();
          }}>Remove</button>`
        : nothing
    }
  </fieldset>`;

  const draw = () =>
    p.draw(html`<h1>Scenarios <span class="muted">week of ${summary.week_start.slice(0, 10)}, plan ${summary.plan_id}</span></h1>
      ${planTabs(planId, may, 'scenarios')}
      <p>Each point re-solves the week's roster with the fields set as given; the grid is every combination. This plan costs
        ${money(summary.cost.total, c)} at a service level of ${percent(summary.kpis.service_level)}.</p>
      <form @submit=${run}>
        ${state.axes.map(axisRow)}
        <button type="button" @click=${() => {
          state.axes.push({ field: fields[0], ...around(config, fields[0]), points: 3 });
          draw();
        }}>Add field</button>
        <button type="submit" ?disabled=${running(state.job)}>Run scenarios</button>
      </form>
      ${state.error ? failure(state.error) : nothing} ${state.job && state.job.status !== 'succeeded' ? jobPanel(state.job, c) : nothing}
      ${state.result ? results(state.result) : nothing}
      <section><h2>Shadow prices</h2>${shadowPrices(summary.shadow_prices, c, false)}</section>`);

  const results = (r: ScenarioResult) => {
    const varied = Object.keys(r.points[0]?.set ?? {});
    return html`<section>
      <h2>Cost and service</h2>
      <figure><figcaption>Weekly cost against service level: points on the frontier in orange (joined by a red line when there are two or more), this plan as a black diamond</figcaption>
        <div id="chart-frontier" class="chart" role="img" aria-label="Cost against service level of each scenario"></div></figure>
      <p>${
        r.marginal_cost_per_service_level_point === null
          ? 'The frontier has fewer than two service levels: no marginal cost of service.'
          : `Along the frontier, one more point of weekly service level costs ${money(r.marginal_cost_per_service_level_point, c)} a week.`
      }</p>
      <p><button type="button" @click=${() => download(`scenarios_${summary.plan_id}.csv`, scenarioCsv(r), 'text/csv')}>Download CSV</button></p>
      <div class="scroll"><table>
        <caption>Scenario grid</caption>
        <thead><tr>${varied.map((f) => html`<th scope="col"><code>${f}</code></th>`)}<th scope="col">Status</th><th scope="col" class="num">Cost</th>
          <th scope="col" class="num">Service level</th><th scope="col" class="num">ASA</th><th scope="col" class="num">Short staff-hours</th>
          <th scope="col" class="num">Outsourced</th><th scope="col" class="num">Per contact</th><th scope="col">Frontier</th></tr></thead>
        <tbody>${r.points.map(
          (pt) => html`<tr>${varied.map((f) => html`<td>${pt.set[f] === null ? 'no limit' : number(pt.set[f], 3)}</td>`)}
            <td>${pt.status}</td><td class="num">${money(pt.cost.total, c)}</td><td class="num">${percent(pt.service_level)}</td>
            <td class="num">${pt.asa_seconds === null ? '–' : `${number(pt.asa_seconds, 1)} s`}</td>
            <td class="num">${number(pt.shortfall_staff_hours, 1)}</td><td class="num">${percent(pt.outsourced_share)}</td>
            <td class="num">${money(pt.cost_per_handled_contact, c, 2)}</td><td>${pt.pareto ? 'on the frontier' : ''}</td></tr>`,
        )}</tbody>
      </table></div>
    </section>`;
  };

  const frontier = async (r: ScenarioResult) => {
    const el = document.getElementById('chart-frontier');
    if (!el) return;
    const points = r.points
      .filter((pt) => pt.cost.total !== null && pt.service_level !== null)
      .map((pt) => ({ cost: pt.cost.total as number, serviceLevel: pt.service_level as number, pareto: pt.pareto }));
    const spec = tradeoffChart(points, c) as TopLevelSpec & { layer: object[] };
    if (summary.kpis.service_level !== null)
      spec.layer.push({
        data: { values: [{ cost: summary.cost.total, serviceLevel: summary.kpis.service_level, plan: 'this plan' }] },
        mark: { type: 'point', shape: 'diamond', size: 160, filled: true, color: '#000' },
        encoding: { x: { field: 'serviceLevel', type: 'quantitative' }, y: { field: 'cost', type: 'quantitative' } },
      });
    el.replaceChildren();
    await drawChart(el, spec);
  };

  const run = async (event: SubmitEvent) => {
    event.preventDefault();
    state.error = null;
    state.result = null;
    const vary = Object.fromEntries(state.axes.map((a) => [a.field, `${a.from}:${a.to}:${a.points}`]));
    try {
      const accepted = answer(await api.POST('/plans/{plan_id}/scenarios', { params: { path: { plan_id: planId } }, body: { vary } }));
      draw();
      const job = await watchJob(
        api,
        accepted.job_id,
        (j) => {
          state.job = j;
          draw();
        },
        p.signal,
      );
      if (job?.status === 'succeeded') {
        state.result = job.result as ScenarioResult;
        draw();
        await frontier(state.result);
      }
    } catch (e) {
      state.error = e;
      draw();
    }
  };
  draw();
}
