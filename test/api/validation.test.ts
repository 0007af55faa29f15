import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorHandler } from '../../api/errors.js';
import { createLogger } from '../../api/logger.js';
import { jsonBody, parseBody } from '../../api/validation.js';
import { inputError } from '../support/inputError.js';

const schema = z.strictObject({
  week: z.iso.date(),
  service: z.strictObject({ level: z.number().max(1).default(0.8) }).prefault({}),
});

describe('parseBody', () => {
  it('returns the parsed body, defaults filled in', () => {
    expect(parseBody(schema, { week: '2026-11-30' })).toEqual({ week: '2026-11-30', service: { level: 0.8 } });
  });

  it('parses a missing body as an empty object', () => {
    const loose = z.object({ n: z.number().default(3) });
    expect(parseBody(loose, undefined)).toEqual({ n: 3 });
    expect(parseBody(loose, null)).toEqual({ n: 3 });
  });

  it('throws an input error naming the first field, with every problem in `fields`', () => {
    const e = inputError(() => parseBody(schema, { week: 'soon', service: { level: 2 } }));
    expect(e.location).toEqual({ file: 'request body', field: 'week' });
    expect(e.message).toMatch(/^request body, field week: .+ \(and 1 more\)$/);
    expect(e.fields.map((f) => f.path)).toEqual(['week', 'service.level']);
  });

  it('says nothing of more problems when there is one, and names what was parsed', () => {
    const e = inputError(() => parseBody(schema, { week: 'soon' }, 'config'));
    expect(e.location).toEqual({ file: 'config', field: 'week' });
    expect(e.message).not.toMatch(/more\)/);
    expect(e.fields).toHaveLength(1);
  });

  it('names an unknown field and suggests the nearest known one', () => {
    const e = inputError(() => parseBody(schema, { week: '2026-11-30', servce: {} }));
    expect(e.fields).toEqual([{ path: 'servce', message: 'unknown field (did you mean service?)' }]);
  });

  it('names the root when the body itself is wrong', () => {
    const e = inputError(() => parseBody(schema, [1, 2]));
    expect(e.location.field).toBe('(root)');
    expect(e.fields[0].path).toBe('');
  });
});

describe('jsonBody', () => {
  const app = express()
    .post('/echo', jsonBody('1kb'), (req, res) => {
      res.json({ got: req.body });
    })
    .use(errorHandler(createLogger('silent')));

  it('reads a JSON body, with or without a charset, and +json media types', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/merge-patch+json']) {
      const r = await request(app).post('/echo').set('Content-Type', type).send('{"a":1}');
      expect(r.status, type).toBe(200);
      expect(r.body, type).toEqual({ got: { a: 1 } });
    }
  });

  it('answers 415 unsupported_media_type for a body not declared JSON, without reading it', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const r = await request(app).post('/echo').set('Content-Type', type).send('{"a":1}');
      expect(r.status, type).toBe(415);
      expect(r.body.error).toBe('unsupported_media_type');
      expect(r.body.message).toMatch(/Content-Type: application\/json/);
    }
  });

  it('answers 400 invalid_input to an empty JSON body (which the parser alone would read as {})', async () => {
    const r = await request(app).post('/echo').set('Content-Type', 'application/json').send('');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: 'invalid_input', fields: [{ path: '', message: 'a JSON request body is required' }] });
  });

  it('answers 400 for a body that is not JSON, and 413 past the limit', async () => {
    const bad = await request(app).post('/echo').set('Content-Type', 'application/json').send('{"a":');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'invalid_input', message: 'the request body is not valid JSON' });
    const big = await request(app)
      .post('/echo')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ a: 'x'.repeat(2000) }));
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('payload_too_large');
  });
});
