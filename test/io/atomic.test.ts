import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LesimError } from '../../src/errors.js';
import { buildDirectoryAtomically, checkOutputDir, makeDirectories, OutputExistsError, RUN_MARKER, STORE_MARKER, writeDirectoryAtomically } from '../../src/io/atomic.js';
import { lockFileOf } from '../../src/io/lock.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lesim-atomic-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

const files = (entries: Record<string, string>) => new Map(Object.entries(entries));
/** A manifest as lesim writes it: the marker --force looks for, listing the run's files. */
const manifest = (...names: string[]) => JSON.stringify({ tool: 'lesim', files: [...names, RUN_MARKER] });

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
    writeDirectoryAtomically(dir, files({ [RUN_MARKER]: manifest('old.txt'), 'old.txt': 'old' }), false);
    writeDirectoryAtomically(dir, files({ [RUN_MARKER]: manifest('new.txt'), 'new.txt': 'new' }), true);
    expect(readdirSync(dir).sort()).toEqual([RUN_MARKER, 'new.txt'].sort());
    expect(readFileSync(join(dir, 'new.txt'), 'utf8')).toBe('new');
  });

  it('leaves no temporary or set-aside directories behind', () => {
    const dir = join(root, 'run');
    for (const v of ['1', '2', '3']) writeDirectoryAtomically(dir, files({ 'a.txt': v, [RUN_MARKER]: manifest('a.txt') }), v !== '1');
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
    writeDirectoryAtomically(dir, files({ [RUN_MARKER]: manifest() }), false);
    expect(() => writeDirectoryAtomically(dir, files({ a: 'file', 'a/b': 'x' }), true)).toThrow(/a\/b|ENOTDIR|EEXIST/);
    expect(readFileSync(join(dir, RUN_MARKER), 'utf8')).toBe(manifest());
    expect(readdirSync(root)).toEqual(['run']);
  });
});

describe('checkOutputDir', () => {
  it('accepts a missing or empty directory, and a lesim run with force', () => {
    expect(() => checkOutputDir(join(root, 'missing'), false)).not.toThrow();
    expect(() => checkOutputDir(root, false)).not.toThrow();
    writeFileSync(join(root, RUN_MARKER), manifest());
    mkdirSync(join(root, 'charts'));
    expect(() => checkOutputDir(root, true)).not.toThrow();
  });

  it('names a directory holding a run as such', () => {
    writeFileSync(join(root, RUN_MARKER), manifest());
    expect(() => checkOutputDir(root, false)).toThrow(/already holds a run/);
  });

  it('refuses an empty path, a file and the current directory, even with force', () => {
    expect(() => checkOutputDir('', true)).toThrow(/--out is empty/);
    expect(() => checkOutputDir('  ', true)).toThrow(/--out is empty/);
    writeFileSync(join(root, 'f'), 'mine');
    expect(() => checkOutputDir(join(root, 'f'), true)).toThrow(/is a file, not a directory/);
    expect(() => checkOutputDir(join(root, 'f', 'sub'), true)).toThrow(LesimError);
    expect(() => checkOutputDir(process.cwd(), true)).toThrow(/is the current directory/);
    expect(() => checkOutputDir(dirname(process.cwd()), true)).toThrow(/holds the current directory/);
  });

  it('with force refuses a directory that holds no lesim run, or files its manifest does not list', () => {
    writeFileSync(join(root, 'notes.txt'), 'mine');
    expect(() => checkOutputDir(root, true)).toThrow(/does not hold a lesim run/);
    // A manifest.json of someone else's (a web app's) is not a lesim run either.
    writeFileSync(join(root, RUN_MARKER), '{"name": "my app"}');
    expect(() => checkOutputDir(root, true)).toThrow(/does not hold a lesim run/);
    writeFileSync(join(root, RUN_MARKER), manifest('a.csv'));
    expect(() => checkOutputDir(root, true)).toThrow(/holds files lesim did not write \(notes\.txt\)/);
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('with force accepts a batch store (a finished shard or .partial)', () => {
    writeFileSync(join(root, STORE_MARKER), JSON.stringify({ made_with: { lesim_version: '0' } }));
    mkdirSync(join(root, 'records'));
    expect(() => checkOutputDir(root, true)).not.toThrow();
    writeFileSync(join(root, 'thesis.docx'), 'mine');
    expect(() => checkOutputDir(root, true)).toThrow(/thesis\.docx/);
  });
});

describe('makeDirectories', () => {
  it('makes missing parents and names the path it cannot make, without spinning', () => {
    makeDirectories(join(root, 'a', 'b', 'c'));
    expect(existsSync(join(root, 'a', 'b', 'c'))).toBe(true);
    expect(() => makeDirectories('/proc/lesim-test/x')).toThrow(/\/proc\/lesim-test: could not create the directory/);
  });
});

describe('buildDirectoryAtomically', () => {
  it('holds the lock of the output while it builds, and releases it after', () => {
    const dir = join(root, 'run');
    buildDirectoryAtomically(dir, false, (temp) => {
      expect(existsSync(lockFileOf(dir))).toBe(true);
      writeFileSync(join(temp, RUN_MARKER), manifest());
    });
    expect(existsSync(lockFileOf(dir))).toBe(false);
    expect(readdirSync(root)).toEqual(['run']);
  });
});
