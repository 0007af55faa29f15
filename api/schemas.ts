import { z } from 'zod';
import { configSchema } from '../src/domain/config.js';
import { ROLES } from '../src/store/keyRecord.js';

/**
 * The request (and response) schemas of the API: they validate the requests and, through
 * z.toJSONSchema, make the OpenAPI document, so the two cannot disagree.
 */

/** One history row as JSON (the columns of history.csv; extra properties are ignored). */
export const historyRowSchema = z.looseObject({
  timestamp: z.string().min(1).describe('start of the interval, ISO 8601'),
  contacts: z.number().min(0).describe('contacts that arrived in the interval'),
  queue: z.string().min(1).optional(),
  aht_seconds: z.number().min(0).optional(),
});

/** One event row as JSON (the columns of events.csv; further numeric properties are regressors such as `audience`). */
export const eventRowSchema = z.looseObject({
  start: z.string().min(1),
  end: z.string().min(1),
  kind: z.string().min(1),
  name: z.string().optional(),
  intensity: z.number().min(0).optional(),
});

/** A `;`-separated cell of agents.csv, as text or as a list. */
const listCell = z.union([z.string(), z.array(z.string())]);

/** One agent as JSON (the columns of agents.csv, SPEC section 6). */
export const agentRowSchema = z.looseObject({
  id: z.string().min(1).describe('unique agent id'),
  pool: z.string().min(1).describe('a pool id of the config'),
  min_hours: z.number().min(0).optional(),
  max_hours: z.number().min(0).optional(),
  max_days: z.number().int().min(0).max(7).optional(),
  unavailable: listCell.optional().describe('local dates YYYY-MM-DD or ranges YYYY-MM-DD..YYYY-MM-DD (a list, or one text joined by ;)'),
  prefers_off: listCell.optional().describe('weekdays mon .. sun the agent would rather not work (soft)'),
  night: z
    .union([z.enum(['yes', 'no']), z.boolean()])
    .optional()
    .describe('no (or false): no shift covering a night slot'),
});

/** One shift of a named agent as JSON (the columns of schedule.csv). */
export const scheduleRowSchema = z.looseObject({
  agent: z.string().min(1),
  pool: z.string().min(1),
  start: z.string().min(1).describe('start of the shift, ISO 8601'),
  hours: z.number().int().min(1),
});

/** A server-side workspace: the folder `<store>/.<name>/` (as `shiftcast sample` writes `.sample-center`). */
export const WORKSPACE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** `POST /v1/plans`: config and history in the body, or a workspace (whose files the body may override). */
export const planRequestSchema = z
  .strictObject({
    workspace: z
      .string()
      .regex(WORKSPACE_NAME, 'use lower-case letters, digits, _ or -')
      .optional()
      .describe('plan from <store>/.<workspace>/ (config.json, history.csv, events.csv, agents.csv)'),
    config: configSchema.optional(),
    history: z.union([z.string().min(1).describe('history.csv as text'), z.array(historyRowSchema).min(1)]).optional(),
    events: z.union([z.string().describe('events.csv as text'), z.array(eventRowSchema)]).optional(),
    week: z.iso.date().optional().describe('first day of the week to plan'),
    agents: z
      .union([z.string().min(1).describe('agents.csv as text'), z.array(agentRowSchema).min(1)])
      .optional()
      .describe("named agents (SPEC section 6): their pools' shifts are assigned to them and the plan gains schedule.csv"),
    previous: z
      .union([z.string().min(1).describe('schedule.csv as text'), z.array(scheduleRowSchema)])
      .optional()
      .describe("last week's schedule.csv: rest and consecutive days count it (needs agents)"),
    pins: z
      .union([z.string().min(1).describe('schedule.csv as text'), z.array(scheduleRowSchema)])
      .optional()
      .describe('rows of a published schedule that must stay as they are (needs agents; each names an agent of agents)'),
  })
  .refine((b) => b.workspace !== undefined || b.history !== undefined, {
    message: 'give the history (CSV text or rows), or a workspace',
    path: ['history'],
  })
  .refine((b) => b.workspace !== undefined || b.config !== undefined, { message: 'give the config, or a workspace', path: ['config'] });
export type PlanRequest = z.infer<typeof planRequestSchema>;

/** One actuals row as JSON (history's columns and SPEC section 7's optional ones). */
export const actualsRowSchema = historyRowSchema.extend({
  asa_seconds: z.number().min(0).optional().describe('average speed of answer in the interval'),
  abandoned: z.number().min(0).optional().describe('contacts abandoned in the interval'),
  agents_available: z.number().min(0).optional().describe('agents logged in and available (on average) in the interval'),
});

/** `POST /v1/plans/{plan_id}/intraday` (SPEC section 7). */
export const intradayRequestSchema = z.strictObject({
  actuals: z.union([z.string().min(1).describe('the actuals as CSV text (history format)'), z.array(actualsRowSchema).min(1)]),
  now: z
    .string()
    .min(1)
    .optional()
    .describe("the time of the answer, ISO 8601 in the plan's zone (default: the end of the last actual interval)"),
});
export type IntradayRequest = z.infer<typeof intradayRequestSchema>;

const dayAction = z.object({
  kind: z.enum(['activate_standby', 'offer_overtime', 'offer_time_off']),
  pool: z.string(),
  start: z.string(),
  hours: z.number(),
  agents: z.number(),
  cost: z.number(),
  reason: z.string(),
});

/** The intraday answer (SPEC section 7), for the document. */
export const intradayAnswerSchema = z.object({
  now: z.string(),
  reforecast: z.array(z.object({ timestamp: z.string(), contacts: z.number(), lo80: z.number(), hi80: z.number() })),
  projected: z.array(
    z.object({ timestamp: z.string(), staffed: z.number(), agents_needed: z.number(), service_level: z.number(), asa_seconds: z.number() }),
  ),
  actions: z.array(dayAction),
  alerts: z.array(
    z.object({
      kind: z.string(),
      severity: z.enum(['critical', 'warning']),
      hours: z.array(z.string()),
      value: z.number(),
      threshold: z.number(),
      message: z.string(),
    }),
  ),
});

/** `POST /v1/keys`. */
export const keyRequestSchema = z.strictObject({
  role: z.enum(ROLES),
  name: z.string().max(100).optional(),
});

/** `POST /v1/plans/{plan_id}/scenarios`. */
export const scenariosRequestSchema = z.strictObject({
  // null in a list: no limit, for a field the config lets be null (checked with the field).
  vary: z.record(z.string(), z.union([z.string().regex(/^[^:]+:[^:]+:\d+$/, 'use a:b:n'), z.array(z.number().nullable()).min(1)])),
});

export const jobSchema = z.object({
  id: z.string(),
  kind: z.enum(['plan', 'scenarios']),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  stage: z.string(),
  progress: z.object({ incumbent: z.number().nullable(), bound: z.number().nullable(), gap: z.number().nullable() }),
  plan_id: z.string().nullable(),
  result: z.unknown(),
  error: z.object({ error: z.string(), message: z.string() }).nullable(),
  created: z.string(),
  started: z.string().nullable(),
  finished: z.string().nullable(),
  attempts: z.number().int(),
});

export const jobAcceptedSchema = z.object({ job_id: z.string(), status_url: z.string() });

export const errorSchema = z.object({
  error: z.string().describe('invalid_input, unauthorized, forbidden, not_found, busy, rate_limited, ...'),
  message: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const keyInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  created: z.string(),
  revoked: z.string().nullable(),
});

/** summary.json's service risk (issue 19; SPEC allows extra fields): the roster against the forecast's spread. */
export const serviceRiskSchema = z.object({
  max_miss_probability: z.number().nullable().describe('service.max_miss_probability the hours were staffed to; null: the point forecast'),
  week_miss_probability: z.number().min(0).max(1).describe("probability that the week's contact-weighted service level misses its target"),
  expected_missed_hours: z.number().min(0).describe('expected hours whose contacts exceed what their scheduled agents take at target'),
  hours: z
    .array(z.object({ timestamp: z.string(), miss_probability: z.number().min(0).max(1) }))
    .describe('every hour of the roster: the probability it misses its target (standby not counted)'),
});

/** `GET /v1/plans/{plan_id}`: summary.json (SPEC) with links to its files; the fields named here are the ones a client may rely on beyond SPEC's. */
export const planSummarySchema = z.looseObject({
  plan_id: z.string(),
  week_start: z.string(),
  status: z.string(),
  service_risk: serviceRiskSchema.optional().describe('absent for infeasible plans and plans made before issue 19'),
});

export const planListItemSchema = z.object({
  plan_id: z.string(),
  week_start: z.string(),
  created: z.string(),
  status: z.string(),
  currency: z.string().optional(),
  cost: z.unknown(),
  alerts: z.array(z.object({ kind: z.string(), severity: z.enum(['critical', 'warning']) })).describe("the plan's alerts, by kind"),
  url: z.string(),
});
