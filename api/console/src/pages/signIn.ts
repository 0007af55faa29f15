import { html, render, type TemplateResult } from 'lit-html';
import { failure } from '../page.js';
import { type Session, signIn } from '../session.js';

/** The sign-in form: an API key, checked by the server; the key stays in this tab only. */
export function signInPage(main: HTMLElement, signal: AbortSignal, done: (s: Session) => void): void {
  const draw = (error: TemplateResult | '' = '', busy = false) => {
    if (signal.aborted) return;
    render(
      html`<section class="signin">
        <h1>Sign in</h1>
        <p>Sign in with the API key your administrator made for you (<code>shiftcast keys add</code>). It is kept for this tab only.</p>
        <form @submit=${submit}>
          <label for="key">API key</label>
          <input id="key" name="key" type="password" autocomplete="off" required spellcheck="false" />
          <button type="submit" ?disabled=${busy}>Sign in</button>
        </form>
        ${error}
      </section>`,
      main,
    );
  };
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const key = new FormData(event.target as HTMLFormElement).get('key')?.toString().trim() ?? '';
    draw('', true);
    try {
      done(await signIn(key));
    } catch (e) {
      draw(failure(e));
      (main.querySelector('#key') as HTMLInputElement | null)?.focus();
    }
  };
  draw();
  (main.querySelector('#key') as HTMLInputElement | null)?.focus();
}
