import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayLogPath } from '../../src/store/folder/dayLog.js';
import { openStore } from '../../src/store/open.js';
import { tempStore } from '../api/synthetic.js';
import { storeContract } from './contract.js';

// The folder store in a fresh temp folder; a user's folder is its foreign entry, .keys.json all it keeps of keys.
storeContract('folder store', async () => openStore(tempStore()), {
  addForeign: (store, name) => mkdir(join(store.location, name)).then(() => undefined),
  rawKeys: (store) => readFile(join(store.location, '.keys.json'), 'utf8'),
});

describe("the folder store's intraday log", () => {
  it('is one JSON line per answer in <store>/.intraday/<plan>.jsonl, never inside the plan folder', async () => {
    const store = openStore(tempStore());
    const name = '2026-11-30_0123456789';
    await store.plans.write(name, { 'summary.json': '{}' });
    for (let n = 1; n <= 3; n++) await store.plans.appendDayLog(name, { n });
    const log = await readFile(join(store.location, '.intraday', `${name}.jsonl`), 'utf8');
    expect(log).toBe('{"n":1}\n{"n":2}\n{"n":3}\n');
    expect(dayLogPath(store.plans.where(name))).toBe(join(store.location, '.intraday', `${name}.jsonl`));
    expect((await readdir(store.plans.where(name))).sort()).toEqual(['.shiftcast-plan.json', 'summary.json']);
    // No temporary file is left beside the log.
    expect(await readdir(join(store.location, '.intraday'))).toEqual([`${name}.jsonl`]);
  });
});
