import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../api/errors.js';
import { createLogger } from '../../api/logger.js';
import { rateLimiter } from '../../api/rateLimit.js';

/** An app whose one route is behind its own limiter (no server: supertest drives it in-process). */
function limited(windowSeconds: number, limit: number) {
  return express()
    .use(rateLimiter({ windowSeconds, limit }))
    .get('/x', (_req, res) => {
      res.json({ ok: true });
    })
    .use(errorHandler(createLogger('silent')));
}

describe('rateLimiter', () => {
  it('lets `limit` requests through per window, then answers 429 rate_limited with Retry-After', async () => {
    const app = limited(60, 2);
    await request(app).get('/x').expect(200, { ok: true });
    await request(app).get('/x').expect(200, { ok: true });
    const r = await request(app).get('/x').expect(429);
    expect(r.body).toEqual({ error: 'rate_limited', message: 'more than 2 requests in 60 s; slow down' });
    expect(r.headers['retry-after']).toBe('60');
  });

  it('keeps refusing once over the limit', async () => {
    const app = limited(30, 1);
    await request(app).get('/x').expect(200);
    for (let i = 0; i < 3; i++) expect((await request(app).get('/x')).status).toBe(429);
  });

  it('sends the standard RateLimit headers counting down, and no legacy X-RateLimit headers', async () => {
    const app = limited(60, 3);
    const first = await request(app).get('/x');
    const second = await request(app).get('/x');
    expect(first.headers['ratelimit-policy']).toBe('3;w=60');
    expect(first.headers.ratelimit).toMatch(/limit=3, remaining=2, reset=\d+/);
    expect(second.headers.ratelimit).toMatch(/remaining=1/);
    expect(Object.keys(first.headers).filter((h) => h.startsWith('x-ratelimit'))).toEqual([]);
  });

  it('counts each limiter on its own', async () => {
    const a = limited(60, 1);
    const b = limited(60, 1);
    await request(a).get('/x').expect(200);
    await request(b).get('/x').expect(200);
    await request(a).get('/x').expect(429);
  });
});
