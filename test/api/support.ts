import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createLogger } from '../../api/logger.js';
import { startServer, type RunningServer, type ServeOptions } from '../../api/server.js';
import { PLAN_MARKER } from '../../src/store/folder/planFolders.js';
import { openStore } from '../../src/store/open.js';
import { rosterCheck } from '../support/cli.js';
import { tempStore } from './synthetic.js';

export { heavyConfig, NAMED_AGENTS_CSV, namedConfig, smallConfig, syntheticHistory, tempStore, tinyConfig } from './synthetic.js';

/** Starts the real service on a loopback port (any free one), logs silenced. */
export function serve(store: string, o: Partial<ServeOptions> = {}): Promise<RunningServer> {
  return startServer({
    store,
    port: 0,
    host: '127.0.0.1',
    workers: 1,
    maxQueued: 50,
    jobTimeoutSeconds: 300,
    logger: createLogger('silent'),
    rateLimit: false,
    ...o,
  });
}

/** One key of each role in the store. */
export async function makeKeys(store: string): Promise<{ admin: string; planner: string; finance: string }> {
  const { keys } = openStore(store);
  return {
    admin: (await keys.add('admin', 'test admin')).key,
    planner: (await keys.add('planner')).key,
    finance: (await keys.add('finance')).key,
  };
}

export const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });

/** Polls a job until it ends (or the deadline passes); returns its last state. */
export async function waitForJob(
  url: string,
  key: string,
  id: string,
  deadlineMs = 240_000,
  until: (status: string) => boolean = (s) => ['succeeded', 'failed', 'cancelled'].includes(s),
): Promise<Record<string, any>> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const job = (await (await fetchPolitely(`${url}/v1/jobs/${id}`, { headers: bearer(key) })).json()) as Record<string, any>;
    if (until(job.status) || Date.now() > end) return job;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * `fetch` as a well-behaved client does it: on 429 it waits the Retry-After the server asks for
 * and tries again (a few times), so that many jobs polled at once are not failed by the key's
 * rate limit they ran into.
 */
export async function fetchPolitely(url: string, init?: RequestInit, tries = 5): Promise<Response> {
  for (let k = 1; ; k++) {
    const r = await fetch(url, init);
    if (r.status !== 429 || k >= tries) return r;
    await new Promise((done) => setTimeout(done, 1000 * Number(r.headers.get('retry-after') ?? 1)));
  }
}

/** Waits until /v1/ready says ready (the workers have loaded the engine). */
export async function waitReady(url: string, deadlineMs = 60_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while ((await fetch(`${url}/v1/ready`)).status !== 200) {
    if (Date.now() > end) throw new Error('the service did not become ready');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Fetches a plan's config, requirements and roster through the API and checks the roster:
 * 168 hours, staffed recomputed from the shifts, and the SPEC's independent checker when present.
 */
export async function verifyPlanThroughApi(url: string, key: string, planId: string): Promise<Record<string, any>> {
  const get = async (name: string) => {
    const r = await fetch(`${url}/v1/plans/${planId}/files/${name}`, { headers: bearer(key) });
    expect(r.status).toBe(200);
    return r.text();
  };
  const [config, requirements, rosterText] = [await get('config.json'), await get('requirements.csv'), await get('roster.json')];
  const roster = JSON.parse(rosterText) as {
    status: string;
    shifts: { pool: string; start: string; hours: number; agents: number }[];
    hourly: { timestamp: string; staffed: number }[];
  };
  expect(['optimal', 'feasible']).toContain(roster.status);
  expect(roster.hourly).toHaveLength(168);
  const productivity = new Map((JSON.parse(config).pools as { id: string; productivity: number }[]).map((p) => [p.id, p.productivity]));
  const slot = new Map(roster.hourly.map((h, i) => [h.timestamp, i]));
  const staffed = new Array(168).fill(0);
  for (const s of roster.shifts) {
    const first = slot.get(s.start)!;
    for (let k = 0; k < s.hours; k++) staffed[(first + k) % 168] += s.agents * productivity.get(s.pool)!;
  }
  roster.hourly.forEach((h, i) => expect(h.staffed).toBeCloseTo(staffed[i], 6));
  const dir = mkdtempSync(join(tmpdir(), 'shiftcast-verify-'));
  const files = { config: join(dir, 'config.json'), requirements: join(dir, 'requirements.csv'), roster: join(dir, 'roster.json') };
  writeFileSync(files.config, config);
  writeFileSync(files.requirements, requirements);
  writeFileSync(files.roster, rosterText);
  const verdict = rosterCheck(files.config, files.requirements, files.roster);
  if (verdict) expect(verdict.errors).toEqual([]);
  return roster;
}

/** POSTs a plan request as the given key. */
export const postPlan = (url: string, key: string, body: unknown) =>
  fetch(`${url}/v1/plans`, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(key) }, body: JSON.stringify(body) });

/** What a whole plan folder holds (SPEC section 5, and the marker proving Shiftcast wrote it), sorted. */
export const WHOLE_PLAN_FOLDER = [
  PLAN_MARKER,
  'config.json',
  'forecast.csv',
  'report.html',
  'requirements.csv',
  'roster.csv',
  'roster.json',
  'summary.json',
];

/** The store's plan folders (non-hidden entries), each checked to be whole. */
export function wholePlanFolders(store: string): string[] {
  const names = readdirSync(store).filter((n) => !n.startsWith('.'));
  for (const n of names) expect(readdirSync(join(store, n)).sort()).toEqual(WHOLE_PLAN_FOLDER);
  return names;
}

/**
 * Runs `test` against a fresh store with keys and a ready server, closing the server after.
 */
export async function withServer(
  o: Partial<ServeOptions>,
  test: (s: { server: RunningServer; keys: Awaited<ReturnType<typeof makeKeys>>; store: string }) => Promise<void>,
): Promise<void> {
  const store = tempStore();
  const keys = await makeKeys(store);
  const server = await serve(store, o);
  try {
    await waitReady(server.url);
    await test({ server, keys, store });
  } finally {
    await server.close();
  }
}

/**
 * A plan folder as makePlan writes it, with a made-up summary: enough for the read endpoints.
 * Its report.html is shaped like src/report/page.ts: an inline <style>, inline SVG with style attributes.
 */
export async function fakePlan(store: string, id: string, week = '2026-11-30', created = '2026-11-27T10:00:00.000Z'): Promise<void> {
  const summary = {
    plan_id: id,
    week_start: `${week}T00:00`,
    created,
    status: 'optimal',
    currency: 'CNY',
    cost: { total: 1000 },
    alerts: [
      {
        kind: 'over_budget',
        severity: 'critical',
        hours: [],
        value: 1.2,
        threshold: 1.1,
        message: 'The roster costs more than the budget allows.',
      },
    ],
    files: [],
  };
  await openStore(store).plans.write(`${week}_${id}`, {
    'config.json': '{}\n',
    'forecast.csv': 'timestamp,contacts,lo80,hi80\n',
    'requirements.csv': 'timestamp,contacts,handled_contacts,aht_seconds,agents_needed,staff_needed\n',
    'roster.json': '{"status":"optimal"}\n',
    'roster.csv': 'pool,start,hours,agents\n',
    'summary.json': JSON.stringify(summary),
    'report.html':
      '<!doctype html><html><head><meta charset="utf-8"><title>plan</title><style>body{font:14px system-ui}</style></head><body><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect style="fill:#b00020" width="10" height="10"/></svg></body></html>',
  });
}
