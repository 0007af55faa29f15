import { FolderStore } from './folder/folderStore.js';
import type { Store } from './store.js';

/** The store at `path`: the folder store (the one backend so far). */
export function openStore(path: string): Store {
  return new FolderStore(path);
}
