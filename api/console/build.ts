import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { CONSOLE_DIST } from './serve.js';

const HERE = import.meta.dirname;

/**
 * Bundles the console (src/main.ts and what it imports, vega included) into one ES module beside
 * its page and styles, so the browser loads three files from this server and nothing else. The
 * folder is replaced whole: a server never serves half a build.
 */
export async function buildConsole(out = CONSOLE_DIST): Promise<void> {
  const next = `${out}.next-${process.pid}`;
  await rm(next, { recursive: true, force: true });
  await mkdir(next, { recursive: true });
  await build({
    entryPoints: [join(HERE, 'src/main.ts')],
    outfile: join(next, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome120', 'firefox120', 'safari17'],
    minify: true,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: 'warning',
  });
  await copyFile(join(HERE, 'index.html'), join(next, 'index.html'));
  await copyFile(join(HERE, 'console.css'), join(next, 'console.css'));
  await rm(out, { recursive: true, force: true });
  await rename(next, out);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildConsole();
