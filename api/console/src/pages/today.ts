import { html, nothing, type TemplateResult } from 'lit-html';
import type { DayAnswer } from '../../../../src/intraday/types.js';
import { contactsChart } from '../../../../src/report/charts.js';
import { answer, planConfig, planSummary } from '../api.js';
import { drawChart } from '../charts.js';
import { money, number, percent, wallClock } from '../format.js';
import { failure, type Page, planTabs } from '../page.js';

/**
 * The day: paste or upload today's actuals, and read the re-forecast, the projected service per
 * hour and whom to call in (`POST /v1/plans/{id}/intraday`; every answer is logged beside the plan).
 */
export async function todayPage(p: Page, planId: string): Promise<void> {
  const { api } = p.session;
  const [summary, config] = await Promise.all([planSummary(api, planId), planConfig(api, planId)]);
  const c = summary.currency;
  const week = summary.week_start.slice(0, 10);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: config.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  const days = Math.round((Date.parse(today) - Date.parse(week)) / 86_400_000);
  const state = { answer: null as DayAnswer | null, error: null as unknown, busy: false };

  const draw = () =>
    p.draw(html`<h1>Today <span class="muted">week of ${week}, plan ${summary.plan_id}</span></h1>
      ${planTabs(planId, p.session.may, 'today')}
      ${
        days >= 0 && days < 7
          ? html`<p>Today is ${wallClock(today, false)} in ${config.timezone}, day ${days + 1} of this plan's week.</p>`
          : html`<p class="note">This plan is for the week of ${week}; today (${today} in ${config.timezone}) is outside it. You can still replay one of
              its days from actuals.</p>`
      }
      <form @submit=${submit}>
        <div class="field"><label for="actuals">Actuals (CSV)</label>
          <textarea id="actuals" name="actuals" rows="8" spellcheck="false" placeholder="timestamp,contacts,aht_seconds,asa_seconds,abandoned,agents_available"></textarea>
          <small>history.csv's columns; asa_seconds, abandoned and agents_available are optional</small></div>
        <div class="field"><label for="actuals-file">or a file</label>
          <input id="actuals-file" type="file" accept=".csv,text/csv" @change=${load} /></div>
        <div class="field inline"><label for="now">Now</label><input id="now" name="now" type="datetime-local" />
          <small>optional: the end of the last actual hour when empty</small></div>
        <button type="submit" ?disabled=${state.busy}>Re-forecast the day</button>
      </form>
      ${state.error ? failure(state.error) : nothing} ${state.answer ? dayAnswer(state.answer, c, config.alerts.max_asa_seconds) : nothing}`);

  const load = async (e: Event) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (file) (document.getElementById('actuals') as HTMLTextAreaElement).value = await file.text();
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const now = String(form.get('now') ?? '');
    state.busy = true;
    state.error = null;
    draw();
    try {
      state.answer = answer(
        await api.POST('/plans/{plan_id}/intraday', {
          params: { path: { plan_id: planId } },
          body: { actuals: String(form.get('actuals') ?? ''), ...(now ? { now } : {}) },
        }),
      ) as DayAnswer;
    } catch (e) {
      state.error = e;
    }
    state.busy = false;
    draw();
    const el = document.getElementById('chart-reforecast');
    if (state.answer && el) {
      el.replaceChildren();
      await drawChart(
        el,
        contactsChart(
          state.answer.reforecast.map((r) => ({
            time: r.timestamp.slice(0, 16),
            series: 'forecast',
            contacts: r.contacts,
            lo80: r.lo80,
            hi80: r.hi80,
          })),
        ),
        { zoom: true },
      );
    }
  };
  draw();
}

/** The day's answer; hours slower than `maxAsa` (the plan's alerts.max_asa_seconds, its standby alarm) are flagged. */
function dayAnswer(a: DayAnswer, currency: string, maxAsa: number): TemplateResult {
  const day = a.now.slice(0, 10);
  return html`<section>
      <h2>Needs a decision</h2>
      ${
        a.alerts.length === 0
          ? html`<p class="ok">Nothing: the rest of the day is on target.</p>`
          : html`<ul class="alerts">${a.alerts.map((al) => html`<li class=${al.severity}><span class="badge ${al.severity}">${al.severity}</span> ${al.message}</li>`)}</ul>`
      }
    </section>
    <section>
      <h2>Suggested calls</h2>
      ${
        a.actions.length === 0
          ? html`<p>No one to call in or send home.</p>`
          : html`<div class="scroll"><table><caption>Suggested calls</caption>
              <thead><tr><th scope="col">Action</th><th scope="col">Pool</th><th scope="col">From</th><th scope="col" class="num">Hours</th>
                <th scope="col" class="num">Agents</th><th scope="col" class="num">Cost</th><th scope="col">Why</th></tr></thead>
              <tbody>${a.actions.map(
                (
                  x,
                ) => html`<tr><td>${x.kind.replaceAll('_', ' ')}</td><td>${x.pool}</td><td>${wallClock(x.start)}</td><td class="num">${x.hours}</td>
                  <td class="num">${x.agents}</td><td class="num">${money(x.cost, currency)}</td><td>${x.reason}</td></tr>`,
              )}</tbody></table></div>`
      }
    </section>
    <section>
      <h2>Re-forecast</h2>
      <figure><figcaption>Contacts per hour for the rest of the week, re-forecast from today's actuals (80% interval)</figcaption>
        <div id="chart-reforecast" class="chart" role="img" aria-label="Re-forecast contacts per hour"></div></figure>
      ${projectedTable(
        a.projected.filter((h) => h.timestamp.slice(0, 10) === day),
        'Projected service per hour, today',
        maxAsa,
      )}
      <details><summary>The rest of the week</summary>
        ${projectedTable(
          a.projected.filter((h) => h.timestamp.slice(0, 10) !== day),
          'Projected service per hour, the rest of the week',
          maxAsa,
        )}
      </details>
    </section>`;
}

function projectedTable(hours: DayAnswer['projected'], caption: string, maxAsa: number): TemplateResult {
  return html`<div class="scroll"><table><caption>${caption}</caption>
    <thead><tr><th scope="col">Hour</th><th scope="col" class="num">Staffed</th><th scope="col" class="num">Agents needed</th>
      <th scope="col" class="num">Service level</th><th scope="col" class="num">ASA</th></tr></thead>
    <tbody>${hours.map(
      (
        h,
      ) => html`<tr class=${h.asa_seconds > maxAsa ? 'bad' : ''}><td>${wallClock(h.timestamp)}</td><td class="num">${number(h.staffed, 1)}</td>
        <td class="num">${number(h.agents_needed)}</td><td class="num">${percent(h.service_level)}</td><td class="num">${number(h.asa_seconds, 1)} s</td></tr>`,
    )}</tbody></table></div>`;
}
