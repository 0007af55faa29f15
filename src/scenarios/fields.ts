import { z } from 'zod';
import { configSchema, type PlanConfig } from '../domain/config.js';
import { InputError } from '../domain/errors.js';
import { parseConfig } from '../io/config.js';
import { VARY_FIELDS } from './varyFields.js';

export { VARY_FIELDS } from './varyFields.js';

const POOL_FIELD = /^pools\.([^.]+)\.(cost_per_hour|max_agents)$/;
const QUEUE_FIELD = /^demand\.queues\.(.+)\.(bot_deflection|aht_seconds|concurrency)$/;

/** Whether `field` is one of VARY_FIELDS (a pool field with any pool id, a queue field with any queue). */
export function isVaryField(field: string): boolean {
  return (VARY_FIELDS as readonly string[]).includes(field) || POOL_FIELD.test(field) || QUEUE_FIELD.test(field);
}

/** The queue a `demand.queues.<queue>.<field>` path names; undefined for other fields. */
export function variedQueue(field: string): string | undefined {
  return QUEUE_FIELD.exec(field)?.[1];
}

/** Whether changing `field` changes the staff each hour needs (the service targets and the demand do). */
export function changesRequirements(field: string): boolean {
  return field.startsWith('service.') || field.startsWith('demand.');
}

/**
 * Whether the config schema lets `field` be null ("no limit"), so the schema alone decides which
 * scenario values may be null. A segment under an array (a pool id) steps into its element.
 * @example allowsNull('budget') //=> true
 * @example allowsNull('pools.vendor.cost_per_hour') //=> false
 */
export function allowsNull(field: string): boolean {
  let schema: z.core.$ZodType | undefined = configSchema;
  for (const key of field.split('.')) {
    // Through .default(), .prefault() and .nullable() to the object or array that holds the key.
    while (schema && 'innerType' in schema._zod.def) schema = schema._zod.def.innerType as z.core.$ZodType;
    if (schema instanceof z.ZodArray) schema = schema.element;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.core.$ZodType;
    else schema = schema instanceof z.ZodObject ? schema.shape[key] : undefined;
  }
  return schema !== undefined && z.safeParse(schema, null).success;
}

/**
 * The configuration with one field set (null: no limit), validated again by the config schema
 * (a share above 1 or a fractional max_agents is an input error naming the `--vary` value).
 * @example withField(config, 'pools.vendor.max_agents', 250).pools[1].max_agents //=> 250
 */
export function withField(config: PlanConfig, field: string, value: number | null): PlanConfig {
  const source = `--vary ${field}=${value}`;
  if (!isVaryField(field)) throw new InputError({ file: source, field }, `cannot vary "${field}"; use one of ${VARY_FIELDS.join(', ')}`);
  const next = structuredClone(config);
  const path = field.split('.');
  let holder: Record<string, unknown> = next;
  const pool = POOL_FIELD.exec(field);
  if (pool) {
    const target = next.pools.find((p) => p.id === pool[1]);
    if (!target)
      throw new InputError(
        { file: source, field },
        `no pool "${pool[1]}" in the configuration (it has ${next.pools.map((p) => p.id).join(', ')})`,
      );
    holder = target;
  } else {
    const queue = variedQueue(field);
    if (queue !== undefined) {
      // A queue without its own entry gets one: the field applies to it alone.
      const queues = (next.demand.queues ??= {});
      holder = queues[queue] ??= {};
    } else for (const key of path.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
  }
  holder[path[path.length - 1]] = value;
  return parseConfig(next, source);
}
