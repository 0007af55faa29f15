import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';

/** Where the built console is served from (git-ignored; `npm ci` builds it through `prepare`: build.ts). */
export const CONSOLE_DIST = join(import.meta.dirname, 'dist');

// The console loads its own script, styles and vega's inline SVG styles; it talks to this
// server only (connect-src 'self'), and vega runs without eval (charts.ts).
const POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The web console at `/` (page) and `/assets/` (script, styles), from the folder `npm ci` builds
 * (`prepare`: api/console/build.ts). Without a build, `/` says how to make one, and the API is
 * unaffected.
 */
export function consoleRoutes(dist = CONSOLE_DIST): Router {
  const built = () => existsSync(join(dist, 'index.html'));
  const policy: express.RequestHandler = (_req, res, next) => {
    res.set('Content-Security-Policy', POLICY);
    // Small files that change with each release: revalidated (ETag), never served stale.
    res.set('Cache-Control', 'no-cache');
    next();
  };
  return express
    .Router()
    .get('/', policy, (_req, res) => {
      if (built()) res.sendFile(join(dist, 'index.html'));
      else
        res
          .status(503)
          .type('text/plain')
          .send('The console is not built: run `npm run build:console` (npm ci does it), then reload. The API is at /v1.\n');
    })
    .use('/assets', policy, express.static(dist, { index: false, fallthrough: true }));
}
