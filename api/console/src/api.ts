import createClient from 'openapi-fetch';
import type { PlanConfig } from '../../../src/domain/config.js';
import type { PlanSummary } from '../../../src/report/summary.js';
import type { components, paths } from '../api.js';

/** The API client, typed by the document the server publishes (api.d.ts, `npm run gen:api`). */
export type Api = ReturnType<typeof createClient<paths>>;
export type KeyInfo = components['schemas']['KeyInfo'];
export type Job = components['schemas']['Job'];
export type PlanListItem = components['schemas']['PlanListItem'];
type ErrorBody = components['schemas']['Error'];

/** A refusal of the API, with its message (and the fields it names) for the page to show. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

/** A client that sends `key` with every request. */
export function apiClient(key: string): Api {
  return createClient<paths>({ baseUrl: '/v1', headers: { Authorization: `Bearer ${key}` } });
}

/** The answer's data, or an ApiFailure carrying the server's message. */
export function answer<T>(r: { data?: T; error?: unknown; response: Response }): T {
  if (r.response.ok) return r.data as T;
  const e = (r.error ?? {}) as Partial<ErrorBody>;
  throw new ApiFailure(r.response.status, e.error ?? String(r.response.status), e.message ?? r.response.statusText, e.fields ?? []);
}

/** A plan's summary.json. The document gives that answer no schema: it is typed by the engine's own PlanSummary. */
export async function planSummary(api: Api, planId: string): Promise<PlanSummary> {
  return answer(await api.GET('/plans/{plan_id}', { params: { path: { plan_id: planId } } })) as never;
}

/** The configuration a plan was made with (its config.json: every default filled in). */
export async function planConfig(api: Api, planId: string): Promise<PlanConfig> {
  return JSON.parse(await planFile(api, planId, 'config.json')) as PlanConfig;
}

/** A plan file as text (CSV and JSON alike). */
export async function planFile(api: Api, planId: string, name: string): Promise<string> {
  const r = await api.GET('/plans/{plan_id}/files/{name}', {
    params: { path: { plan_id: planId, name: name as never } },
    parseAs: 'text',
  });
  return answer(r) as string;
}

const ENDED = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * Polls a job every second until it ends, reporting each state; stops early (without a last
 * report) when `signal` aborts, e.g. when the user leaves the page.
 */
export async function watchJob(api: Api, id: string, onState: (job: Job) => void, signal: AbortSignal): Promise<Job | null> {
  for (;;) {
    if (signal.aborted) return null;
    const job = answer(await api.GET('/jobs/{id}', { params: { path: { id } } }));
    if (signal.aborted) return null;
    onState(job);
    if (ENDED.has(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
