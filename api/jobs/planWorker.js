// Worker-thread entry: register tsx inside the thread (workers do not inherit the parent's
// loader hooks), then load the TypeScript worker. Kept as .js so Node can start it directly.
import { register } from 'tsx/esm/api';

register();
await import('./planWorker.ts');
