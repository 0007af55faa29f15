import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../io/atomic.js';
import { type KeyInfo, type KeyRecord, keyInfo, matchKey, newKey, type Role } from '../keyRecord.js';
import type { KeyStore } from '../store.js';
import { withLock } from './lock.js';

const FILE = '.keys.json';

/**
 * The API keys of a folder store, kept hashed in `<store>/.keys.json` (written atomically). Reads
 * are cached and refreshed when the file changes, so `shiftcast keys add` takes effect on a
 * running server without a restart. Changes read, modify and write the file under the store's
 * keys lock, so keys added at once by several processes are all kept.
 */
export class FolderKeys implements KeyStore {
  private readonly path: string;
  private cache: { mtimeMs: number; size: number; keys: KeyRecord[] } | null = null;

  constructor(private readonly store: string) {
    this.path = join(store, FILE);
  }

  async list(): Promise<KeyInfo[]> {
    return this.read().map(keyInfo);
  }

  async add(role: Role, name = ''): Promise<{ info: KeyInfo; key: string }> {
    const { record, key } = newKey(role, name);
    await this.change((keys) => {
      keys.push(record);
      return true;
    });
    return { info: keyInfo(record), key };
  }

  async revoke(id: string): Promise<boolean> {
    return this.change((keys) => {
      const found = keys.find((k) => k.id === id && k.revoked === null);
      if (found) found.revoked = new Date().toISOString();
      return found !== undefined;
    });
  }

  async verify(key: string): Promise<KeyInfo | null> {
    return matchKey(this.read(), key);
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
  private change(edit: (keys: KeyRecord[]) => boolean): Promise<boolean> {
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
