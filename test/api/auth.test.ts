import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server.js';
import { openStore } from '../../src/store/open.js';
import { bearer, makeKeys, serve, tempStore } from './support.js';

type Role = 'admin' | 'planner' | 'finance';

/**
 * Every authenticated endpoint with the roles that may use it. Bodies are deliberately
 * incomplete so that an allowed role gets past the key check (to a 400/404) without starting
 * any work; a refused role must get 403 before the body is even looked at.
 */
const ENDPOINTS: { method: string; path: string; roles: Role[]; body?: unknown }[] = [
  { method: 'POST', path: '/v1/plans', roles: ['planner', 'admin'], body: {} },
  { method: 'GET', path: '/v1/plans', roles: ['planner', 'finance', 'admin'] },
  { method: 'GET', path: '/v1/plans/0123456789', roles: ['planner', 'finance', 'admin'] },
  { method: 'GET', path: '/v1/plans/0123456789/files/roster.json', roles: ['planner', 'finance', 'admin'] },
  { method: 'POST', path: '/v1/plans/0123456789/scenarios', roles: ['finance', 'planner', 'admin'], body: {} },
  { method: 'GET', path: '/v1/jobs/0123456789abcdef', roles: ['planner', 'finance', 'admin'] },
  { method: 'DELETE', path: '/v1/jobs/0123456789abcdef', roles: ['planner', 'admin'] },
  { method: 'POST', path: '/v1/config/validate', roles: ['planner', 'finance', 'admin'], body: {} },
  { method: 'GET', path: '/v1/keys', roles: ['admin'] },
  { method: 'POST', path: '/v1/keys', roles: ['admin'], body: {} },
  { method: 'DELETE', path: '/v1/keys/nosuchkey', roles: ['admin'] },
  { method: 'GET', path: '/v1/me', roles: ['planner', 'finance', 'admin'] },
];

describe('API keys and roles', async () => {
  const store = tempStore();
  const keys = await makeKeys(store);
  let server: RunningServer;
  beforeAll(async () => {
    server = await serve(store);
  });
  afterAll(() => server.close());

  const call = (e: (typeof ENDPOINTS)[number], headers: Record<string, string> = {}) =>
    fetch(server.url + e.path, {
      method: e.method,
      headers: { 'content-type': 'application/json', ...headers },
      body: e.body === undefined ? undefined : JSON.stringify(e.body),
    });

  for (const e of ENDPOINTS) {
    it(`${e.method} ${e.path} answers 401 without a key and with a wrong one`, async () => {
      for (const headers of [{}, bearer('sk_not-a-key'), { Authorization: 'Basic YWRtaW46YWRtaW4=' }]) {
        const r = await call(e, headers);
        expect(r.status).toBe(401);
        expect(r.headers.get('www-authenticate')).toBe('Bearer');
        expect(((await r.json()) as any).error).toBe('unauthorized');
      }
    });

    for (const role of ['planner', 'finance', 'admin'] as const) {
      const allowed = e.roles.includes(role);
      it(`${e.method} ${e.path} ${allowed ? 'lets' : 'refuses (403)'} the ${role} role`, async () => {
        const r = await call(e, bearer(keys[role]));
        if (allowed) expect([200, 400, 404]).toContain(r.status);
        else {
          expect(r.status).toBe(403);
          expect(((await r.json()) as any).error).toBe('forbidden');
        }
      });
    }
  }

  it('stops accepting a key once it is revoked, without a restart', async () => {
    const { info, key } = await openStore(store).keys.add('planner', 'short-lived');
    expect((await fetch(`${server.url}/v1/plans`, { headers: bearer(key) })).status).toBe(200);
    expect(await openStore(store).keys.revoke(info.id)).toBe(true);
    expect((await fetch(`${server.url}/v1/plans`, { headers: bearer(key) })).status).toBe(401);
  });

  it("GET /v1/me answers the calling key's record, never the key", async () => {
    const listed = (await openStore(store).keys.list()) as { id: string; role: string }[];
    for (const role of ['planner', 'finance', 'admin'] as const) {
      const r = await fetch(`${server.url}/v1/me`, { headers: bearer(keys[role]) });
      expect(r.status).toBe(200);
      const me = (await r.json()) as any;
      expect(me).toEqual(listed.find((k) => k.id === me.id));
      expect(me.role).toBe(role);
      expect(JSON.stringify(me)).not.toContain(keys[role]);
    }
    expect((await (await fetch(`${server.url}/v1/me`, { headers: bearer(keys.admin) })).json()) as any).toMatchObject({
      name: 'test admin',
    });
  });

  it('leaves health, readiness and the API document open', async () => {
    for (const path of ['/v1/health', '/v1/openapi.json']) expect((await fetch(server.url + path)).status).toBe(200);
    expect([200, 503]).toContain((await fetch(`${server.url}/v1/ready`)).status);
  });
});
