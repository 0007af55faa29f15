import { spawn } from 'node:child_process';

/** A pid that belonged to a process that has exited (what a crashed run leaves in a lock or a folder name). */
export async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}
