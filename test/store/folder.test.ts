import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { tempStore } from '../api/synthetic.js';
import { storeContract } from './contract.js';

// The folder store in a fresh temp folder; a user's folder is its foreign entry, .keys.json all it keeps of keys.
storeContract('folder store', async () => openStore(tempStore()), {
  addForeign: (store, name) => mkdir(join(store.location, name)).then(() => undefined),
  rawKeys: (store) => readFile(join(store.location, '.keys.json'), 'utf8'),
});
