import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutputDir, OutputExistsError, RUN_MARKER, writeDirectoryAtomically } from '../../src/io/atomic.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lesim-atomic-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('writeDirectoryAtomically', () => {
  it('writes every file, including ones in subdirectories', () => {
    const dir = join(root, 'run');
    writeDirectoryAtomically(dir, files({ 'a.csv': 'x,y\n1,2\n', [RUN_MARKER]: '{}\n', 'sub/b.txt': 'hello' }), false);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('x,y\n1,2\n');
    expect(readFileSync(join(dir, RUN_MARKER), 'utf8')).toBe('{}\n');
    expect(readFileSync(join(dir, 'sub', 'b.txt'), 'utf8')).toBe('hello');
  });

  it('creates missing parent directories', () => {
    const dir = join(root, 'deep', 'er', 'run');
    writeDirectoryAtomically(dir, files({ 'a.txt': '1' }), false);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('1');
  });

  it('refuses an existing run directory without force, leaving it untouched', () => {
    const dir = join(root, 'run');
    writeDirectoryAtomically(dir, files({ [RUN_MARKER]: 'old', 'a.txt': 'old' }), false);
    expect(() => writeDirectoryAtomically(dir, files({ [RUN_MARKER]: 'new' }), false)).toThrow(OutputExistsError);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('old');
    expect(readdirSync(root)).toEqual(['run']);
  });

  it('refuses a non-empty directory that is not a run, without force', () => {
    const dir = join(root, 'other');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    try {
      writeDirectoryAtomically(dir, files({ 'a.txt': '1' }), false);
      throw new Error('expected OutputExistsError');
    } catch (error) {
      expect(error).toBeInstanceOf(OutputExistsError);
      expect((error as OutputExistsError).message).toContain('not empty');
      expect((error as OutputExistsError).name).toBe('OutputExistsError');
    }
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('accepts an existing empty directory without force', () => {
    const dir = join(root, 'empty');
    mkdirSync(dir);
    writeDirectoryAtomically(dir, files({ 'a.txt': '1' }), false);
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });

  it('replaces an existing run with force: old files are gone, new ones in place', () => {
    const dir = join(root, 'run');
    writeDirectoryAtomically(dir, files({ [RUN_MARKER]: 'old', 'old.txt': 'old' }), false);
    writeDirectoryAtomically(dir, files({ [RUN_MARKER]: 'new', 'new.txt': 'new' }), true);
    expect(readdirSync(dir).sort()).toEqual([RUN_MARKER, 'new.txt'].sort());
    expect(readFileSync(join(dir, RUN_MARKER), 'utf8')).toBe('new');
  });

  it('leaves no temporary or set-aside directories behind', () => {
    const dir = join(root, 'run');
    writeDirectoryAtomically(dir, files({ 'a.txt': '1' }), false);
    writeDirectoryAtomically(dir, files({ 'a.txt': '2' }), true);
    writeDirectoryAtomically(dir, files({ 'a.txt': '3' }), true);
    expect(readdirSync(root)).toEqual(['run']);
  });

  it('on a failed write leaves neither a partial run nor a temporary directory', () => {
    const dir = join(root, 'run');
    // 'a' is written as a file, so 'a/b' cannot be created beneath it.
    expect(() => writeDirectoryAtomically(dir, files({ a: 'file', 'a/b': 'x' }), false)).toThrow();
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(root)).toEqual([]);
  });

  it('a failed forced write keeps the old run', () => {
    const dir = join(root, 'run');
    writeDirectoryAtomically(dir, files({ [RUN_MARKER]: 'old' }), false);
    expect(() => writeDirectoryAtomically(dir, files({ a: 'file', 'a/b': 'x' }), true)).toThrow();
    expect(readFileSync(join(dir, RUN_MARKER), 'utf8')).toBe('old');
    expect(readdirSync(root)).toEqual(['run']);
  });
});

describe('checkOutputDir', () => {
  it('accepts a missing or empty directory and anything with force', () => {
    expect(() => checkOutputDir(join(root, 'missing'), false)).not.toThrow();
    expect(() => checkOutputDir(root, false)).not.toThrow();
    writeFileSync(join(root, RUN_MARKER), '{}');
    expect(() => checkOutputDir(root, true)).not.toThrow();
  });

  it('names a directory holding a run as such', () => {
    writeFileSync(join(root, RUN_MARKER), '{}');
    expect(() => checkOutputDir(root, false)).toThrow(/already holds a run/);
  });
});
