import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (package chromium; .ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the browser is here; tests that need it skip, saying so, when it is not. */
export const chromiumPresent = existsSync(CHROMIUM);

/**
 * Headless Chromium in a fresh profile, started the way this closed network needs: without the
 * background connections (updates, sync, QUIC) that it would otherwise try and be refused.
 */
export function launchChromium(options: Parameters<typeof chromium.launchPersistentContext>[1] = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    ...options,
  });
}
