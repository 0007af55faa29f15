import { pino, type Logger } from 'pino';

/**
 * The service's structured JSON logger (pino, one JSON object per line on stdout). Level from
 * SHIFTCAST_LOG_LEVEL, default `info`; silent under vitest so test output stays readable.
 */
export function createLogger(level = process.env.SHIFTCAST_LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info')): Logger {
  return pino({ level, base: { service: 'shiftcast' } });
}
