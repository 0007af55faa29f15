import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../api/server.js';
import { bearer, fakePlan, makeKeys, serve, smallConfig, syntheticHistory, tempStore } from './support.js';

describe('the REST API endpoints', async () => {
  const store = tempStore();
  const keys = await makeKeys(store);
  let server: RunningServer;
  let url: string;
  const json = (path: string, body: unknown, key = keys.planner, method = 'POST') =>
    fetch(url + path, {
      method,
      headers: { 'content-type': 'application/json', ...bearer(key) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (path: string, key = keys.finance) => fetch(url + path, { headers: bearer(key) });

  beforeAll(async () => {
    mkdirSync(join(store, '.config-only'));
    writeFileSync(join(store, '.config-only', 'config.json'), '{}');
    await fakePlan(store, 'aaaaaaaaaa', '2026-11-23', '2026-11-20T10:00:00.000Z');
    await fakePlan(store, 'bbbbbbbbbb', '2026-11-30', '2026-11-27T10:00:00.000Z');
    server = await serve(store);
    url = server.url;
  });
  afterAll(() => server.close());

  it('answers health', async () => {
    const r = await fetch(`${url}/v1/health`);
    expect(r.status).toBe(200);
    expect((await r.json()) as any).toEqual({ status: 'ok' });
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers readiness with the state of the store and the workers', async () => {
    const r = await fetch(`${url}/v1/ready`);
    const body = (await r.json()) as any;
    expect(body.checks.store).toBe(true);
    expect(r.status).toBe(body.checks.workers ? 200 : 503);
  });

  it('serves an OpenAPI 3 document whose request schemas come from the validating zod schemas', async () => {
    const doc = (await (await fetch(`${url}/v1/openapi.json`)).json()) as any;
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/health',
      '/ready',
      '/openapi.json',
      '/plans',
      '/plans/{plan_id}',
      '/plans/{plan_id}/files/{name}',
      '/plans/{plan_id}/scenarios',
      '/jobs/{id}',
      '/config/validate',
      '/keys',
      '/keys/{id}',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    const config = doc.components.schemas.Config.properties;
    expect(config.service.properties.service_level).toMatchObject({ exclusiveMinimum: 0, exclusiveMaximum: 1 });
    expect(Object.keys(doc.components.schemas.PlanRequest.properties).sort()).toEqual([
      'agents',
      'config',
      'events',
      'history',
      'pins',
      'previous',
      'week',
      'workspace',
    ]);
  });

  it('validates a good config and fills in its defaults', async () => {
    const r = await json('/v1/config/validate', { budget: 900000 }, keys.finance);
    expect(r.status).toBe(200);
    const body = (await r.json()) as any;
    expect(body.valid).toBe(true);
    expect(body.config.budget).toBe(900000);
    expect(body.config.min_coverage).toBe(0.95);
  });

  it('names each bad field of a config with 400', async () => {
    const r = await json('/v1/config/validate', { min_coverage: 1.5, service: { service_level: 2 }, budjet: 1 }, keys.finance);
    expect(r.status).toBe(400);
    const body = (await r.json()) as any;
    expect(body.error).toBe('invalid_input');
    expect(body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['budjet', 'min_coverage', 'service.service_level'].sort());
    expect(body.fields).toContainEqual({ path: 'budjet', message: 'unknown field (did you mean budget?)' });
  });

  describe('POST /v1/plans with bad input', () => {
    const good = () => ({ config: smallConfig(), history: syntheticHistory(2) });
    const cases: [string, unknown, string][] = [
      ['a bad config field', { ...good(), config: { ...smallConfig(), service: { service_level: 1.2 } } }, 'config.service.service_level'],
      [
        'a history CSV with a bad number',
        { ...good(), history: 'timestamp,contacts\n2026-11-23T00:00,5\n2026-11-23T01:00,x\n' },
        'history',
      ],
      ['a history CSV without the contacts column', { ...good(), history: 'timestamp,calls\n2026-11-23T00:00,5\n' }, 'history'],
      [
        'a history row with a negative count',
        {
          ...good(),
          history: [
            { timestamp: '2026-11-23T00:00', contacts: 5 },
            { timestamp: '2026-11-23T01:00', contacts: -1 },
          ],
        },
        'history.1.contacts',
      ],
      [
        'history rows with a duplicated timestamp',
        {
          ...good(),
          history: [
            { timestamp: '2026-11-23T00:00', contacts: 5 },
            { timestamp: '2026-11-23T00:00', contacts: 6 },
          ],
        },
        'history.1.timestamp',
      ],
      ['a history row with an unreadable timestamp', { ...good(), history: [{ timestamp: 'monday', contacts: 5 }] }, 'history.0.timestamp'],
      [
        'an event that ends before it starts',
        { ...good(), events: [{ start: '2026-12-01T10:00', end: '2026-12-01T09:00', kind: 'promotion' }] },
        'events.0.end',
      ],
      ['a week that is not a date', { ...good(), week: 'next week' }, 'week'],
      ['an unknown top-level field', { ...good(), colour: 'red' }, 'colour'],
      [
        'demand for a queue the history does not have',
        { ...good(), config: { ...smallConfig(), demand: { queues: { refunds: { bot_deflection: 0.9 } } } } },
        'config.demand.queues.refunds',
      ],
      ['an agents CSV with a bad max_hours', { ...good(), agents: 'id,pool,max_hours\nana,inhouse,40\nbo,inhouse,lots\n' }, 'agents'],
      [
        'an agent row in a pool the config does not have',
        {
          ...good(),
          agents: [
            { id: 'ana', pool: 'inhouse' },
            { id: 'bo', pool: 'night' },
          ],
        },
        'agents.1.pool',
      ],
      ['pins without agents', { ...good(), pins: 'agent,pool,start,hours\nana,inhouse,2026-12-01T09:00,8\n' }, 'pins'],
      [
        'a pin naming an agent not among the agents',
        {
          ...good(),
          agents: [{ id: 'ana', pool: 'inhouse' }],
          pins: [{ agent: 'zed', pool: 'inhouse', start: '2026-12-01T09:00', hours: 8 }],
        },
        'pins.0.agent',
      ],
      ['no history', { config: smallConfig() }, 'history'],
      ['a workspace the server does not have', { workspace: 'elsewhere' }, 'workspace'],
      ['a workspace name that climbs out of the store', { workspace: '../etc' }, 'workspace'],
      ['a workspace without history.csv', { workspace: 'config-only' }, 'workspace'],
    ];
    for (const [what, body, path] of cases) {
      it(`answers 400 naming ${path || 'the body'} for ${what}, and stores nothing`, async () => {
        const r = await json('/v1/plans', body);
        expect(r.status).toBe(400);
        const answer = (await r.json()) as any;
        expect(answer.error).toBe('invalid_input');
        expect(answer.fields.map((f: { path: string }) => f.path)).toContain(path);
        expect(JSON.stringify(answer)).not.toMatch(/\/work|\/tmp|\bat .*\.ts:\d+/);
        expect(existsSync(join(store, '.jobs')) ? readdirSync(join(store, '.jobs')) : []).toEqual([]);
      });
    }

    it('answers 400 to a body that is not JSON', async () => {
      const r = await json('/v1/plans', '{"config": ');
      expect(r.status).toBe(400);
      expect(((await r.json()) as any).error).toBe('invalid_input');
    });
  });

  it('lists plans newest first', async () => {
    const r = await get('/v1/plans');
    expect(r.status).toBe(200);
    const { plans } = (await r.json()) as any;
    expect(plans.map((p: { plan_id: string }) => p.plan_id)).toEqual(['bbbbbbbbbb', 'aaaaaaaaaa']);
    expect(plans[0]).toMatchObject({
      week_start: '2026-11-30T00:00',
      status: 'optimal',
      currency: 'CNY',
      cost: { total: 1000 },
      alerts: [{ kind: 'over_budget', severity: 'critical' }],
      url: '/v1/plans/bbbbbbbbbb',
    });
  });

  it('returns a plan summary with links to its files, by short id or folder name', async () => {
    for (const id of ['aaaaaaaaaa', '2026-11-23_aaaaaaaaaa']) {
      const body = (await (await get(`/v1/plans/${id}`)).json()) as any;
      expect(body.plan_id).toBe('aaaaaaaaaa');
      expect(body.links.files['roster.json']).toBe('/v1/plans/aaaaaaaaaa/files/roster.json');
    }
  });

  it('serves each plan file with its media type', async () => {
    const types: Record<string, RegExp> = {
      'roster.json': /application\/json/,
      'roster.csv': /text\/csv/,
      'report.html': /text\/html/,
      'forecast.csv': /text\/csv/,
      'requirements.csv': /text\/csv/,
      'summary.json': /application\/json/,
      'config.json': /application\/json/,
    };
    for (const [name, type] of Object.entries(types)) {
      const r = await get(`/v1/plans/aaaaaaaaaa/files/${name}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(type);
    }
    expect((await (await get('/v1/plans/aaaaaaaaaa/files/roster.json')).json()) as any).toEqual({ status: 'optimal' });
  });

  it('answers a JSON 404 for unknown plans, files, jobs and routes, never leaking paths', async () => {
    for (const path of [
      '/v1/plans/cccccccccc',
      '/v1/plans/..%2F..%2Fetc',
      '/v1/plans/aaaaaaaaaa/files/..%2Fsummary.json',
      '/v1/plans/aaaaaaaaaa/files/secret.txt',
      '/v1/jobs/ffffffffffffffff',
      '/v1/jobs/../../x',
      '/v1/nothing',
      '/elsewhere',
    ]) {
      const r = await get(path);
      expect(r.status).toBe(404);
      const body = (await r.json()) as any;
      expect(body.error).toBe('not_found');
      expect(JSON.stringify(body)).not.toContain(store);
    }
  });

  it('refuses scenarios on a field that cannot vary, or with bad values, naming vary.<field>', async () => {
    for (const vary of [{ colour: [1, 2] }, { budget: '900000:1200000:0' }]) {
      const r = await json('/v1/plans/aaaaaaaaaa/scenarios', { vary }, keys.finance);
      expect(r.status).toBe(400);
      const body = (await r.json()) as any;
      expect(body.error).toBe('invalid_input');
      expect(body.fields[0].path).toBe(`vary.${Object.keys(vary)[0]}`);
    }
  });

  it('says a null (no limit) is only for a field the config lets be null', async () => {
    const r = await json('/v1/plans/aaaaaaaaaa/scenarios', { vary: { min_coverage: [null, 0.9] } }, keys.finance);
    expect(r.status).toBe(400);
    const body = (await r.json()) as any;
    expect(body.fields).toEqual([{ path: 'vary.min_coverage', message: 'min_coverage cannot be null (no limit); give numbers' }]);
  });

  it('makes, lists and revokes keys for an admin, showing the key only once', async () => {
    const made = await json('/v1/keys', { role: 'finance', name: 'controller' }, keys.admin);
    expect(made.status).toBe(201);
    const key = (await made.json()) as any;
    expect(key.key).toMatch(/^sk_/);
    const listed = ((await (await get('/v1/keys', keys.admin)).json()) as any).keys;
    expect(listed.find((k: { id: string }) => k.id === key.id)).toMatchObject({ role: 'finance', name: 'controller', revoked: null });
    expect(JSON.stringify(listed)).not.toContain(key.key);
    expect((await get('/v1/plans', key.key)).status).toBe(200);
    expect((await json(`/v1/keys/${key.id}`, undefined, keys.admin, 'DELETE')).status).toBe(204);
    expect((await get('/v1/plans', key.key)).status).toBe(401);
    expect((await json(`/v1/keys/${key.id}`, undefined, keys.admin, 'DELETE')).status).toBe(404);
  });

  it('refuses a key with an unknown role, naming the field', async () => {
    const r = await json('/v1/keys', { role: 'owner' }, keys.admin);
    expect(r.status).toBe(400);
    expect(((await r.json()) as any).fields[0].path).toBe('role');
  });
});

describe('request limits', () => {
  it('answers 413 to a body over the size limit', async () => {
    const store = tempStore();
    const keys = await makeKeys(store);
    const server = await serve(store, { bodyLimit: '1kb' });
    try {
      const r = await fetch(`${server.url}/v1/plans`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(keys.planner) },
        body: JSON.stringify({ config: {}, history: syntheticHistory(1) }),
      });
      expect(r.status).toBe(413);
      expect(((await r.json()) as any).error).toBe('payload_too_large');
    } finally {
      await server.close();
    }
  });

  it('answers 429 rate_limited with Retry-After past the per-client rate, but keeps health open', async () => {
    const store = tempStore();
    const keys = await makeKeys(store);
    const server = await serve(store, { rateLimit: { windowSeconds: 60, limit: 5 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await fetch(`${server.url}/v1/plans`, { headers: bearer(keys.finance) })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const r = await fetch(`${server.url}/v1/plans`, { headers: bearer(keys.finance) });
      expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(((await r.json()) as any).error).toBe('rate_limited');
      expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
