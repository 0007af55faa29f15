import { InputError } from '../domain/errors.js';
import { configSchema, type PlanConfig } from '../domain/config.js';
import { readConfig } from '../io/config.js';
import { readEvents } from '../io/events.js';
import type { CalendarEvent } from '../domain/types.js';

/** A positive integer option, or an input error naming the option. */
export function intOption(name: string, min = 1, max = Number.MAX_SAFE_INTEGER) {
  return (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InputError({ file: 'command line', field: name }, `"${text}" must be an integer from ${min} to ${max}`);
    }
    return value;
  };
}

/** A number option within [min, max], or an input error naming the option. */
export function numberOption(name: string, min: number, max: number) {
  return (text: string): number => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
      throw new InputError(
        { file: 'command line', field: name },
        `"${text}" must be a number from ${min}${max === Infinity ? ' up' : ` to ${max}`}`,
      );
    }
    return value;
  };
}

/** The configuration from `--config`, or every default. */
export function configOrDefaults(path: string | undefined): PlanConfig {
  return path ? readConfig(path) : configSchema.parse({});
}

/** Events from `--events`, or none. */
export function eventsOrNone(path: string | undefined, timeZone: string): CalendarEvent[] {
  return path ? readEvents(path, timeZone) : [];
}
