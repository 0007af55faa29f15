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
    expect(c.service.answer_within_seconds).toBe(20);
    expect(c.night).toEqual({ start_hour: 0, end_hour: 8, min_coverage: 0.85 });
    expect(c.pools.map((p) => p.id)).toEqual(['inhouse', 'vendor', 'night']);
    expect(c.max_outsourced_share).toBe(0.45);
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
    expect(() => parseConfig({ pools: [{ id: 'a', kind: 'in_house', cost_per_hour: 1 }, { id: 'a', kind: 'outsourced', cost_per_hour: 1 }] })).toThrow(/used twice/);
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
});
