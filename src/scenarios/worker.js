// A worker thread does not inherit the parent's TypeScript loader (tsx or vitest): register tsx
// here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./pointWorker.ts');
