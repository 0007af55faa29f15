import { html, nothing, type TemplateResult } from 'lit-html';
import { answer, type Job, type PlanListItem, watchJob } from '../api.js';
import type { components } from '../../api.js';
import { money, percent, wallClock } from '../format.js';
import { jobPanel, running } from '../job.js';
import { failure, type Page } from '../page.js';

type PlanRequest = components['schemas']['PlanRequest'];
type Source = 'upload' | 'last' | 'workspace';

// The last plan request this tab sent, for "Same inputs as the last plan" (history can be
// megabytes: kept in sessionStorage when it fits, in memory otherwise).
const LAST = 'shiftcast.lastPlanRequest';
let lastRequest: PlanRequest | null = null;
function rememberRequest(body: PlanRequest): void {
  lastRequest = body;
  try {
    sessionStorage.setItem(LAST, JSON.stringify(body));
  } catch {
    sessionStorage.removeItem(LAST);
  }
}
function recalledRequest(): PlanRequest | null {
  if (lastRequest) return lastRequest;
  const kept = sessionStorage.getItem(LAST);
  return kept ? (JSON.parse(kept) as PlanRequest) : null;
}

/** The Monday after today, `YYYY-MM-DD`: the week a planner usually plans. */
function nextMonday(): string {
  const d = new Date();
  d.setDate(d.getDate() + ((8 - d.getDay()) % 7 || 7));
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The plans, newest first, and (for roles that may plan) a new plan from files, the last inputs or a server workspace. */
export async function plansPage(p: Page): Promise<void> {
  const { api, may } = p.session;
  const state = {
    plans: [] as PlanListItem[],
    error: null as unknown,
    form: false,
    source: (recalledRequest() ? 'last' : 'upload') as Source,
    formError: null as unknown,
    job: null as Job | null,
    sending: false,
  };
  const draw = () =>
    p.draw(html`<h1>Plans</h1>
      ${may('createPlan') ? html`<p><button type="button" @click=${toggle} aria-expanded=${state.form}>New plan</button></p>` : nothing}
      ${state.form ? newPlanForm() : nothing} ${state.job ? jobPanel(state.job, currencyOf(state.plans), jobActions()) : nothing}
      ${state.error ? failure(state.error) : planTable(state.plans)}`);

  const load = async () => {
    try {
      state.plans = answer(await api.GET('/plans', { params: { query: { limit: 200 } } })).plans ?? [];
      state.error = null;
    } catch (e) {
      state.error = e;
    }
    draw();
  };
  const toggle = () => {
    state.form = !state.form;
    draw();
  };

  const newPlanForm = (): TemplateResult => {
    const last = recalledRequest();
    const radio = (value: Source, label: string, disabled = false) =>
      html`<label class="choice"><input type="radio" name="source" .value=${value} ?checked=${state.source === value} ?disabled=${disabled}
        @change=${() => {
          state.source = value;
          draw();
        }} /> ${label}</label>`;
    const file = (name: string, required: boolean, hint: string) =>
      html`<div class="field"><label for="f-${name}">${name}</label>
        <input id="f-${name}" name="${name}" type="file" accept=".csv,.json,text/csv,application/json" ?required=${required} />
        <small>${hint}</small></div>`;
    return html`<section class="panel">
      <h2>New plan</h2>
      <form @submit=${submit}>
        <fieldset>
          <legend>Inputs</legend>
          ${radio('upload', 'Upload files')} ${radio('last', 'Same inputs as the last plan', !last)} ${radio('workspace', 'Server workspace')}
        </fieldset>
        ${
          state.source === 'upload'
            ? html`${file('history.csv', true, 'hourly contacts (required)')} ${file('config.json', true, 'pools, rules, service target (required)')}
              ${file('events.csv', false, 'promotions, live sessions, holidays')} ${file('agents.csv', false, 'named agents: adds the schedule')}`
            : state.source === 'workspace'
              ? html`<div class="field"><label for="workspace">Workspace</label>
                  <input id="workspace" name="workspace" value="sample-center" pattern="[a-z0-9][a-z0-9_-]{0,63}" required />
                  <small>a folder of the server's plan store (<code>.sample-center</code> after <code>npm start</code>)</small></div>`
              : html`<p>The history, config, events and agents of the plan this tab last sent, for another week.</p>`
        }
        <div class="field"><label for="week">Week</label><input id="week" name="week" type="date" .value=${nextMonday()} required /></div>
        ${
          state.source === 'workspace'
            ? nothing
            : html`<div class="field"><label for="risk">Miss risk per hour, at most (%)</label>
                <input id="risk" name="risk" type="number" min="1" max="50" step="any" inputmode="decimal" />
                <small>staff each hour to this chance of missing its service target (blank: config.json's
                  <code>service.max_miss_probability</code>; 50 is the point forecast)</small></div>`
        }
        <button type="submit" ?disabled=${state.sending || running(state.job)}>Plan the week</button>
        ${state.formError ? failure(state.formError) : nothing}
      </form>
    </section>`;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    state.sending = true;
    state.formError = null;
    draw();
    try {
      const body = await requestOf(state.source, form);
      const accepted = answer(await api.POST('/plans', { body }));
      if (state.source === 'upload') rememberRequest(body);
      state.form = false;
      await follow(accepted.job_id);
    } catch (e) {
      state.formError = e;
    } finally {
      state.sending = false;
      draw();
    }
  };

  const follow = async (id: string) => {
    const ended = await watchJob(
      api,
      id,
      (job) => {
        state.job = job;
        draw();
      },
      p.signal,
    );
    if (ended?.status === 'succeeded') await load();
  };
  const cancel = async () => {
    if (!state.job) return;
    try {
      state.job = answer(await api.DELETE('/jobs/{id}', { params: { path: { id: state.job.id } } }));
    } catch (e) {
      state.formError = e;
    }
    draw();
  };
  const jobActions = () => {
    const job = state.job;
    if (!job) return nothing;
    if (running(job) && may('cancelJob')) return html`<button type="button" @click=${cancel}>Cancel job</button>`;
    if (job.status === 'succeeded' && job.plan_id) return html`<p><a href="#/plans/${job.plan_id}">Open plan</a></p>`;
    return nothing;
  };

  draw();
  await load();
}

/**
 * The request for a new plan from the form: files read as text, or the last request, or a
 * workspace; a miss risk given in the form replaces the config's `service.max_miss_probability`.
 */
async function requestOf(source: Source, form: FormData): Promise<PlanRequest> {
  const week = String(form.get('week') ?? '') || undefined;
  if (source === 'workspace') return { workspace: String(form.get('workspace')), week };
  const risk = String(form.get('risk') ?? '');
  const withRisk = (body: PlanRequest): PlanRequest =>
    risk === '' || !body.config
      ? body
      : { ...body, config: { ...body.config, service: { ...body.config.service, max_miss_probability: Number(risk) / 100 } } };
  if (source === 'last') {
    const last = recalledRequest();
    if (!last) throw new Error('this tab has sent no plan yet: upload the files');
    return withRisk({ ...last, week });
  }
  const text = async (name: string) => {
    const f = form.get(name);
    return f instanceof File && f.size > 0 ? await f.text() : undefined;
  };
  const configText = await text('config.json');
  let config: unknown;
  try {
    config = JSON.parse(configText ?? '');
  } catch (e) {
    throw new Error(`config.json is not JSON: ${(e as Error).message}`);
  }
  const [history, events, agents] = await Promise.all([text('history.csv'), text('events.csv'), text('agents.csv')]);
  return withRisk({ config: config as PlanRequest['config'], history, events, agents, week });
}

/** The config's default currency, for plans made before the list carried theirs. */
const DEFAULT_CURRENCY = 'CNY';
const currencyOf = (plans: PlanListItem[]) => plans.find((p) => p.currency)?.currency ?? DEFAULT_CURRENCY;

function planTable(plans: PlanListItem[]): TemplateResult {
  if (plans.length === 0) return html`<p>No plans yet.</p>`;
  return html`<div class="scroll"><table>
    <caption class="sr-only">Plans</caption>
    <thead><tr><th scope="col">Plan</th><th scope="col">Week</th><th scope="col">Status</th><th scope="col" class="num">Cost</th>
      <th scope="col" class="num">Budget used</th><th scope="col">Alerts</th><th scope="col">Made</th></tr></thead>
    <tbody>${plans.map((plan) => {
      const cost = plan.cost as { total?: number; budget_used?: number | null } | null;
      return html`<tr>
        <td><a href="#/plans/${plan.plan_id}">${plan.plan_id}</a></td>
        <td>${wallClock(plan.week_start, false)} ${plan.week_start.slice(0, 4)}</td>
        <td><span class="status ${plan.status}">${plan.status}</span></td>
        <td class="num">${money(cost?.total, plan.currency ?? DEFAULT_CURRENCY)}</td>
        <td class="num ${(cost?.budget_used ?? 0) > 1 ? 'bad' : ''}">${percent(cost?.budget_used)}</td>
        <td>${
          (plan.alerts ?? []).length === 0
            ? html`<span class="muted">none</span>`
            : (plan.alerts ?? []).map((a) => html`<span class="badge ${a.severity}">${a.kind}</span> `)
        }</td>
        <td>${new Date(plan.created).toLocaleString()}</td>
      </tr>`;
    })}</tbody>
  </table></div>`;
}
