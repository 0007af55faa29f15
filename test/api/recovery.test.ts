import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { planInputs } from '../../api/planInputs.js';
import { REPO } from '../support/cli.js';
import { deadPid } from '../support/process.js';
import {
  heavyConfig,
  makeKeys,
  postPlan,
  serve,
  syntheticHistory,
  tempStore,
  tinyConfig,
  waitForJob,
  waitReady,
  wholePlanFolders,
} from './support.js';

const inputs = (scale = 1) => planInputs({ config: tinyConfig(), history: syntheticHistory(4, scale) }, tempStore());

describe('restart recovery', () => {
  it('marks a job failed with a reason when a restart finds it running for the last allowed time', async () => {
    const store = tempStore();
    const jobs = openStore(store).jobs;
    const job = await jobs.create('plan', { kind: 'plan', inputs: inputs() });
    await jobs.update(job.id, { status: 'running', stage: 'planning', attempts: 2, started: new Date().toISOString() });
    const server = await serve(store);
    try {
      const after = (await jobs.get(job.id))!;
      expect(after.status).toBe('failed');
      expect(after.error?.error).toBe('interrupted');
      expect(after.error?.message).toMatch(/server stopped while this job ran/);
      expect(existsSync(join(store, '.jobs', `${job.id}.inputs.json`))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('forgets jobs that ended more than 30 days ago, and keeps the recent ones', async () => {
    const store = tempStore();
    const jobs = openStore(store).jobs;
    const old = await jobs.create('plan', { kind: 'plan', inputs: inputs() });
    await jobs.update(old.id, { status: 'succeeded', finished: new Date(Date.now() - 40 * 86_400_000).toISOString() });
    const recent = await jobs.create('plan', { kind: 'plan', inputs: inputs() });
    await jobs.update(recent.id, { status: 'failed', finished: new Date(Date.now() - 86_400_000).toISOString() });
    const server = await serve(store);
    await server.close();
    expect(await jobs.get(old.id)).toBeNull();
    expect((await jobs.get(recent.id))?.status).toBe('failed');
  });

  it('removes the half-written plan a crashed process left, and only that', async () => {
    const store = tempStore();
    const dead = join(store, `.tmp-2026-11-30_0123456789-${await deadPid()}-abcd1234`);
    const alive = join(store, `.tmp-2026-11-30_9876543210-${process.pid}-abcd1234`);
    for (const dir of [dead, alive]) {
      mkdirSync(dir);
      writeFileSync(join(dir, 'forecast.csv'), 'timestamp,contacts,lo80,hi80\n');
    }
    const server = await serve(store);
    await server.close();
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(alive)).toBe(true);
  });
});

describe('restart recovery with the engine', () => {
  it('runs the queued jobs and re-runs the one that was running', async () => {
    const store = tempStore();
    const keys = await makeKeys(store);
    const jobs = openStore(store).jobs;
    const queued = await jobs.create('plan', { kind: 'plan', inputs: inputs(1) });
    const running = await jobs.create('plan', { kind: 'plan', inputs: inputs(2) });
    await jobs.update(running.id, { status: 'running', stage: 'planning', attempts: 1, started: new Date().toISOString() });
    const server = await serve(store);
    try {
      for (const id of [queued.id, running.id]) {
        const job = await waitForJob(server.url, keys.planner, id);
        expect(job.status).toBe('succeeded');
      }
      expect((await waitForJob(server.url, keys.planner, running.id)).attempts).toBe(2);
      expect(wholePlanFolders(store)).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it('survives `shiftcast serve` being killed in the middle of a plan: no half plan, the job is re-run', async () => {
    const store = tempStore();
    const keys = await makeKeys(store);
    const child = spawn(process.execPath, [resolve(REPO, 'bin/shiftcast.js'), 'serve', '--port', '0', '--store', store, '--workers', '1'], {
      env: { ...process.env, SHIFTCAST_LOG_LEVEL: 'info', VITEST: '' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise((r) => child.on('exit', r));
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        const lines = createInterface({ input: child.stdout! });
        lines.on('line', (line) => {
          const log = JSON.parse(line) as { msg: string; url?: string };
          if (log.msg === 'listening') resolveUrl(log.url!);
        });
        child.on('exit', () => reject(new Error('serve exited before listening')));
      });
      await waitReady(url);
      const id = ((await (await postPlan(url, keys.planner, { config: heavyConfig(4), history: syntheticHistory(8, 20) })).json()) as any)
        .job_id;
      expect((await waitForJob(url, keys.planner, id, 30_000, (s) => s !== 'queued')).status).toBe('running');
      child.kill('SIGKILL');
      await exited;
      expect(wholePlanFolders(store)).toEqual([]);
      expect((await openStore(store).jobs.get(id))?.status).toBe('running');
    } finally {
      child.kill('SIGKILL');
    }
    const server = await serve(store);
    try {
      const job = await waitForJob(
        server.url,
        keys.planner,
        readdirSync(join(store, '.jobs'))
          .find((f) => /^[0-9a-f]{16}\.json$/.test(f))!
          .slice(0, 16),
      );
      expect(job).toMatchObject({ status: 'succeeded', attempts: 2 });
      expect(wholePlanFolders(store)).toHaveLength(1);
      expect(readdirSync(store).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
