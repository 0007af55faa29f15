import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRosterModel } from '../../src/roster/model/model.js';
import { runHighs } from '../../src/roster/solve/highsRun.js';
import { TaskError, TaskPool } from '../../src/workers/pool.js';
import type { TaskMessage } from '../../src/workers/tasks.js';
import { makeProblem, plainConfig } from '../roster/helpers.js';
import { REALISTIC_POOLS, realisticWeek } from '../roster/weekShape.js';

const { inhouse, vendor, night } = REALISTIC_POOLS;
/** A realistic week's roster model: hard enough to run for a while. */
const hard = () => {
  const week = realisticWeek(250).map((r) => r.staffNeeded);
  const config = plainConfig([inhouse, vendor, night], { max_outsourced_share: 0.45 });
  return buildRosterModel(makeProblem(config, (slot) => week[slot])).program;
};
/** One pool, a flat need of three: solved to optimality in a moment. */
const easy = () => buildRosterModel(makeProblem(plainConfig([inhouse]), () => 3)).program;

describe('the worker pool', () => {
  const pool = new TaskPool(1, { eager: true });
  afterAll(() => pool.close());

  it('is ready only once its threads have loaded the engine', async () => {
    expect(pool.ready()).toBe(false);
    await pool.warm();
    expect(pool.ready()).toBe(true);
  });

  it('solves on a thread exactly as on the calling thread, every progress message arriving before the answer', async () => {
    const lp = easy();
    const options = { timeLimitSeconds: 60, mipRelGap: 0 };
    const seen: TaskMessage[] = [];
    const there = await pool.run({ kind: 'solve', lp, options }, { onMessage: (m) => seen.push(m) });
    const here = await runHighs(lp, options);
    expect(there.status).toBe('optimal');
    expect({ ...there, seconds: 0 }).toEqual({ ...here, seconds: 0 });
    // The solver's last word is the final incumbent: it must not be lost behind the answer.
    expect(seen.at(-1)?.progress?.incumbent).toBeCloseTo(there.objective!, 6);
  });

  it('stops a task on abort and replaces its thread', async () => {
    const stop = new AbortController();
    const task = pool.run(
      { kind: 'solve', lp: hard(), options: { timeLimitSeconds: 120, mipRelGap: 0 } },
      // The first progress message says the solve is under way.
      { signal: stop.signal, onMessage: () => stop.abort() },
    );
    await expect(task).rejects.toThrow(/abort/i);
    const again = await pool.run({ kind: 'solve', lp: easy(), options: { timeLimitSeconds: 60, mipRelGap: 0 } });
    expect(again.status).toBe('optimal');
  });

  it('brings a Shiftcast error back with its code and message', async () => {
    const store = mkdtempSync(join(tmpdir(), 'shiftcast-pool-'));
    mkdirSync(join(store, 'plan'));
    writeFileSync(join(store, 'plan', 'config.json'), '{ not json');
    const failure = pool.run({ kind: 'scenarios', store, folder: 'plan', vary: [] });
    await expect(failure).rejects.toBeInstanceOf(TaskError);
    await expect(failure).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('config.json') });
  });

  it('settles the running task and the ones waiting in line when it is closed', async () => {
    const closing = new TaskPool(1);
    const hardTask = () => closing.run({ kind: 'solve', lp: hard(), options: { timeLimitSeconds: 120, mipRelGap: 0 } });
    const settled = Promise.allSettled([hardTask(), hardTask()]);
    await closing.close();
    expect((await settled).map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
