// The pool's worker entry. Loader hooks registered in the main thread (tsx, vitest) do not reach
// worker threads, so each thread registers tsx itself, then hands piscina the task runner.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./tasks.ts');
export default runTask;
