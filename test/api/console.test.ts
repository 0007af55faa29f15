import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { consoleRoutes } from '../../api/console/serve.js';

const app = (dist: string) => express().use(consoleRoutes(dist));

describe('serving the web console', () => {
  const dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Shiftcast</title>');
  writeFileSync(join(dist, 'app.js'), 'export {};');

  it('serves the page at / under a policy that loads only from this server, never eval', async () => {
    const r = await request(app(dist)).get('/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    const policy = r.headers['content-security-policy'];
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(r.headers['cache-control']).toBe('no-cache');
  });

  it('serves the bundle under /assets/ and nothing else from the folder at the root', async () => {
    const js = await request(app(dist)).get('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await request(app(dist)).get('/app.js')).status).toBe(404);
  });

  it('says how to build it when it is not built, and leaves the rest alone', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'console-none-'));
    mkdirSync(join(empty, 'x'));
    const r = await request(app(empty)).get('/');
    expect(r.status).toBe(503);
    expect(r.text).toContain('npm run build:console');
  });
});
