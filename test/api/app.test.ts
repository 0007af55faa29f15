import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import type { JobQueue } from '../../api/jobs/queue.js';
import { createLogger } from '../../api/logger.js';
import { openStore } from '../../src/store/open.js';
import { bearer, makeKeys, tempStore, tinyConfig } from './support.js';

/**
 * createApp's wiring driven in-process by supertest (no port, no workers): these routes never
 * submit a job, so a queue that only answers its readiness checks stands in for the worker pool.
 */
async function app(workersReady: boolean) {
  const store = tempStore();
  const keys = await makeKeys(store);
  const queue = { checks: async () => ({ workers: workersReady }) } as unknown as JobQueue;
  return { keys, app: createApp({ store: openStore(store), queue, logger: createLogger('silent'), rateLimit: false }) };
}

describe('createApp without listening', () => {
  it('is ready only when its plan workers are, and says which check failed', async () => {
    await request((await app(true)).app)
      .get('/v1/ready')
      .expect(200, { status: 'ready', checks: { store: true, workers: true } });
    const r = await request((await app(false)).app)
      .get('/v1/ready')
      .expect(503);
    const checks = { store: true, workers: false };
    expect(r.body).toMatchObject({ error: 'not_ready', message: 'the plan workers are not running', checks });
  });

  it('validates a config for any key, filling in defaults, and asks for a key first', async () => {
    const { app: a, keys } = await app(true);
    await request(a).post('/v1/config/validate').send(tinyConfig()).expect(401);
    const r = await request(a).post('/v1/config/validate').set(bearer(keys.finance)).send(tinyConfig()).expect(200);
    expect(r.body.valid).toBe(true);
    expect(r.body.config.pools[0]).toMatchObject({ id: 'inhouse', productivity: 1 });
  });

  it('sends its headers on every answer, a JSON 404 included', async () => {
    const r = await request((await app(true)).app)
      .get('/v1/nothing-here')
      .expect(404)
      .expect('Content-Type', /json/);
    expect(r.body.error).toBe('not_found');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(r.headers['x-powered-by']).toBeUndefined();
  });
});
