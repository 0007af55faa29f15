// Worker entry: teaches this thread TypeScript (tsx), then loads the worker itself. Loader hooks
// registered in the main thread do not reach worker threads, so the worker registers its own.
import { register } from 'tsx/esm/api';

register();
await import('./highsWorker.ts');
