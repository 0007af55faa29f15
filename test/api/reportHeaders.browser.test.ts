import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server.js';
import { openStore } from '../../src/store/open.js';
import { reportFixture } from '../report/reportFixture.js';
import { bearer, makeKeys, serve, tempStore } from './support.js';
import { CHROMIUM, chromiumPresent, launchChromium } from '../support/chromium.js';

if (!chromiumPresent)
  console.warn(
    `SKIPPED: report.html through the API in headless Chromium needs ${CHROMIUM} (Debian package chromium; .ci/run installs it).`,
  );

/**
 * report.html as the API serves it, with every header the service sends (helmet's, the
 * report's own Content-Security-Policy): the browser must apply its inline styles and draw its
 * inline SVG charts, and report no policy violation.
 */
describe('report.html served by the API in headless Chromium', async () => {
  const store = tempStore();
  const keys = await makeKeys(store);
  let server: RunningServer;
  beforeAll(async () => {
    if (!chromiumPresent) return;
    const summary = {
      plan_id: 'dddddddddd',
      week_start: '2026-11-30T00:00',
      created: '2026-11-27T10:00:00.000Z',
      status: 'optimal',
      cost: { total: 1000 },
      files: [],
    };
    await openStore(store).plans.write('2026-11-30_dddddddddd', {
      'summary.json': JSON.stringify(summary),
      'report.html': await reportFixture({ withTradeoff: true }),
    });
    server = await serve(store);
  });
  afterAll(() => server?.close());

  it.runIf(chromiumPresent)('renders its inline styles and SVG with no Content-Security-Policy violation', async () => {
    const context = await launchChromium({ extraHTTPHeaders: bearer(keys.finance) });
    try {
      const tab = await context.newPage();
      const violations: string[] = [];
      tab.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && violations.push(m.text())));
      const response = await tab.goto(`${server.url}/v1/plans/dddddddddd/files/report.html`);
      expect(response!.status()).toBe(200);
      expect(response!.headers()['x-content-type-options']).toBe('nosniff');
      // The page's <style> sets the body margin to 2em (28px at 14px): the style was applied.
      expect(await tab.locator('body').evaluate((body) => body.ownerDocument.defaultView!.getComputedStyle(body).marginTop)).toBe('28px');
      for (const id of ['contacts', 'coverage', 'cost', 'tradeoff']) {
        expect(await tab.locator(`#chart-${id} svg .role-mark > *`).count(), `chart ${id}`).toBeGreaterThan(2);
      }
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
