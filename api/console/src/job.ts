import { html, nothing, type TemplateResult } from 'lit-html';
import type { Job } from './api.js';
import { money, percent } from './format.js';

/**
 * A job as it runs: status and stage (announced to screen readers as they change), the solver's
 * incumbent, bound and gap once it has them, and the error when it failed.
 */
export function jobPanel(job: Job, currency: string, actions: TemplateResult | typeof nothing = nothing): TemplateResult {
  const { incumbent, bound, gap } = job.progress;
  return html`<section class="job" aria-label="Job">
    <p role="status"><strong>${job.status}</strong>${job.stage ? html` · ${job.stage}` : ''} <span class="muted">job ${job.id}</span></p>
    ${
      incumbent !== null || bound !== null
        ? html`<dl class="figures">
            <div><dt>Best roster so far</dt><dd>${money(incumbent, currency)}</dd></div>
            <div><dt>Bound</dt><dd>${money(bound, currency)}</dd></div>
            <div><dt>Gap</dt><dd>${percent(gap, 2)}</dd></div>
          </dl>`
        : ''
    }
    ${job.error ? html`<div class="alert" role="alert"><p>${job.error.message}</p></div>` : ''} ${actions}
  </section>`;
}

export const running = (job: Job | null) => job !== null && (job.status === 'queued' || job.status === 'running');
