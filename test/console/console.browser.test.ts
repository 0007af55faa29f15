import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConsole } from '../../api/console/build.js';
import { generateSampleCenter } from '../../src/sample/center.js';
import { type ShiftcastProcess, startShiftcast } from '../api/processes.js';
import { CHROMIUM, chromiumPresent, launchChromium } from '../support/chromium.js';
import { REPO, shiftcast } from '../support/cli.js';

if (!chromiumPresent)
  console.warn(`SKIPPED: the web console in headless Chromium needs ${CHROMIUM} (Debian package chromium; .ci/run installs it).`);

/** Where the screenshots of every page visited go (ignored by git). */
const ARTIFACTS = join(REPO, 'test-artifacts', 'console');
const DESKTOP = { width: 1280, height: 900 };
const TABLET = { width: 820, height: 1180 };
/** The sample center with history up to this day plans the week of Monday 2026-11-30. */
const TODAY = '2026-11-25';
/** Planning the sample week takes 20-50 s on a loaded 2-core machine. */
const PLAN_MS = 200_000;
const FILES = ['history.csv', 'config.json', 'events.csv', 'agents.csv'] as const;
/** The miss risk per hour the planner staffs the sample week to, in the form (config.json has none). */
const RISK_PERCENT = 20;

/**
 * The web console at `/` of a real `shiftcast serve` process, in headless Chromium: sign in,
 * plan the sample center's week from uploaded files, read the plan and its schedule, run a
 * scenario grid as finance. Each page visited is saved as a full-page screenshot in
 * test-artifacts/console/. The tests run in order and share one browser tab.
 */
describe.runIf(chromiumPresent)('the web console in headless Chromium', () => {
  const sample = generateSampleCenter(TODAY);
  /** agents.csv's rows as [id, pool]. */
  const agents = sample.agentsCsv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').slice(0, 2));
  const agentIds = agents.map(([id]) => id);
  const pools = [...new Set(agents.map(([, pool]) => pool))];
  let dir: string;
  let server: ShiftcastProcess;
  let url: string;
  const keys = { planner: '', finance: '' };
  let context: BrowserContext;
  let page: Page;
  /** Uncaught errors of the page, over the whole session. */
  const pageErrors: string[] = [];
  /** The plan the planner made (through the console; through the API if that failed). */
  let planId: string | undefined;

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const keyField = () => page.getByLabel('API key');
  const signInButton = () => page.getByRole('button', { name: 'Sign in' });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
    const store = join(dir, 'store');
    for (const role of ['planner', 'finance'] as const) {
      const made = await shiftcast(['keys', 'add', '--role', role, '--name', `e2e ${role}`, '--store', store]);
      expect(made.code, made.stderr).toBe(0);
      keys[role] = made.stdout.trim().split('\n').at(-1)!;
    }
    const inputs = join(dir, 'inputs');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'history.csv'), sample.historyCsv);
    writeFileSync(join(inputs, 'config.json'), `${JSON.stringify(sample.config, null, 2)}\n`);
    writeFileSync(join(inputs, 'events.csv'), sample.eventsCsv);
    writeFileSync(join(inputs, 'agents.csv'), sample.agentsCsv);

    // The console as its sources are now (npm ci's `prepare` builds it once; esbuild takes a second).
    await buildConsole();
    server = startShiftcast(['serve', '--store', store, '--port', '0', '--workers', '1'], { SHIFTCAST_DATABASE_URL: '' });
    url = String((await server.line((l) => l.msg === 'listening')).url);
    for (const end = Date.now() + 60_000; (await fetch(`${url}/v1/ready`)).status !== 200; ) {
      if (Date.now() > end) throw new Error('the service did not become ready');
      await new Promise((r) => setTimeout(r, 200));
    }

    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    context = await launchChromium({ viewport: DESKTOP, acceptDownloads: true });
    page = await context.newPage();
    // A missing element fails its step in seconds, not after playwright's 30 s.
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => void pageErrors.push(e.message));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      const stopped = await Promise.race([server.exited, new Promise((r) => setTimeout(r, 15_000, 'timeout'))]);
      if (stopped === 'timeout') server.child.kill('SIGKILL');
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  /** Whether `locator` is the focused element. */
  const focused = (locator: Locator) => locator.evaluate((el) => el === el.ownerDocument.activeElement);

  const signIn = async (key: string) => {
    await page.goto(`${url}/`);
    await keyField().fill(key);
    await signInButton().click();
    await expect.poll(() => page.getByRole('button', { name: 'Sign out' }).isVisible(), { timeout: 15_000 }).toBe(true);
  };

  const signOut = async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => keyField().isVisible(), { timeout: 10_000 }).toBe(true);
  };

  /** The plan id, planning through the API when the console did not: the later steps still get a plan to read. */
  const ensurePlan = async (): Promise<string> => {
    if (planId) return planId;
    const headers = { Authorization: `Bearer ${keys.planner}`, 'Content-Type': 'application/json' };
    const body = {
      config: { ...sample.config, service: { ...(sample.config.service as object), max_miss_probability: RISK_PERCENT / 100 } },
      history: sample.historyCsv,
      events: sample.eventsCsv,
      agents: sample.agentsCsv,
      week: sample.weekStart,
    };
    const accepted = await fetch(`${url}/v1/plans`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(accepted.status, await accepted.clone().text()).toBe(202);
    const { job_id } = (await accepted.json()) as { job_id: string };
    for (const end = Date.now() + PLAN_MS; ; ) {
      const job = (await (await fetch(`${url}/v1/jobs/${job_id}`, { headers })).json()) as Record<string, any>;
      if (job.status === 'succeeded') return (planId = String(job.plan_id));
      if (['failed', 'cancelled'].includes(job.status) || Date.now() > end) throw new Error(`plan job ${JSON.stringify(job)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  it('shows the sign-in form, reachable by keyboard; a wrong key shows the server message and stays there', async () => {
    await page.goto(`${url}/`);
    await expect.poll(() => keyField().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await signInButton().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await shot('01-sign-in');

    // Tab from the top of the page reaches the key field, then the Sign in button.
    let reachedField = false;
    let reachedButton = false;
    for (let i = 0; i < 15 && !reachedButton; i++) {
      await page.keyboard.press('Tab');
      if (!reachedField) reachedField = await focused(keyField());
      else reachedButton = await focused(signInButton());
    }
    expect(reachedField, 'Tab reaches the "API key" field').toBe(true);
    expect(reachedButton, 'Tab reaches the "Sign in" button after the key field').toBe(true);

    // Enter in the field submits the form: the server refuses the key, the page says so.
    await keyField().focus();
    await page.keyboard.type('sc_not-a-real-key');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await alert.textContent()).toContain('a valid API key is required');
    expect(await keyField().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await page.evaluate<number>('sessionStorage.length + localStorage.length')).toBe(0);
    await shot('02-sign-in-wrong-key');
  });

  it('signs the planner in: banner, plans page, key in sessionStorage only', async () => {
    await signIn(keys.planner);
    await expect.poll(() => page.getByText('Signed in as e2e planner (planner)').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Plans' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Plans' }).isVisible()).toBe(true);
    // The plans page is the console's home: `/` itself, or its route `#/plans`.
    expect(new URL(page.url()).hash).toMatch(/^(#\/plans)?$/);
    // No plan yet: the page says so in place of an empty table (the table is checked once a plan exists).
    expect(await page.getByText('No plans yet').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'New plan' }).isVisible()).toBe(true);
    // The key is kept for the tab's session alone: not in localStorage, not in a cookie.
    const storage = await page.evaluate<{ session: string; local: number; cookie: string }>(
      '({ session: JSON.stringify(Object.values(sessionStorage)), local: localStorage.length, cookie: document.cookie })',
    );
    expect(storage.session).toContain(keys.planner);
    expect(storage.local).toBe(0);
    expect(storage.cookie).toBe('');
    await shot('03-plans');
  });

  it(
    'plans the sample week from uploaded files and shows the job until it succeeds',
    async () => {
      await page.getByRole('button', { name: 'New plan' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 2, name: 'New plan' }).isVisible()).toBe(true);
      expect(await page.getByRole('radio', { name: 'Upload files' }).isChecked()).toBe(true);
      expect(await page.getByRole('radio', { name: 'Same inputs as the last plan' }).count()).toBe(1);
      expect(await page.getByRole('radio', { name: 'Server workspace' }).count()).toBe(1);
      // The miss risk is the uploaded (or last) config's to change; a workspace's config.json keeps its own.
      const riskField = page.getByLabel('Miss risk per hour, at most (%)');
      await page.getByRole('radio', { name: 'Server workspace' }).check();
      await expect.poll(() => riskField.count()).toBe(0);
      await page.getByRole('radio', { name: 'Upload files' }).check();
      await riskField.fill(String(RISK_PERCENT));
      for (const name of FILES) await page.getByLabel(name, { exact: true }).setInputFiles(join(dir, 'inputs', name));
      await page.getByLabel('Week', { exact: true }).fill(sample.weekStart);
      await shot('04-new-plan');
      await page.getByRole('button', { name: 'Plan the week' }).click();

      const job = page.getByRole('region', { name: 'Job' });
      const status = job.getByRole('status');
      await expect.poll(() => status.isVisible(), { timeout: 15_000 }).toBe(true);
      // While it runs: the status and stage, the solver's figures, a Cancel button.
      let text = '';
      let sawCancel = false;
      let sawFigures = false;
      let running = false;
      /** Each distinct status line shown, and what the API said of the job's progress meanwhile (for the failure message). */
      const shown = new Set<string>();
      const apiProgress = new Set<string>();
      for (const end = Date.now() + PLAN_MS; Date.now() < end; ) {
        text = ((await status.textContent()) ?? '').replace(/\s+/g, ' ').trim();
        shown.add(text);
        const jobId = /job (\w+)/.exec(text)?.[1];
        if (jobId) {
          const j = (await (
            await fetch(`${url}/v1/jobs/${jobId}`, { headers: { Authorization: `Bearer ${keys.planner}` } })
          ).json()) as any;
          apiProgress.add(`${j.status} ${j.stage} ${JSON.stringify(j.progress)}`);
        }
        if (/\b(succeeded|failed|cancelled)\b/.test(text)) break;
        expect(text).toMatch(/\b(queued|running)\b/);
        if (/\brunning\b/.test(text) && !running) {
          running = true;
          sawCancel = await job.getByRole('button', { name: 'Cancel job' }).isVisible();
          await shot('05-job-running');
        }
        const all = (await job.textContent()) ?? '';
        // Each figure with its value (a dash until the solver has one); the incumbent is shown as "Best roster so far".
        const figures = [/(incumbent|best roster so far)\s*\D{0,4}\d/i, /bound\s*\D{0,4}\d/i, /gap\s*\d/i];
        if (running && !sawFigures && figures.every((f) => f.test(all))) {
          sawFigures = true;
          await shot('05-job-running-figures');
        }
        await page.waitForTimeout(250);
      }
      expect(text).toContain('succeeded');
      await shot('06-job-succeeded');
      expect(running, 'the status said running while the plan was made').toBe(true);
      expect(sawCancel, 'a "Cancel job" button while the job runs').toBe(true);
      expect(
        sawFigures,
        `incumbent, bound and gap figures while the job runs; shown: ${[...shown].join(' | ')}; API: ${[...apiProgress].join(' | ')}`,
      ).toBe(true);
      expect(await job.getByRole('button', { name: 'Cancel job' }).count()).toBe(0);
      const open = job.getByRole('link', { name: 'Open plan' });
      expect(await open.isVisible()).toBe(true);
      const href = (await open.getAttribute('href')) ?? '';
      expect(href).toMatch(/#\/plans\/[0-9a-f]+$/);
      planId = href.split('/').at(-1);
      // The list below now has the new plan, first.
      const first = page.getByRole('table', { name: 'Plans' }).locator('tbody tr').first();
      await expect.poll(() => first.getByRole('link').first().textContent(), { timeout: 10_000 }).toBe(planId);
      await open.click();
    },
    PLAN_MS + 30_000,
  );

  it(
    'opens the plan: its heading, sections and links, and no horizontal scrollbar on a tablet',
    async () => {
      const id = await ensurePlan();
      if (!page.url().endsWith(`#/plans/${id}`)) await page.goto(`${url}/#/plans/${id}`);
      const h1 = page.getByRole('heading', { level: 1 });
      await expect.poll(() => h1.textContent(), { timeout: 15_000 }).toMatch(/^Week of /);
      expect(await h1.textContent()).toContain(sample.weekStart);
      for (const name of ['Needs a decision', 'Key figures', 'Staffed and needed', 'Cost', 'Schedule', 'Fairness', 'Files'])
        expect(await page.getByRole('heading', { level: 2, name, exact: true }).count(), `section "${name}"`).toBe(1);
      expect(await page.getByRole('link', { name: 'Scenarios', exact: true }).isVisible()).toBe(true);
      expect(await page.getByRole('link', { name: 'Today', exact: true }).isVisible()).toBe(true);
      // The service risk (summary.json's service_risk) among the key figures, in the report's words.
      const risk = page.locator('dl.figures div', { has: page.locator('dt', { hasText: 'Service risk' }) });
      expect(await risk.locator('dd').textContent()).toMatch(
        new RegExp(
          `^\\d+\\.\\d% chance the week misses its service level; [\\d.]+ hours expected to miss their target \\(staffed for at most ${RISK_PERCENT}\\.0% miss risk per hour\\)$`,
        ),
      );
      await shot('07-plan');

      await page.setViewportSize(TABLET);
      try {
        await page.waitForTimeout(300); // charts redraw to the new width
        await shot('07-plan-tablet');
        const { scroll, client } = await page.evaluate<{ scroll: number; client: number }>(
          '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
        );
        expect(scroll, `the plan page at ${TABLET.width}x${TABLET.height} is ${scroll} px wide in ${client} px`).toBeLessThanOrEqual(
          client,
        );
      } finally {
        await page.setViewportSize(DESKTOP);
      }
    },
    PLAN_MS + 30_000,
  );

  it('finds one agent in the schedule by id, and filters it by pool', async () => {
    const id = await ensurePlan();
    if (!page.url().endsWith(`#/plans/${id}`)) await page.goto(`${url}/#/plans/${id}`);
    const table = page.getByRole('table', { name: 'Schedule' });
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(agentIds.length);

    const pool = page.getByRole('combobox', { name: 'Pool' });
    const options = (await pool.locator('option').allTextContents()).map((o) => o.trim());
    expect(options[0]).toBe('All pools');
    for (const p of pools) expect(options.some((o) => o === p || o.startsWith(`${p} `))).toBe(true);

    const agent = agentIds[41];
    const search = page.getByRole('searchbox', { name: 'Search agent' });
    await search.fill(agent);
    await expect.poll(() => rows.count(), { timeout: 5_000 }).toBe(1);
    expect((await rows.first().locator('th, td').first().textContent())?.trim()).toBe(agent);
    await search.scrollIntoViewIfNeeded();
    await shot('08-schedule-search');

    // The pool filter alone: every row of the night pool, none of another.
    await search.fill('');
    await pool.selectOption({ label: options.find((o) => o === 'night' || o.startsWith('night '))! });
    const night = agents.filter(([, pool]) => pool === 'night').map(([id]) => id);
    await expect.poll(() => rows.count(), { timeout: 5_000 }).toBe(night.length);
    expect((await rows.locator(':scope > :first-child').allTextContents()).map((t) => t.trim()).sort()).toEqual(night.sort());
    await pool.selectOption({ label: 'All pools' });
  });

  it('does not offer plan creation to a finance key', async () => {
    const id = await ensurePlan();
    await signOut();
    expect(await page.evaluate<string>('JSON.stringify(Object.values(sessionStorage))'), 'signing out forgets the key').not.toContain(
      keys.planner,
    );
    await signIn(keys.finance);
    await expect.poll(() => page.getByText('Signed in as e2e finance (finance)').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Plans' }).isVisible()).toBe(true);
    const table = page.getByRole('table', { name: 'Plans' });
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 10_000 }).toBe(1);
    const first = table.locator('tbody tr').first();
    expect((await first.getByRole('link').first().textContent())?.trim()).toBe(id);
    const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
    for (const column of ['Week', 'Status', 'Cost', 'Budget used', 'Alerts']) expect(headers).toContain(column);
    expect(await page.getByRole('button', { name: 'New plan' }).count()).toBe(0);
    await shot('09-finance-plans');
  });

  it('runs a three-point budget scenario as finance and shows its grid', async () => {
    const id = await ensurePlan();
    if (!(await page.getByText('Signed in as e2e finance (finance)').isVisible())) await signIn(keys.finance);
    await page.goto(`${url}/#/plans/${id}`);
    await expect.poll(() => page.getByRole('link', { name: 'Scenarios', exact: true }).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('link', { name: 'Scenarios', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Scenarios' }).isVisible()).toBe(true);
    expect(page.url()).toContain(`#/plans/${id}/scenarios`);

    await page.getByRole('combobox', { name: 'Field' }).selectOption('budget');
    await page.getByRole('textbox', { name: 'From' }).fill('400000');
    await page.getByRole('textbox', { name: 'To' }).fill('600000');
    const points = page.getByRole('spinbutton', { name: 'Points' });
    expect(await points.inputValue()).toBe('3');
    await page.getByRole('button', { name: 'Run scenarios' }).click();

    const grid = page.getByRole('table', { name: 'Scenario grid' });
    await expect.poll(() => grid.isVisible(), { timeout: 120_000, interval: 500 }).toBe(true);
    expect(await grid.locator('tbody tr').count()).toBe(3);
    const budgets = (await grid.locator('tbody tr').allTextContents()).join('\n');
    for (const value of [/400[,\s.]?000/, /500[,\s.]?000/, /600[,\s.]?000/]) expect(budgets).toMatch(value);
    expect(await page.getByRole('table', { name: 'Shadow prices' }).isVisible()).toBe(true);
    const download = page.getByRole('button', { name: 'Download CSV' });
    expect(await download.isVisible()).toBe(true);
    await shot('10-scenarios');

    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10_000 }), download.click()]);
    const csv = readFileSync((await file.path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv.length, 'the CSV: a header and one line per point').toBe(4);
    expect(csv[0]).toContain('budget');
  }, 180_000);

  it('had no uncaught error in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
