import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPlanFolders, planFolderName, planId, writePlanFolder } from '../../src/plan/store.js';

const store = () => mkdtempSync(join(tmpdir(), 'shiftcast-store-'));

describe('plan store', () => {
  it('names a plan by its week and a hash of its inputs', () => {
    expect(planId(['a', 'b'])).toBe(planId(['a', 'b']));
    expect(planId(['a', 'b'])).not.toBe(planId(['ab', '']));
    expect(planFolderName('2026-11-30', 'abc')).toBe('2026-11-30_abc');
  });

  it('writes every file of a plan folder and leaves no temporary entry', () => {
    const dir = store();
    const { path, created } = writePlanFolder(dir, '2026-11-30_x', { 'a.txt': 'A', 'b.txt': 'B' });
    expect(created).toBe(true);
    expect(readdirSync(path).sort()).toEqual(['a.txt', 'b.txt']);
    expect(readFileSync(join(path, 'b.txt'), 'utf8')).toBe('B');
    expect(readdirSync(dir)).toEqual(['2026-11-30_x']);
  });

  it('keeps an existing plan folder untouched when the same plan is written again', () => {
    const dir = store();
    writePlanFolder(dir, 'p', { 'a.txt': 'first' });
    const again = writePlanFolder(dir, 'p', { 'a.txt': 'second' });
    expect(again.created).toBe(false);
    expect(readFileSync(join(dir, 'p', 'a.txt'), 'utf8')).toBe('first');
  });

  it('leaves nothing behind when a write fails half-way', () => {
    const dir = store();
    // A file name with a slash cannot be written inside the folder: the write fails after the first file.
    expect(() => writePlanFolder(dir, 'p', { 'a.txt': 'A', 'no/such/dir.txt': 'B' })).toThrow();
    expect(existsSync(join(dir, 'p'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('lists plan folders newest week first and hides the store\'s own entries', () => {
    const dir = store();
    writePlanFolder(dir, '2026-11-23_a', { f: '' });
    writePlanFolder(dir, '2026-11-30_b', { f: '' });
    writePlanFolder(dir, '.sample-center', { f: '' });
    expect(listPlanFolders(dir)).toEqual(['2026-11-30_b', '2026-11-23_a']);
  });
});
