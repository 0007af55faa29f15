import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/domain/config.js';
import { allowsNull, changesRequirements, isVaryField, VARY_FIELDS, withField } from '../../src/scenarios/fields.js';
import { inputError } from '../support/inputError.js';

// Every default: pools inhouse, vendor (max_agents 300) and night.
const base = () => configSchema.parse({});

describe('isVaryField', () => {
  it('accepts every listed field and a pool field with any pool id', () => {
    for (const f of VARY_FIELDS.filter((f) => !f.includes('<id>'))) expect(isVaryField(f)).toBe(true);
    expect(isVaryField('pools.vendor.max_agents')).toBe(true);
    expect(isVaryField('pools.north-2.cost_per_hour')).toBe(true);
  });

  it('rejects other fields, other pool fields and malformed pool paths', () => {
    for (const f of [
      'shrinkage',
      'night.start_hour',
      'service.max_occupancy',
      'pools.vendor.productivity',
      'pools..max_agents',
      'pools.a.b.max_agents',
      'pools.vendor.max_agents.x',
      'Budget',
      '',
    ])
      expect(isVaryField(f), f).toBe(false);
  });
});

describe('changesRequirements', () => {
  it('is true for the service targets and the demand only', () => {
    const changing = VARY_FIELDS.filter((f) => changesRequirements(f));
    expect(changing).toEqual([
      'service.service_level',
      'service.answer_within_seconds',
      'demand.bot_deflection',
      'demand.aht_seconds',
      'demand.concurrency',
      'demand.queues.<queue>.bot_deflection',
      'demand.queues.<queue>.aht_seconds',
      'demand.queues.<queue>.concurrency',
    ]);
    expect(changesRequirements('pools.vendor.cost_per_hour')).toBe(false);
  });
});

describe('a queue field', () => {
  it('is a vary field for any queue, and sets that queue alone, creating its entry', () => {
    expect(isVaryField('demand.queues.refund.bot_deflection')).toBe(true);
    expect(isVaryField('demand.queues.refund.tier')).toBe(false);
    const config = withField(base(), 'demand.queues.refund.bot_deflection', 0.9);
    expect(config.demand.queues).toEqual({ refund: { bot_deflection: 0.9 } });
    expect(config.demand.bot_deflection).toBe(0.78);
    expect(withField(config, 'demand.queues.refund.aht_seconds', 300).demand.queues).toEqual({
      refund: { bot_deflection: 0.9, aht_seconds: 300 },
    });
  });

  it('is validated by the schema, and cannot be null', () => {
    expect(inputError(() => withField(base(), 'demand.queues.refund.bot_deflection', 1)).message).toMatch(/bot_deflection/);
    expect(allowsNull('demand.queues.refund.bot_deflection')).toBe(false);
  });
});

describe('allowsNull', () => {
  it('is true for the limits the config lets be null, and false for the other fields', () => {
    const nullable = VARY_FIELDS.filter((f) => allowsNull(f));
    expect(nullable).toEqual(['budget', 'max_outsourced_share', 'pools.<id>.max_agents']);
    expect(allowsNull('pools.vendor.max_agents')).toBe(true);
    expect(allowsNull('service.max_asa_seconds')).toBe(true);
    for (const f of ['pools.vendor.cost_per_hour', 'demand.bot_deflection', 'nothing', 'budget.x', 'pools.vendor.colour'])
      expect(allowsNull(f), f).toBe(false);
  });

  it('agrees with validating a whole configuration that has the field set to null', () => {
    for (const f of VARY_FIELDS.map((f) => f.replace('<id>', 'vendor'))) {
      let valid = true;
      try {
        withField(base(), f, null);
      } catch {
        valid = false;
      }
      expect(allowsNull(f), f).toBe(valid);
    }
  });
});

describe('withField', () => {
  it('sets each top-level and nested field and nothing else', () => {
    const cases: [string, number, (c: ReturnType<typeof base>) => number | null][] = [
      ['budget', 900_000, (c) => c.budget],
      ['max_outsourced_share', 0.3, (c) => c.max_outsourced_share],
      ['min_coverage', 0.9, (c) => c.min_coverage],
      ['night.min_coverage', 0.7, (c) => c.night.min_coverage],
      ['service.service_level', 0.9, (c) => c.service.service_level],
      ['service.answer_within_seconds', 30, (c) => c.service.answer_within_seconds],
      ['demand.bot_deflection', 0.83, (c) => c.demand.bot_deflection],
      ['demand.aht_seconds', 300, (c) => c.demand.aht_seconds],
      ['demand.concurrency', 3, (c) => c.demand.concurrency],
    ];
    for (const [field, value, read] of cases) {
      const config = base();
      const next = withField(config, field, value);
      expect(read(next), field).toBe(value);
      // Set the same field back: the rest is the same configuration.
      expect(withField(next, field, read(config)), field).toEqual(config);
    }
  });

  it("sets the named pool's cost_per_hour or max_agents, leaving the other pools alone", () => {
    const config = base();
    const next = withField(config, 'pools.vendor.max_agents', 250);
    expect(next.pools.map((p) => [p.id, p.max_agents])).toEqual([
      ['inhouse', null],
      ['vendor', 250],
      ['night', null],
    ]);
    expect(withField(config, 'pools.night.cost_per_hour', 60).pools.map((p) => p.cost_per_hour)).toEqual([55, 38, 60]);
  });

  it('sets null (no limit) where the config allows it', () => {
    expect(withField(base(), 'budget', null).budget).toBeNull();
    expect(withField(base(), 'max_outsourced_share', null).max_outsourced_share).toBeNull();
    expect(withField(base(), 'pools.vendor.max_agents', null).pools[1].max_agents).toBeNull();
  });

  it('does not change the configuration it is given', () => {
    const config = base();
    const copy = structuredClone(config);
    withField(config, 'pools.vendor.max_agents', 1);
    withField(config, 'night.min_coverage', 0.5);
    withField(config, 'budget', 1);
    expect(config).toEqual(copy);
  });

  it('validates the result again, naming the --vary value', () => {
    const share = inputError(() => withField(base(), 'max_outsourced_share', 1.5));
    expect(share.location.file).toBe('--vary max_outsourced_share=1.5');
    const agents = inputError(() => withField(base(), 'pools.vendor.max_agents', 2.5));
    expect(agents.location.file).toBe('--vary pools.vendor.max_agents=2.5');
    expect(agents.message).toMatch(/max_agents/);
  });

  it('rejects an unknown pool, listing the pools there are', () => {
    const e = inputError(() => withField(base(), 'pools.south.max_agents', 3));
    expect(e.location).toEqual({ file: '--vary pools.south.max_agents=3', field: 'pools.south.max_agents' });
    expect(e.message).toMatch(/no pool "south" in the configuration \(it has inhouse, vendor, night\)/);
  });

  it('rejects a field that cannot be varied, listing those that can', () => {
    const e = inputError(() => withField(base(), 'shrinkage', 0.2));
    expect(e.location.field).toBe('shrinkage');
    expect(e.message).toMatch(/cannot vary "shrinkage"; use one of budget, max_outsourced_share/);
  });
});
