import type { PlanConfig } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { parseConfig } from '../io/config.js';

/** The configuration paths a scenario may vary (SPEC section 2, Scenarios). */
export const VARY_FIELDS = [
  'budget',
  'max_outsourced_share',
  'night.min_coverage',
  'min_coverage',
  'service.service_level',
  'service.answer_within_seconds',
  'pools.<id>.cost_per_hour',
  'pools.<id>.max_agents',
] as const;

const POOL_FIELD = /^pools\.([^.]+)\.(cost_per_hour|max_agents)$/;

/** Whether `field` is one of VARY_FIELDS (a pool field with any pool id). */
export function isVaryField(field: string): boolean {
  return (VARY_FIELDS as readonly string[]).includes(field) || POOL_FIELD.test(field);
}

/** Whether changing `field` changes the staff each hour needs (the service targets do). */
export function changesRequirements(field: string): boolean {
  return field.startsWith('service.');
}

/**
 * The configuration with one field set, validated again by the config schema (a share above 1 or
 * a fractional max_agents is an input error naming the `--vary` value).
 * @example withField(config, 'pools.vendor.max_agents', 250).pools[1].max_agents //=> 250
 */
export function withField(config: PlanConfig, field: string, value: number): PlanConfig {
  const next = structuredClone(config);
  const source = `--vary ${field}=${value}`;
  const pool = POOL_FIELD.exec(field);
  if (pool) {
    const target = next.pools.find((p) => p.id === pool[1]);
    if (!target)
      throw new InputError(
        { file: source, field },
        `no pool "${pool[1]}" in the configuration (it has ${next.pools.map((p) => p.id).join(', ')})`,
      );
    target[pool[2] as 'cost_per_hour' | 'max_agents'] = value;
  } else if (field === 'budget') next.budget = value;
  else if (field === 'max_outsourced_share') next.max_outsourced_share = value;
  else if (field === 'min_coverage') next.min_coverage = value;
  else if (field === 'night.min_coverage') next.night.min_coverage = value;
  else if (field === 'service.service_level') next.service.service_level = value;
  else if (field === 'service.answer_within_seconds') next.service.answer_within_seconds = value;
  else throw new InputError({ file: source, field }, `cannot vary "${field}"; use one of ${VARY_FIELDS.join(', ')}`);
  return parseConfig(next, source);
}
