import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configOrDefaults, DEFAULT_STORE, eventsOrNone, intOption, numberOption, storeLocation } from '../../src/cli/options.js';
import { configSchema } from '../../src/domain/config.js';
import { inputError } from '../support/inputError.js';

const dir = mkdtempSync(join(tmpdir(), 'shiftcast-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('intOption', () => {
  it('parses an integer within the range, bounds included', () => {
    const weeks = intOption('--weeks', 1, 4);
    expect(weeks('1')).toBe(1);
    expect(weeks('4')).toBe(4);
    expect(weeks('3')).toBe(3);
    expect(weeks(' 2 ')).toBe(2);
  });

  it('is at least 1 and unbounded above by default', () => {
    const threads = intOption('--threads');
    expect(threads('1')).toBe(1);
    expect(threads('1000000')).toBe(1_000_000);
    expect(() => threads('0')).toThrow();
  });

  it('rejects fractions, words, numbers out of range and an empty text, naming the option and the range', () => {
    const weeks = intOption('--weeks', 1, 4);
    for (const text of ['0', '5', '-1', '2.5', 'two', '', 'NaN', 'Infinity']) {
      const e = inputError(() => weeks(text));
      expect(e.location).toEqual({ file: 'command line', field: '--weeks' });
      expect(e.message).toBe(`command line, field --weeks: "${text}" must be an integer from 1 to 4`);
    }
  });
});

describe('numberOption', () => {
  it('parses a number within [min, max], bounds included', () => {
    const share = numberOption('--share', 0, 1);
    expect(share('0')).toBe(0);
    expect(share('1')).toBe(1);
    expect(share('0.45')).toBe(0.45);
    expect(share('.5')).toBe(0.5);
    expect(share('5e-1')).toBe(0.5);
  });

  it('rejects an empty or blank text, which Number() would read as 0', () => {
    const share = numberOption('--share', 0, 1);
    expect(inputError(() => share('')).message).toMatch(/"" must be a number from 0 to 1/);
    expect(inputError(() => share('   ')).message).toMatch(/must be a number from 0 to 1/);
  });

  it('rejects words, infinities and numbers out of range, naming the option', () => {
    const share = numberOption('--share', 0, 1);
    for (const text of ['-0.1', '1.01', 'half', 'Infinity', 'NaN']) {
      const e = inputError(() => share(text));
      expect(e.location).toEqual({ file: 'command line', field: '--share' });
      expect(e.message).toBe(`command line, field --share: "${text}" must be a number from 0 to 1`);
    }
  });

  it('says "up" when there is no upper bound', () => {
    const budget = numberOption('--budget', 0, Infinity);
    expect(budget('1e9')).toBe(1e9);
    expect(inputError(() => budget('-1')).message).toMatch(/"-1" must be a number from 0 up$/);
    expect(inputError(() => budget('Infinity')).message).toMatch(/must be a number from 0 up$/);
  });
});

describe('configOrDefaults', () => {
  it('is every default without --config', () => {
    expect(configOrDefaults(undefined)).toEqual(configSchema.parse({}));
  });

  it('reads and validates the file given, defaults filling the rest', () => {
    const path = join(dir, 'config.json');
    writeFileSync(path, JSON.stringify({ min_coverage: 0.8, budget: 1234 }));
    const config = configOrDefaults(path);
    expect(config.min_coverage).toBe(0.8);
    expect(config.budget).toBe(1234);
    expect(config.timezone).toBe(configSchema.parse({}).timezone);
  });

  it('turns an invalid file into an input error naming it', () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ min_coverage: 2 }));
    const e = inputError(() => configOrDefaults(path));
    expect(e.message).toMatch(/bad\.json/);
    expect(e.message).toMatch(/min_coverage/);
  });
});

describe('eventsOrNone', () => {
  it('is no events without --events', () => {
    expect(eventsOrNone(undefined, 'Asia/Shanghai')).toEqual([]);
  });

  it('reads the events file in the time zone given', () => {
    const path = join(dir, 'events.csv');
    writeFileSync(path, 'start,end,kind,name\n2026-12-01T10:00,2026-12-01T12:00,promo,Flash sale\n');
    const [event, ...rest] = eventsOrNone(path, 'Asia/Shanghai');
    expect(rest).toEqual([]);
    expect(event.kind).toBe('promo');
    expect(event.name).toBe('Flash sale');
    expect(event.intensity).toBe(1);
    // 10:00 in Shanghai (UTC+8) is 02:00 UTC; the event lasts two hours.
    expect(new Date(event.start).toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(event.end - event.start).toBe(2 * 3600 * 1000);
  });
});

describe('storeLocation', () => {
  const env = { SHIFTCAST_DATABASE_URL: 'postgres://db/env' };

  it('takes --database, else --store, else SHIFTCAST_DATABASE_URL, else the default folder', () => {
    expect(storeLocation({ database: 'postgres://db/flag' }, env)).toBe('postgres://db/flag');
    expect(storeLocation({ store: 'plans' }, env)).toBe('plans');
    expect(storeLocation({}, env)).toBe('postgres://db/env');
    expect(storeLocation({}, { SHIFTCAST_DATABASE_URL: '' })).toBe(DEFAULT_STORE);
    expect(storeLocation({}, {})).toBe('forecasts');
  });

  it('refuses --store and --database together, naming --database', () => {
    const e = inputError(() => storeLocation({ store: 'plans', database: 'postgres://db/flag' }, {}));
    expect(e.location).toEqual({ file: 'command line', field: '--database' });
    expect(e.message).toMatch(/--database and --store each name a store/);
  });
});
