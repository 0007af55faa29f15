import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, writeOutput } from '../../src/io/atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shiftcast-atomic-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the text and leaves no temporary file beside it', () => {
    const path = join(dir, 'roster.csv');
    writeFileAtomic(path, 'pool,start\n');
    expect(readFileSync(path, 'utf8')).toBe('pool,start\n');
    expect(readdirSync(dir)).toEqual(['roster.csv']);
  });

  it('replaces an existing file whole', () => {
    const path = join(dir, 'summary.json');
    writeFileSync(path, 'a much longer old content than the new one');
    writeFileAtomic(path, '{}');
    expect(readFileSync(path, 'utf8')).toBe('{}');
    expect(readdirSync(dir)).toEqual(['summary.json']);
  });

  it('writes an empty file', () => {
    const path = join(dir, 'empty.txt');
    writeFileAtomic(path, '');
    expect(readFileSync(path, 'utf8')).toBe('');
  });

  it('creates the missing parent folders', () => {
    const path = join(dir, 'a', 'b', 'c.txt');
    writeFileAtomic(path, 'x');
    expect(readFileSync(path, 'utf8')).toBe('x');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['c.txt']);
  });

  it('keeps UTF-8 text as written', () => {
    const path = join(dir, 'names.txt');
    writeFileAtomic(path, 'Zoë, 北京\n');
    expect(readFileSync(path, 'utf8')).toBe('Zoë, 北京\n');
  });

  it('removes its temporary file and keeps what was there when the rename fails', () => {
    // A folder in the way: the temporary file is written, then cannot be renamed over it.
    const path = join(dir, 'plan');
    mkdirSync(path);
    writeFileSync(join(path, 'inside.txt'), 'old');
    expect(() => writeFileAtomic(path, 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['plan']);
    expect(readFileSync(join(path, 'inside.txt'), 'utf8')).toBe('old');
  });

  it('keeps the old content when the write itself fails', () => {
    const path = join(dir, 'config.json');
    writeFileSync(path, 'old');
    expect(() => writeFileAtomic(path, 42 as unknown as string)).toThrow();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['config.json']);
  });
});

describe('writeOutput', () => {
  it('writes to the file when --out is given, not to standard output', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const path = join(dir, 'out.txt');
    writeOutput(path, 'hello\n');
    expect(readFileSync(path, 'utf8')).toBe('hello\n');
    expect(write).not.toHaveBeenCalled();
  });

  it('writes to standard output without --out, and creates no file', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    writeOutput(undefined, 'hello\n');
    expect(write).toHaveBeenCalledWith('hello\n');
    writeOutput('', 'again\n');
    expect(write).toHaveBeenCalledWith('again\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});
