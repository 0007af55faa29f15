import { FolderStore } from './folder/folderStore.js';
import { isDatabaseUrl } from './postgres/address.js';
import { PgStore } from './postgres/pgStore.js';
import type { Store } from './store.js';

/** The store at `location`: a PostgreSQL database for a `postgres://` URL, else the folder store at that path. Connects nothing yet. */
export function openStore(location: string): Store {
  return isDatabaseUrl(location) ? new PgStore(location) : new FolderStore(location);
}
