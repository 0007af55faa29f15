import { hashKey, type KeyInfo, type KeyRecord, keyInfo, matchKey, newKey, type Role } from '../keyRecord.js';
import type { KeyStore } from '../store.js';
import { type Db, iso } from './db.js';

type KeyRow = Omit<KeyRecord, 'created' | 'revoked'> & { created: Date; revoked: Date | null };

const record = (row: KeyRow): KeyRecord => ({ ...row, created: iso(row.created)!, revoked: iso(row.revoked) });

/**
 * The API keys of a PostgreSQL store, one row each, kept hashed as every store keeps them
 * (keyRecord.ts). Each change is one statement, so changes by several processes are all kept.
 */
export class PgKeys implements KeyStore {
  constructor(private readonly db: Db) {}

  async list(): Promise<KeyInfo[]> {
    const { rows } = await this.db.query<KeyRow>('SELECT id, name, role, hash, created, revoked FROM shiftcast.keys ORDER BY seq');
    return rows.map((r) => keyInfo(record(r)));
  }

  async add(role: Role, name = ''): Promise<{ info: KeyInfo; key: string }> {
    const { record: made, key } = newKey(role, name);
    await this.db.query('INSERT INTO shiftcast.keys (id, name, role, hash, created) VALUES ($1, $2, $3, $4, $5)', [
      made.id,
      made.name,
      made.role,
      made.hash,
      made.created,
    ]);
    return { info: keyInfo(made), key };
  }

  async revoke(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query('UPDATE shiftcast.keys SET revoked = $2 WHERE id = $1 AND revoked IS NULL', [
      id,
      new Date().toISOString(),
    ]);
    return rowCount === 1;
  }

  async verify(key: string): Promise<KeyInfo | null> {
    // Found by its hash (a sha256, so the lookup reveals nothing); matchKey still compares in constant time and skips revoked keys.
    const { rows } = await this.db.query<KeyRow>('SELECT id, name, role, hash, created, revoked FROM shiftcast.keys WHERE hash = $1', [
      hashKey(key),
    ]);
    return matchKey(rows.map(record), key);
  }
}
