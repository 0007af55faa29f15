import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server.js';
import { REPO } from '../support/cli.js';
import { bearer, fakePlan, makeKeys, serve, smallConfig, syntheticHistory, tempStore } from './support.js';

/** One HTTP exchange with full control of the request line, headers and body bytes. */
function exchange(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string | number>,
  body?: Buffer | string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes raw bytes to the server and reads until it closes the connection. */
function rawExchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** The SPEC error shape, with no stack and no file path in it. */
function expectErrorBody(text: string, error: string): Record<string, any> {
  const body = JSON.parse(text) as Record<string, any>;
  expect(body.error).toBe(error);
  expect(typeof body.message).toBe('string');
  expect(text).not.toMatch(/\n\s+at |node_modules|\/tmp\/|\/work\//);
  return body;
}

describe('the HTTP edge of the API', async () => {
  const store = tempStore();
  const keys = await makeKeys(store);
  let server: RunningServer;
  let url: string;
  beforeAll(async () => {
    await fakePlan(store, 'cccccccccc');
    server = await serve(store);
    url = server.url;
  });
  afterAll(() => server.close());

  const JSON_ROUTES = [
    { path: '/v1/config/validate', key: () => keys.finance },
    { path: '/v1/plans', key: () => keys.planner },
    { path: '/v1/plans/cccccccccc/scenarios', key: () => keys.finance },
    { path: '/v1/keys', key: () => keys.admin },
  ];

  for (const route of JSON_ROUTES) {
    it(`POST ${route.path} answers 415 to a body that is not JSON`, async () => {
      const cases: [string, Record<string, string>, string][] = [
        ['text/plain', { 'content-type': 'text/plain' }, '{"role": "planner"}'],
        ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'role=planner'],
        ['no content-type', {}, '{"role": "planner"}'],
      ];
      for (const [what, headers, body] of cases) {
        const r = await exchange(url, 'POST', route.path, { ...bearer(route.key()), ...headers }, body);
        expect(r.status, what).toBe(415);
        expect(expectErrorBody(r.text, 'unsupported_media_type').message).toMatch(/application\/json/);
      }
    });

    it(`POST ${route.path} answers 400 when the JSON body is missing`, async () => {
      const r = await exchange(url, 'POST', route.path, { ...bearer(route.key()), 'content-type': 'application/json' });
      expect(r.status).toBe(400);
      expectErrorBody(r.text, 'invalid_input');
    });
  }

  it('still reads JSON sent as application/json with a charset, and gzipped JSON', async () => {
    const body = JSON.stringify({ role: 'planner', name: 'edge' });
    const plain = await exchange(
      url,
      'POST',
      '/v1/keys',
      { ...bearer(keys.admin), 'content-type': 'application/json; charset=utf-8' },
      body,
    );
    expect(plain.status).toBe(201);
    const zipped = await exchange(
      url,
      'POST',
      '/v1/keys',
      { ...bearer(keys.admin), 'content-type': 'application/json', 'content-encoding': 'gzip' },
      gzipSync(body),
    );
    expect(zipped.status).toBe(201);
  });

  it('answers 400 to a gzip body that is not gzip', async () => {
    const r = await exchange(
      url,
      'POST',
      '/v1/config/validate',
      { ...bearer(keys.finance), 'content-type': 'application/json', 'content-encoding': 'gzip' },
      Buffer.from('this is not gzip at all'),
    );
    expect(r.status).toBe(400);
    expectErrorBody(r.text, 'invalid_input');
  });

  it('answers 400 to a malformed percent-encoded path', async () => {
    for (const path of ['/v1/plans/%E0%A4%A', '/v1/plans/%E0%A4%A/files/report.html', '/v1/jobs/%ZZ']) {
      const r = await exchange(url, 'GET', path, bearer(keys.finance));
      expect(r.status, path).toBe(400);
      expectErrorBody(r.text, 'invalid_input');
    }
  });

  it('answers a 60 KB header with 431 and a JSON error, then closes the connection', async () => {
    const reply = await rawExchange(url, `GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(60 * 1024)}\r\n\r\n`);
    const [head, body] = reply.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/\r\nconnection: close/i);
    expect(head).toMatch(/\r\ncontent-type: application\/json/i);
    expect(Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1])).toBe(Buffer.byteLength(body));
    expectErrorBody(body, 'headers_too_large');
  });

  it('answers a request the HTTP parser cannot read with 400 and a JSON error', async () => {
    const reply = await rawExchange(url, 'GET /v1/health HTTP/1.1\r\nHost x\r\n\r\n');
    const [head, body] = reply.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/\r\nconnection: close/i);
    expectErrorBody(body, 'bad_request');
  });

  it('sends nosniff and no-store on JSON answers, errors included', async () => {
    for (const [path, status] of [
      ['/v1/health', 200],
      ['/v1/plans', 200],
      ['/v1/openapi.json', 200],
      ['/v1/nothing-here', 404],
      ['/v1/keys', 403],
    ] as const) {
      const r = await exchange(url, 'GET', path, bearer(keys.finance));
      expect(r.status, path).toBe(status);
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
      expect(r.headers['cache-control'], path).toBe('no-store');
    }
    const unauthorized = await exchange(url, 'GET', '/v1/plans', {});
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers['cache-control']).toBe('no-store');
  });

  it('sends nosniff on plan files, which a browser may keep only privately and must revalidate', async () => {
    for (const name of ['forecast.csv', 'roster.csv', 'roster.json', 'summary.json', 'report.html']) {
      const r = await exchange(url, 'GET', `/v1/plans/cccccccccc/files/${name}`, bearer(keys.finance));
      expect(r.status, name).toBe(200);
      expect(r.headers['x-content-type-options'], name).toBe('nosniff');
      expect(r.headers['cache-control'], name).toBe('private, no-cache');
      const again = await exchange(url, 'GET', `/v1/plans/cccccccccc/files/${name}`, {
        ...bearer(keys.finance),
        'if-none-match': String(r.headers.etag),
      });
      expect(again.status, name).toBe(304);
    }
  });

  it('serves report.html with a CSP that lets its inline styles and SVG render and loads nothing else', async () => {
    const r = await exchange(url, 'GET', '/v1/plans/cccccccccc/files/report.html', bearer(keys.finance));
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(r.headers['content-security-policy']);
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('style-src')).toContain("'unsafe-inline'");
    expect(directives.get('img-src')).toContain('data:');
    // No directive helmet adds by default may undo that (style-src-attr would block style="").
    expect(directives.has('style-src-attr')).toBe(false);
    expect(directives.has('upgrade-insecure-requests')).toBe(false);
  });

  it("keeps helmet's strict default CSP off JSON (nothing to render) but lets nothing frame it", async () => {
    const r = await exchange(url, 'GET', '/v1/health', {});
    expect(r.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });

  it('documents 415 on every operation that takes a JSON body', async () => {
    const doc = JSON.parse((await exchange(url, 'GET', '/v1/openapi.json', {})).text) as any;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        if (op.requestBody) expect(op.responses, `${method} ${path}`).toHaveProperty(['415']);
      }
    }
    expect(doc.components.responses).toHaveProperty(['E415']);
  });
});

/**
 * A store the service cannot write. Tests run as root, which ignores file permissions, so the
 * service runs in a child process as `nobody` (as the current user when not root) and the store
 * is made read-only under it: the same EACCES a real read-only store gives.
 */
describe('an unwritable plan store', async () => {
  const store = tempStore();
  const keys = await makeKeys(store);
  const asRoot = process.getuid?.() === 0;
  let child: ChildProcess;
  let url: string;
  let log = '';

  /** chmod every file and folder of the store (the store included). */
  const walk = (path: string, f: (p: string, dir: boolean) => void): void => {
    const dir = statSync(path).isDirectory();
    if (dir) for (const name of readdirSync(path)) walk(join(path, name), f);
    f(path, dir);
  };

  beforeAll(async () => {
    if (asRoot) walk(store, (p) => chownSync(p, 65534, 65534));
    child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test/api/serveChild.ts'), store], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      env: { ...process.env, HOME: store },
    });
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /LISTENING (\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`the service exited (${code}): ${log}`)));
    });
    walk(store, (p, dir) => chmodSync(p, dir ? 0o555 : 0o444));
  });
  afterAll(() => {
    walk(store, (p, dir) => chmodSync(p, dir ? 0o755 : 0o644));
    child?.kill('SIGTERM');
  });

  it('answers 503 store_unavailable, without a path, when a key cannot be stored', async () => {
    const r = await exchange(
      url,
      'POST',
      '/v1/keys',
      { ...bearer(keys.admin), 'content-type': 'application/json' },
      JSON.stringify({ role: 'planner' }),
    );
    expect(r.status).toBe(503);
    expect(expectErrorBody(r.text, 'store_unavailable').message).toMatch(/the plan store cannot be written/);
    expect(r.text).not.toContain(store);
    // The operator's log has the details.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(log).toMatch(/EACCES/);
  });

  it('answers 503 store_unavailable when a plan job cannot be stored', async () => {
    const body = { config: smallConfig(), history: syntheticHistory(4) };
    const r = await exchange(
      url,
      'POST',
      '/v1/plans',
      { ...bearer(keys.planner), 'content-type': 'application/json' },
      JSON.stringify(body),
    );
    expect(r.status).toBe(503);
    expectErrorBody(r.text, 'store_unavailable');
    expect(r.text).not.toContain(store);
  });

  it('reports not ready while the store is not writable', async () => {
    const r = await exchange(url, 'GET', '/v1/ready', {});
    expect(r.status).toBe(503);
    expect(JSON.parse(r.text).checks.store).toBe(false);
  });
});
