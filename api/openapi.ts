import { z } from 'zod';
import { configSchema } from '../src/domain/config.js';
import * as s from './schemas.js';
import { PLAN_FILE_TYPES } from './planFolders.js';

/** A zod schema as a JSON Schema for the document (requests: what may be sent, defaults optional). */
const json = (schema: z.ZodType, io: 'input' | 'output' = 'input') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const reply = (description: string, schema?: object) => ({
  description,
  ...(schema ? { content: { 'application/json': { schema } } } : {}),
});
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const idParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const secured = { security: [{ apiKey: [] }] };
/** The health checks and this document: no key, and only what any request may get (431). */
const open = { security: [] };

/**
 * The OpenAPI 3.1 document of `/v1`, built from the same zod schemas that validate the requests
 * (one source of truth). Roles are given per operation in `x-roles`.
 */
export function openApiDocument(): object {
  const document = {
    openapi: '3.1.0',
    info: {
      title: 'Shiftcast',
      version: '1',
      description: 'Contact-center workforce planning: forecast, staffing, roster, report. Long operations are jobs.',
      // package.json's UNLICENSED: the service is not offered under an open licence.
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/v1' }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'a key made with `shiftcast keys add`' } },
      schemas: {
        Config: json(configSchema),
        PlanRequest: json(s.planRequestSchema),
        ScenariosRequest: json(s.scenariosRequestSchema),
        IntradayRequest: json(s.intradayRequestSchema),
        IntradayAnswer: json(s.intradayAnswerSchema, 'output'),
        KeyRequest: json(s.keyRequestSchema),
        KeyInfo: json(s.keyInfoSchema, 'output'),
        Job: json(s.jobSchema, 'output'),
        JobAccepted: json(s.jobAcceptedSchema, 'output'),
        PlanListItem: json(s.planListItemSchema, 'output'),
        PlanSummary: json(s.planSummarySchema, 'output'),
        Error: json(s.errorSchema, 'output'),
      },
      responses: Object.fromEntries(
        [
          [400, 'invalid input; `fields` names each problem'],
          [401, 'missing or wrong API key'],
          [403, "the key's role may not do this"],
          [404, 'no such resource'],
          [409, 'the job has already ended'],
          [413, 'the request body is larger than the server accepts'],
          [415, 'the request body is not JSON (send Content-Type: application/json) or its encoding is not supported'],
          [429, 'queue full or rate limited; see Retry-After'],
          [431, 'the request headers are larger than 16 KB'],
          [503, 'store_unavailable: the plan store cannot be written; try again later'],
        ].map(([code, text]) => [`E${code}`, reply(String(text), ref('Error'))]),
      ),
    },
    paths: {
      '/health': { get: { ...open, operationId: 'getHealth', summary: 'liveness', responses: { 200: reply('alive'), ...errors(431) } } },
      '/ready': {
        get: {
          ...open,
          operationId: 'getReady',
          summary: 'readiness: store writable, and the job queue and its workers up',
          responses: { 200: reply('ready'), 503: reply('not ready'), ...errors(431) },
        },
      },
      '/openapi.json': {
        get: { ...open, operationId: 'getOpenApi', summary: 'this document', responses: { 200: reply('the document'), ...errors(431) } },
      },
      '/me': {
        get: {
          ...secured,
          operationId: 'getMe',
          'x-roles': ['any'],
          summary: "the calling key's record: who is signed in, with which role",
          responses: { 200: reply('the key', ref('KeyInfo')), ...errors(401) },
        },
      },
      '/plans': {
        post: {
          ...secured,
          'x-roles': ['planner', 'admin'],
          operationId: 'createPlan',
          summary: 'plan a week (a job)',
          requestBody: body('PlanRequest'),
          responses: { 202: reply('queued; Location is the job', ref('JobAccepted')), ...errors(400, 401, 403, 413, 415, 429, 503) },
        },
        get: {
          ...secured,
          'x-roles': ['any'],
          operationId: 'listPlans',
          summary: 'plans, newest first',
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000 } }],
          responses: {
            200: reply('plans', { type: 'object', properties: { plans: { type: 'array', items: ref('PlanListItem') } } }),
            ...errors(401),
          },
        },
      },
      '/plans/{plan_id}': {
        get: {
          ...secured,
          'x-roles': ['any'],
          operationId: 'getPlan',
          summary: "the plan's summary.json with links to its files",
          parameters: [idParam('plan_id')],
          responses: { 200: reply('summary', ref('PlanSummary')), ...errors(401, 404) },
        },
      },
      '/plans/{plan_id}/files/{name}': {
        get: {
          ...secured,
          'x-roles': ['any'],
          operationId: 'getPlanFile',
          summary:
            'one file of the plan (schedule.csv only when it was planned with named agents, events.csv only when events touched its week)',
          parameters: [
            idParam('plan_id'),
            {
              name: 'name',
              in: 'path',
              required: true,
              schema: {
                enum: Object.keys(PLAN_FILE_TYPES),
              },
            },
          ],
          responses: { 200: reply('the file'), ...errors(401, 404) },
        },
      },
      '/plans/{plan_id}/scenarios': {
        post: {
          ...secured,
          'x-roles': ['finance', 'planner', 'admin'],
          operationId: 'runScenarios',
          summary: 'cost/service trade-off grid (a job; its result is the scenarios JSON)',
          parameters: [idParam('plan_id')],
          requestBody: body('ScenariosRequest'),
          responses: { 202: reply('queued; Location is the job', ref('JobAccepted')), ...errors(400, 401, 403, 404, 413, 415, 429, 503) },
        },
      },
      '/plans/{plan_id}/intraday': {
        post: {
          ...secured,
          'x-roles': ['planner', 'admin'],
          operationId: 'answerIntraday',
          summary:
            "the rest of the week re-forecast from the actuals so far, and the day's corrections (answered at once; logged beside the plan)",
          parameters: [idParam('plan_id')],
          requestBody: body('IntradayRequest'),
          responses: { 200: reply('the intraday answer', ref('IntradayAnswer')), ...errors(400, 401, 403, 413, 415, 503) },
        },
      },
      '/jobs/{id}': {
        get: {
          ...secured,
          'x-roles': ['any'],
          operationId: 'getJob',
          summary: 'job status, stage, progress and result',
          parameters: [idParam('id')],
          responses: { 200: reply('the job', ref('Job')), ...errors(401, 404) },
        },
        delete: {
          ...secured,
          'x-roles': ['planner', 'admin'],
          operationId: 'cancelJob',
          summary: 'cancel a queued or running job',
          parameters: [idParam('id')],
          responses: { 200: reply('cancelled', ref('Job')), ...errors(401, 403, 404, 409, 503) },
        },
      },
      '/config/validate': {
        post: {
          ...secured,
          'x-roles': ['any'],
          operationId: 'validateConfig',
          summary: 'validate a config.json without running it',
          requestBody: body('Config'),
          responses: { 200: reply('valid; the config with defaults'), ...errors(400, 401, 413, 415) },
        },
      },
      '/keys': {
        get: {
          ...secured,
          'x-roles': ['admin'],
          operationId: 'listKeys',
          summary: 'the keys (never the keys themselves)',
          responses: {
            200: reply('keys', { type: 'object', properties: { keys: { type: 'array', items: ref('KeyInfo') } } }),
            ...errors(401, 403),
          },
        },
        post: {
          ...secured,
          'x-roles': ['admin'],
          operationId: 'createKey',
          summary: 'make a key; the key is in this answer only',
          requestBody: body('KeyRequest'),
          responses: { 201: reply('the new key'), ...errors(400, 401, 403, 413, 415, 503) },
        },
      },
      '/keys/{id}': {
        delete: {
          ...secured,
          'x-roles': ['admin'],
          operationId: 'revokeKey',
          summary: 'revoke a key',
          parameters: [idParam('id')],
          responses: { 204: reply('revoked'), ...errors(401, 403, 404, 503) },
        },
      },
    },
  };
  // Every keyed route is behind the rate limiter (app.ts), so each may answer 429.
  for (const operations of Object.values(document.paths) as Record<string, { security?: unknown[]; responses: object }>[])
    for (const op of Object.values(operations))
      if (op.security && op.security.length > 0) op.responses = { ...op.responses, ...errors(429) };
  return document;
}
