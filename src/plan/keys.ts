import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../domain/errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { withLock } from './lock.js';

/** What a key may do (SPEC section 4). */
export const ROLES = ['planner', 'finance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** One stored key: never the key itself, only its sha256. */
export interface KeyRecord {
  id: string;
  name: string;
  role: Role;
  /** Hex sha256 of the key. */
  hash: string;
  created: string;
  revoked: string | null;
}

/** The key record without its hash, as `keys list` and the API show it. */
export type KeyInfo = Omit<KeyRecord, 'hash'>;

const FILE = '.keys.json';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The role named on the command line or in a request, or an input error. */
export function parseRole(text: string, field = 'role'): Role {
  if (!(ROLES as readonly string[]).includes(text))
    throw new InputError({ file: 'request', field }, `"${text}" is not one of ${ROLES.join(', ')}`);
  return text as Role;
}

/**
 * The API keys of a store, kept hashed in `<store>/.keys.json` (written atomically). Reads are
 * cached and refreshed when the file changes, so `shiftcast keys add` takes effect on a running
 * server without a restart. Changes read, modify and write the file under the store's keys lock,
 * so keys added at once by several processes are all kept.
 */
export class KeyStore {
  private readonly path: string;
  private cache: { mtimeMs: number; size: number; keys: KeyRecord[] } | null = null;

  constructor(private readonly store: string) {
    this.path = join(store, FILE);
  }

  /** Every key, revoked ones included (for the audit trail). */
  list(): KeyInfo[] {
    return this.read().map(({ hash: _hash, ...info }) => info);
  }

  /**
   * Makes a key; returns it once (only its hash is stored).
   * @example store.add('planner', 'cron').key //=> 'sk_3q...'
   */
  add(role: Role, name = ''): { info: KeyInfo; key: string } {
    const key = `sk_${randomBytes(32).toString('base64url')}`;
    const record: KeyRecord = {
      id: randomBytes(6).toString('hex'),
      name,
      role,
      hash: sha256(key),
      created: new Date().toISOString(),
      revoked: null,
    };
    this.change((keys) => {
      keys.push(record);
      return true;
    });
    const { hash: _hash, ...info } = record;
    return { info, key };
  }

  /** Revokes a key by id; false when there is no such active key. */
  revoke(id: string): boolean {
    return this.change((keys) => {
      const found = keys.find((k) => k.id === id && k.revoked === null);
      if (found) found.revoked = new Date().toISOString();
      return found !== undefined;
    });
  }

  /** The active key record a presented key belongs to, or null. */
  verify(key: string): KeyInfo | null {
    const presented = Buffer.from(sha256(key), 'hex');
    // Compare against every key in constant time so timing does not reveal a near match.
    let match: KeyRecord | null = null;
    for (const k of this.read()) {
      if (timingSafeEqual(presented, Buffer.from(k.hash, 'hex')) && k.revoked === null) match = k;
    }
    if (!match) return null;
    const { hash: _hash, ...info } = match;
    return info;
  }

  private read(): KeyRecord[] {
    if (!existsSync(this.path)) return [];
    const { mtimeMs, size } = statSync(this.path);
    if (this.cache && this.cache.mtimeMs === mtimeMs && this.cache.size === size) return this.cache.keys.map((k) => ({ ...k }));
    const keys = (JSON.parse(readFileSync(this.path, 'utf8')) as { keys: KeyRecord[] }).keys;
    this.cache = { mtimeMs, size, keys };
    return keys.map((k) => ({ ...k }));
  }

  /** Applies `edit` to the keys as they are on disk now, under the lock; writes them when it returns true. */
  private change(edit: (keys: KeyRecord[]) => boolean): boolean {
    return withLock(this.store, 'keys', () => {
      this.cache = null; // another process may have written since our last read
      const keys = this.read();
      if (!edit(keys)) return false;
      writeFileAtomic(this.path, `${JSON.stringify({ keys }, null, 2)}\n`);
      chmodSync(this.path, 0o600); // hashes only, but still nobody else's business
      this.cache = null;
      return true;
    });
  }
}
