import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportFixture } from './reportFixture.js';
import { CHROMIUM, chromiumPresent, launchChromium } from '../support/chromium.js';

if (!chromiumPresent)
  console.warn(`SKIPPED: report.html in headless Chromium needs ${CHROMIUM} (Debian package chromium; .ci/run installs it).`);

describe('report.html in headless Chromium', () => {
  it.runIf(chromiumPresent)('opens with no network and draws every chart as SVG', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'report-page-'));
    const page = path.join(dir, 'report.html');
    writeFileSync(page, await reportFixture({ withTradeoff: true }));
    // A fresh profile each run (playwright takes it as the persistent context's directory).
    const context = await launchChromium({ offline: true });
    try {
      const tab = await context.newPage();
      const requests: string[] = [];
      tab.on('request', (r) => void (r.url().startsWith('file:') || requests.push(r.url())));
      await tab.goto(pathToFileURL(page).href);
      await tab.screenshot({ path: path.join(dir, 'report.png'), fullPage: true });
      for (const id of ['contacts', 'coverage', 'cost', 'tradeoff']) {
        // Vega draws each data mark inside a `role-mark` group; axes and legends are elsewhere.
        const marks = await tab.locator(`#chart-${id} svg .role-mark > *`).count();
        expect(marks, `chart ${id} draws its data`).toBeGreaterThan(2);
        const box = await tab.locator(`#chart-${id} svg`).boundingBox();
        expect(box!.width).toBeGreaterThan(300);
      }
      expect(requests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
