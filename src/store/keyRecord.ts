import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { InputError } from '../domain/errors.js';

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

/** The role named on the command line or in a request, or an input error. */
export function parseRole(text: string, field = 'role'): Role {
  if (!(ROLES as readonly string[]).includes(text))
    throw new InputError({ file: 'request', field }, `"${text}" is not one of ${ROLES.join(', ')}`);
  return text as Role;
}

/** Hex sha256 of a key: what every store keeps in its place. */
export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** A new key and the record to store for it (only its hash). */
export function newKey(role: Role, name: string): { record: KeyRecord; key: string } {
  const key = `sk_${randomBytes(32).toString('base64url')}`;
  const record: KeyRecord = {
    id: randomBytes(6).toString('hex'),
    name,
    role,
    hash: hashKey(key),
    created: new Date().toISOString(),
    revoked: null,
  };
  return { record, key };
}

export const keyInfo = ({ hash: _hash, ...info }: KeyRecord): KeyInfo => info;

/** The active record a presented key belongs to, or null. */
export function matchKey(records: readonly KeyRecord[], key: string): KeyInfo | null {
  const presented = Buffer.from(hashKey(key), 'hex');
  // Compare against every key in constant time so timing does not reveal a near match.
  let match: KeyRecord | null = null;
  for (const k of records) {
    if (timingSafeEqual(presented, Buffer.from(k.hash, 'hex')) && k.revoked === null) match = k;
  }
  return match ? keyInfo(match) : null;
}
