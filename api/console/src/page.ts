import { html, nothing, render, type TemplateResult } from 'lit-html';
import { ApiFailure } from './api.js';
import type { Session } from './session.js';

/** What a page is drawn with: the signed-in session, where it draws, and a signal that aborts when the user leaves it. */
export interface Page {
  session: Session;
  signal: AbortSignal;
  /** Draws the page's content (ignored once the user has left). */
  draw: (content: TemplateResult) => void;
}

export function pageIn(main: HTMLElement, session: Session, signal: AbortSignal): Page {
  return {
    session,
    signal,
    draw: (content) => {
      if (!signal.aborted) render(content, main);
    },
  };
}

/** An error as the page shows it: the server's message and each field it names. */
export function failure(e: unknown): TemplateResult {
  const message = e instanceof Error ? e.message : String(e);
  const fields = e instanceof ApiFailure ? e.fields : [];
  return html`<div class="alert" role="alert">
    <p>${message}</p>
    ${fields.length > 0 ? html`<ul>${fields.map((f) => html`<li><code>${f.path}</code>: ${f.message}</li>`)}</ul>` : ''}
  </div>`;
}

/** The tabs of a plan's pages, each offered only when the role may call its operation. */
export function planTabs(planId: string, may: Session['may'], current: 'plan' | 'scenarios' | 'today'): TemplateResult {
  const tab = (page: typeof current, label: string, path: string, operationId?: string) =>
    operationId && !may(operationId)
      ? nothing
      : html`<a href="#/plans/${planId}${path}" aria-current=${page === current ? 'page' : nothing}>${label}</a>`;
  return html`<nav class="tabs" aria-label="Plan">
    ${tab('plan', 'Plan', '')}${tab('scenarios', 'Scenarios', '/scenarios', 'runScenarios')}${tab('today', 'Today', '/today', 'answerIntraday')}
  </nav>`;
}
