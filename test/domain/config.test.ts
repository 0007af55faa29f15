import { describe, expect, it } from 'vitest';
import { holidayTarget, totalShrinkage } from '../../src/domain/config.js';
import { InputError } from '../../src/domain/errors.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, readConfig } from '../../src/io/config.js';

describe('parseConfig', () => {
  it('fills every default of the SPEC for an empty object', () => {
    const c = parseConfig({});
    expect(c.demand).toEqual({ bot_deflection: 0.78, aht_seconds: 240, concurrency: 1 });
    expect(c.service.answer_within_seconds).toBe(15);
    expect(c.service.holiday).toEqual({ answer_within_seconds: 30 });
    expect(c.service.max_occupancy).toBe(0.85);
    expect(c.night).toEqual({ start_hour: 0, end_hour: 8, min_coverage: 0.85 });
    expect(c.pools.map((p) => p.id)).toEqual(['inhouse', 'vendor', 'night']);
    expect(c.max_outsourced_share).toBe(0.45);
    // The SPEC's 1,200,000 is an example: no budget unless one is set.
    expect(c.budget).toBeNull();
  });

  it('fills pool defaults', () => {
    const c = parseConfig({ pools: [{ id: 'a', kind: 'in_house', cost_per_hour: 50 }] });
    expect(c.pools[0]).toMatchObject({ night_premium: 0, productivity: 1, shift_lengths: [8], start_hours: null, max_agents: null });
  });

  it('names every bad field with its path', () => {
    try {
      parseConfig({ service: { service_level: 2 }, pools: [{ id: 'a', kind: 'robot', cost_per_hour: 1 }] }, 'config.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const paths = (e as InputError).fields.map((f) => f.path);
      expect(paths).toContain('service.service_level');
      expect(paths).toContain('pools.0.kind');
      expect((e as InputError).message).toMatch(/^config\.json, field /);
    }
  });

  it('rejects unknown fields, which are usually typos', () => {
    expect(() => parseConfig({ budjet: 5 })).toThrow(/budjet|Unrecognized/);
  });

  it('rejects a repeated pool id', () => {
    expect(() =>
      parseConfig({
        pools: [
          { id: 'a', kind: 'in_house', cost_per_hour: 1 },
          { id: 'a', kind: 'outsourced', cost_per_hour: 1 },
        ],
      }),
    ).toThrow(/used twice/);
  });

  it('rejects an unknown time zone', () => {
    expect(() => parseConfig({ timezone: 'Mars/Olympus' })).toThrow(/time zone/);
  });

  it('adds up shrinkage given as named parts', () => {
    expect(totalShrinkage(parseConfig({ shrinkage: { breaks: 0.1, training: 0.06 } }).shrinkage)).toBeCloseTo(0.16);
    expect(() => parseConfig({ shrinkage: { a: 0.6, b: 0.5 } })).toThrow(/less than 1/);
  });

  it('lays the holiday target over the defaults', () => {
    const t = holidayTarget(parseConfig({}));
    expect(t.answer_within_seconds).toBe(30);
    expect(t.service_level).toBe(0.8);
  });
});

describe('readConfig', () => {
  it('names the line of the first bad field in the file', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'config.json');
    writeFileSync(path, '{\n  "timezone": "Asia/Shanghai",\n  "service": {\n    "service_level": 2\n  }\n}\n');
    expect(() => readConfig(path)).toThrow(/^config\.json line 4, field service\.service_level: /);
  });

  it('refuses a file that is not UTF-8, naming the line, rather than reading Latin-1 as replacement characters', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'config.json');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from('{\n  "currency": "CNY",\n  "pools": [{"id": "caf'),
        Buffer.from([0xe9]),
        Buffer.from('", "kind": "in_house", "cost_per_hour": 50}]\n}\n'),
      ]),
    );
    expect(() => readConfig(path)).toThrow(/^config\.json line 3: not valid UTF-8/);
  });
});

/** Writes `text` as config.json in a fresh folder; returns its path. */
function configFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'config.json');
  writeFileSync(path, text);
  return path;
}

describe('numbers the solver cannot use (issue 11)', () => {
  const pool = { id: 'a', kind: 'in_house', cost_per_hour: 50 };
  it.each([
    ['pools.0.cost_per_hour', { pools: [{ ...pool, cost_per_hour: 1e308 }] }],
    ['pools.0.max_agents', { pools: [{ ...pool, max_agents: 1e15 }] }],
    ['pools.0.night_premium', { pools: [{ ...pool, night_premium: 1e308 }] }],
    ['budget', { budget: 1e308 }],
    ['shortfall_penalty', { shortfall_penalty: 1e308 }],
    ['demand.aht_seconds', { demand: { aht_seconds: 1e308 } }],
    ['demand.aht_seconds', { demand: { aht_seconds: 1e-300 } }],
    ['demand.concurrency', { demand: { concurrency: 1e9 } }],
    ['service.answer_within_seconds', { service: { answer_within_seconds: 1e308 } }],
    ['service.patience_seconds', { service: { patience_seconds: 1e308 } }],
    ['service.holiday.max_asa_seconds', { service: { holiday: { max_asa_seconds: 1e308 } } }],
    ['service.periods.0.answer_within_seconds', { service: { periods: [{ answer_within_seconds: 1e308 }] } }],
    ['solver.time_limit_seconds', { solver: { time_limit_seconds: 1e308 } }],
    ['alerts.max_asa_seconds', { alerts: { max_asa_seconds: 1e308 } }],
    ['alerts.budget_tolerance', { alerts: { budget_tolerance: 1e308 } }],
  ])('refuses an absurd %s, naming the field', (field, value) => {
    try {
      parseConfig(value, 'config.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).location.field).toBe(field);
    }
  });

  it('still takes the largest values a real center could use', () => {
    const c = parseConfig({
      budget: 1e12,
      shortfall_penalty: 1e7,
      pools: [{ ...pool, cost_per_hour: 1e6, max_agents: 1_000_000, night_premium: 10 }],
      solver: { time_limit_seconds: 86_400 },
    });
    expect(c.budget).toBe(1e12);
  });

  it('names the file, line and field of an out-of-range cost', () => {
    const path = configFile(
      '{\n  "budget": null,\n  "pools": [\n    {\n      "id": "a", "kind": "in_house",\n      "cost_per_hour": 1e308\n    }\n  ]\n}\n',
    );
    expect(() => readConfig(path)).toThrow(/^config\.json line 6, field pools\.0\.cost_per_hour: /);
  });
});

describe('deeply nested configuration (issue 11)', () => {
  it.each([
    ['arrays', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['objects', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['a nested field value', `{\n"service": {"holiday": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}}`],
  ])('refuses 100,000 levels of %s as bad input, not a stack overflow', (_, text) => {
    expect(() => readConfig(configFile(text))).toThrow(InputError);
    expect(() => readConfig(configFile(text))).toThrow(/^config\.json line \d+: nested deeper than 64 levels/);
  });

  it('names the line where the nesting goes too deep', () => {
    const text = `{\n  "service": {\n    "holiday": ${'['.repeat(70)}${']'.repeat(70)}\n  }\n}\n`;
    expect(() => readConfig(configFile(text))).toThrow(/^config\.json line 3: nested deeper than 64 levels/);
  });

  it('is not fooled by brackets inside strings', () => {
    expect(() => readConfig(configFile(`{"currency": "${'['.repeat(100)}"}`))).not.toThrow();
  });
});

describe('unknown fields (issue 11)', () => {
  it('names the unknown key at its own line and path, with a suggestion', () => {
    const path = configFile(
      '{\n  "timezone": "UTC",\n  "service": {\n    "service_level": 0.8,\n\n\n    "answer_within_secs": 20\n  }\n}\n',
    );
    expect(() => readConfig(path)).toThrow(
      'config.json line 7, field service.answer_within_secs: unknown field (did you mean answer_within_seconds?)',
    );
  });

  it('names an unknown top-level key by name, not as (root)', () => {
    const path = configFile('{\n  "timezone": "UTC",\n  "budjet": 5\n}\n');
    expect(() => readConfig(path)).toThrow('config.json line 3, field budjet: unknown field (did you mean budget?)');
  });

  it('names unknown keys inside pools and periods, and every one of them in fields', () => {
    try {
      parseConfig({
        pools: [{ id: 'a', kind: 'in_house', cost_per_hour: 1, max_agent: 3 }],
        service: { periods: [{ service_level: 0.9, zzz: 1 }] },
      });
      expect.unreachable();
    } catch (e) {
      const fields = (e as InputError).fields;
      expect(fields).toContainEqual({ path: 'pools.0.max_agent', message: 'unknown field (did you mean max_agents?)' });
      expect(fields).toContainEqual({ path: 'service.periods.0.zzz', message: 'unknown field' });
    }
  });
});

describe('pool quality (issue 13)', () => {
  const pool = (quality: unknown) => ({ id: 'v', kind: 'outsourced', cost_per_hour: 1, quality });

  it('takes shares from quality inspection, either or both, and max_quality_rate 0.15 by default', () => {
    const config = parseConfig({ pools: [pool({ bad_review_rate: 0.2, repeat_complaint_rate: 0 })] });
    expect(config.pools[0].quality).toEqual({ bad_review_rate: 0.2, repeat_complaint_rate: 0 });
    expect(config.alerts.max_quality_rate).toBe(0.15);
    expect(parseConfig({ pools: [pool({ repeat_complaint_rate: 1 })] }).pools[0].quality).toEqual({ repeat_complaint_rate: 1 });
    expect(parseConfig({ pools: [{ id: 'v', kind: 'outsourced', cost_per_hour: 1 }] }).pools[0].quality).toBeUndefined();
  });

  it('rejects a rate outside 0..1 and an unknown key, naming the field', () => {
    expect(() => parseConfig({ pools: [pool({ bad_review_rate: 1.2 })] })).toThrow(/pools\.0\.quality\.bad_review_rate/);
    expect(() => parseConfig({ pools: [pool({ bad_review_rate: -0.1 })] })).toThrow(/pools\.0\.quality\.bad_review_rate/);
    expect(() => parseConfig({ pools: [pool({ bad_reviews: 0.1 })] })).toThrow(/pools\.0\.quality\.bad_reviews/);
    expect(() => parseConfig({ alerts: { max_quality_rate: 2 } })).toThrow(/alerts\.max_quality_rate/);
  });
});
