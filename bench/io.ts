/**
 * History-reading benchmark: wall time and peak memory of `readHistory` on a large file.
 *
 *   npm run bench:io [-- --rows 6300000] [--queues 20] [--seed 1] [--file F] [--keep]
 *
 * Writes a seeded five-minute history (default 6.3 M rows over 20 queues, about 200 MB, local
 * time in Asia/Shanghai, columns timestamp,queue,contacts,aht_seconds) into a temporary folder,
 * then reads it in a fresh child process, so the peak RSS measured is the reader's alone (the
 * child's process.resourceUsage().maxRSS, tsx start-up included; the start-up figure is shown
 * too). `--file F` reads an existing file instead of generating one; `--keep` keeps the file.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seededRandom } from '../src/domain/random.js';

const TZ = 'Asia/Shanghai';
const FIVE_MINUTES = 300_000;

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '6300000' },
    queues: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    file: { type: 'string' },
    keep: { type: 'boolean', default: false },
    read: { type: 'string' },
  },
});

/** Writes the history: every five minutes, one row per queue, with a daily shape and noise. */
async function generate(path: string, rows: number, queues: number, seed: number): Promise<void> {
  const random = seededRandom(seed);
  const out = createWriteStream(path);
  const write = (text: string) => new Promise<void>((done) => (out.write(text) ? done() : out.once('drain', done)));
  await write('timestamp,queue,contacts,aht_seconds\n');
  const start = Date.UTC(2023, 0, 2); // wall-clock time, written as is (Asia/Shanghai has no DST)
  const pad = (n: number) => String(n).padStart(2, '0');
  const scale = Array.from({ length: queues }, (_, q) => 2 + (q % 7) * 3);
  let chunk: string[] = [];
  for (let i = 0, step = 0; i < rows; step++) {
    const d = new Date(start + step * FIVE_MINUTES);
    const ts = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
    const shape = 0.2 + Math.max(0, Math.sin(((d.getUTCHours() - 6) / 24) * 2 * Math.PI));
    for (let q = 0; q < queues && i < rows; q++, i++) {
      const contacts = Math.floor(scale[q] * shape * 2 * random.uniform());
      const aht = (180 + 120 * random.uniform()).toFixed(1);
      chunk.push(`${ts},queue-${pad(q + 1)},${contacts},${aht}\n`);
    }
    if (chunk.length >= 20_000) {
      await write(chunk.join(''));
      chunk = [];
    }
  }
  await write(chunk.join(''));
  await new Promise<void>((done, fail) => out.end((e?: Error | null) => (e ? fail(e) : done())));
}

/** Child mode: reads the file once and prints its figures as JSON. */
async function readOnce(path: string): Promise<void> {
  const startupRss = process.resourceUsage().maxRSS;
  const { readHistory } = await import('../src/io/history.js');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // `await` serves both the old synchronous reader and the streaming one.
  const history = await readHistory(path, TZ);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const peakRss = process.resourceUsage().maxRSS;
  const hours = history.queues.reduce((s, q) => s + q.hours.length, 0);
  const contacts = history.queues.reduce((s, q) => s + q.hours.reduce((a, h) => a + h.contacts, 0), 0);
  // A digest of the whole result, to show two readers give the same History.
  const digest = createHash('sha256').update(JSON.stringify(history.queues)).digest('hex').slice(0, 16);
  process.stdout.write(
    `${JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMb: peakRss / 1024, startupRssMb: startupRss / 1024, queues: history.queues.length, hours, contacts, digest })}\n`,
  );
}

async function main(): Promise<void> {
  if (args.read) return readOnce(args.read);
  const rows = Number(args.rows);
  const queues = Number(args.queues);
  let file = args.file;
  let folder: string | undefined;
  if (!file) {
    folder = mkdtempSync(join(tmpdir(), 'shiftcast-bench-io-'));
    file = join(folder, 'history.csv');
    const t0 = performance.now();
    await generate(file, rows, queues, Number(args.seed));
    console.log(
      `generated ${file}: ${rows.toLocaleString('en')} five-minute rows, ${queues} queues, ${(statSync(file).size / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  try {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--read', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`the reader failed (exit ${child.status})`);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
    const mb = statSync(file).size / 1e6;
    console.log(
      `readHistory: ${r.seconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU (${(mb / r.seconds).toFixed(1)} MB/s), peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.startupRssMb.toFixed(0)} MB before reading)`,
    );
    console.log(
      `result: ${r.queues} queues, ${r.hours.toLocaleString('en')} queue-hours, ${r.contacts.toLocaleString('en')} contacts, digest ${r.digest}`,
    );
  } finally {
    if (folder && !args.keep) rmSync(folder, { recursive: true, force: true });
    else if (folder) console.log(`kept ${file}`);
  }
}

await main();
