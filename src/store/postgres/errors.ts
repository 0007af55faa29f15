import { ShiftcastError } from '../../domain/errors.js';

/** The database cannot be reached or refused us: the machine's or the operator's to fix, not the input's. */
export class StoreUnavailableError extends ShiftcastError {
  readonly code = 'store_unavailable';
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/** The database's schema is older than this Shiftcast's: `shiftcast migrate` brings it up to date. */
export class SchemaOutdatedError extends ShiftcastError {
  readonly code = 'not_ready';
  constructor(message: string) {
    super(message);
    this.name = 'SchemaOutdatedError';
  }
}

/** SQLSTATE classes that say the connection itself failed: 08 connection, 28 authorization, 3D no such database, 57P server shutting down. */
const CONNECTION_STATES = /^(08|28|3D|57P)/;

/**
 * A driver error as the user sees it: a failed connection becomes one line naming the
 * (password-free) database; anything else is passed on as it is.
 */
export function connectionProblem(e: unknown, location: string): unknown {
  const err = e as { code?: unknown; message?: unknown };
  if (!(e instanceof Error) || typeof err.code !== 'string') return e;
  const refused = CONNECTION_STATES.test(err.code) || /^E[A-Z]+$/.test(err.code); // ECONNREFUSED, ENOTFOUND, ETIMEDOUT
  return refused ? new StoreUnavailableError(`cannot use the database ${location}: ${e.message || err.code}`) : e;
}
