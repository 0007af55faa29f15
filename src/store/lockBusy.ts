import { ShiftcastError } from '../domain/errors.js';

/** The locks of a store, by kind: who holds one and what a refused taker was about to do. */
export const LOCK_KINDS = {
  /** Planning and pruning (`shiftcast plan`): one run per store at a time. */
  plan: { holder: 'shiftcast run', action: 'planning' },
  /** The one `shiftcast serve` a folder store may have (its job queue lives in the store). */
  serve: { holder: 'shiftcast serve', action: 'serving' },
  /** Changes to the API keys: held for milliseconds, so takers wait rather than fail. */
  keys: { holder: 'shiftcast process changing keys', action: 'changing keys' },
  /**
   * Writing a plan and pruning old ones, by any process (a cron run, an API job, the sample):
   * held for milliseconds, so a prune never races a write. Takers wait.
   */
  write: { holder: 'shiftcast process writing plans', action: 'writing plans' },
} as const;

export type LockKind = keyof typeof LOCK_KINDS;

/** What a lock says about its holder. */
export interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

/** Thrown when another live process holds a lock of the store. */
export class LockBusyError extends ShiftcastError {
  readonly code = 'busy';
  constructor(
    readonly holder: LockHolder,
    readonly kind: LockKind = 'plan',
    store = '',
  ) {
    const { holder: who, action } = LOCK_KINDS[kind];
    const where = store ? ` of ${store}` : '';
    super(`not ${action}: another ${who} (pid ${holder.pid} on ${holder.host}, since ${holder.since}) holds the store lock${where}`);
    this.name = 'LockBusyError';
  }
}
