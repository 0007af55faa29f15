import { html, render } from 'lit-html';
import { failure, pageIn } from './page.js';
import { planPage } from './pages/plan.js';
import { plansPage } from './pages/plans.js';
import { scenariosPage } from './pages/scenarios.js';
import { signInPage } from './pages/signIn.js';
import { todayPage } from './pages/today.js';
import { resume, type Session, signOut } from './session.js';

/**
 * The console: a hash router over four pages (plans, a plan, its scenarios, its day), each
 * calling only the public /v1 API with the signed-in key.
 */
const main = document.getElementById('main') as HTMLElement;
const top = document.getElementById('top') as HTMLElement;
let session: Session | null = null;
let leave = new AbortController();

const ROUTES: [RegExp, (page: ReturnType<typeof pageIn>, ...ids: string[]) => Promise<void>][] = [
  [/^#\/plans$/, plansPage],
  [/^#\/plans\/([\w-]+)$/, planPage],
  [/^#\/plans\/([\w-]+)\/scenarios$/, scenariosPage],
  [/^#\/plans\/([\w-]+)\/today$/, todayPage],
];

function header(): void {
  render(
    html`<nav aria-label="Main">
      <a class="brand" href="#/plans">Shiftcast</a>
      ${session ? html`<a href="#/plans">Plans</a>` : ''}
    </nav>
    ${
      session
        ? html`<p class="who">
            <span>Signed in as ${session.me.name || session.me.id} (${session.me.role})</span>
            <button type="button" @click=${out}>Sign out</button>
          </p>`
        : ''
    }`,
    top,
  );
}

function out(): void {
  signOut();
  session = null;
  location.hash = '#/plans';
  void route();
}

async function route(): Promise<void> {
  leave.abort();
  leave = new AbortController();
  header();
  if (!session) {
    signInPage(main, leave.signal, (s) => {
      session = s;
      void route();
    });
    return;
  }
  const hash = location.hash || '#/plans';
  for (const [pattern, page] of ROUTES) {
    const match = pattern.exec(hash);
    if (!match) continue;
    const p = pageIn(main, session, leave.signal);
    try {
      await page(p, ...match.slice(1));
    } catch (e) {
      p.draw(html`<h1>Something went wrong</h1>${failure(e)}<p><a href="#/plans">Back to the plans</a></p>`);
    }
    return;
  }
  location.hash = '#/plans';
}

// lit renders after what a container holds: the page's "Loading…" goes first.
main.replaceChildren();
window.addEventListener('hashchange', () => void route());
session = await resume();
await route();
