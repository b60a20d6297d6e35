import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BatchStoreError } from '../src/batch/store.js';
import { ChartInputError } from '../src/charts/source.js';
import { UsageError } from '../src/cli/errors.js';
import { asUserError, EXIT, FileSystemError, LesimError, systemError } from '../src/errors.js';
import { OutputExistsError } from '../src/io/atomic.js';
import { InputFileError } from '../src/io/inputFile.js';
import { OutputLockedError } from '../src/io/lock.js';
import { RunDirectoryError } from '../src/load/run.js';
import { ParameterError } from '../src/model/validate.js';
import { ScenarioError } from '../src/scenarios/errors.js';
import { UnknownScenarioError } from '../src/scenarios/index.js';
import { SweepFileError } from '../src/sweep/file.js';

function thrown(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('user errors', () => {
  it('every user-facing error class is a LesimError with exit code 2', () => {
    const errors = [
      new UsageError('x'),
      new ParameterError([{ field: 'a', message: 'b' }], 'o'),
      new ScenarioError([{ source: 's', path: 'p', message: 'm' }]),
      new SweepFileError('f', 'x', 'y'),
      new BatchStoreError('x'),
      new OutputExistsError('d', 'r'),
      new OutputLockedError('d', undefined, 'f'),
      new InputFileError('p', 'q'),
      new RunDirectoryError('x'),
      new ChartInputError('x'),
      new UnknownScenarioError('x'),
    ];
    for (const e of errors) {
      expect(e).toBeInstanceOf(LesimError);
      expect(e.exitCode).toBe(EXIT.badInput);
      expect(asUserError(e)).toBe(e);
    }
  });

  it('documents distinct exit codes', () => {
    expect(EXIT).toEqual({ ok: 0, internal: 1, badInput: 2, runsFailed: 3, io: 4, interrupted: 130 });
  });

  it('turns file-system errors into messages that name the path and what to do', () => {
    const root = mkdtempSync(join(tmpdir(), 'lesim-errors-'));
    try {
      writeFileSync(join(root, 'f'), 'x');
      const notDir = asUserError(thrown(() => mkdirSync(join(root, 'f', 'sub'))));
      expect(notDir).toBeInstanceOf(FileSystemError);
      expect(notDir!.message).toBe(`${join(root, 'f', 'sub')}: could not create the directory: a part of the path is a file, not a directory (ENOTDIR); check the path`);
      expect(notDir!.exitCode).toBe(EXIT.badInput);
      const isDir = asUserError(thrown(() => readFileSync(root)));
      expect(isDir!.message).toMatch(/could not read it: is a directory, not a file \(EISDIR\)/);
      // A failed write names no path of its own: the caller gives it.
      const full = systemError(thrown(() => writeFileSync('/dev/full', 'x')) as NodeJS.ErrnoException & { code: string }, { path: '/dev/full' });
      expect(full!.message).toBe('/dev/full: could not write it: no space left on the device (ENOSPC); free some space or choose another --out');
      expect(full!.exitCode).toBe(EXIT.io);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('classes the machine refusing as an I/O failure (exit 4), a wrong path as bad input (exit 2)', () => {
    const errno = (code: string) => Object.assign(new Error(`${code}: x`), { code, syscall: 'open', path: '/p' }) as NodeJS.ErrnoException & { code: string };
    for (const code of ['ENOSPC', 'EROFS', 'EACCES', 'EIO', 'EDQUOT']) expect(systemError(errno(code)).exitCode).toBe(EXIT.io);
    for (const code of ['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG']) expect(systemError(errno(code)).exitCode).toBe(EXIT.badInput);
    expect(systemError(errno('EROFS')).message).toBe('/p: could not open it: the file system is read-only (EROFS); choose an --out on a writable disk');
    expect(systemError(errno('EXYZ')).message).toBe('/p: could not open it: x (EXYZ)');
  });

  it('leaves anything else alone: a bug is not a user error', () => {
    expect(asUserError(new TypeError('x is undefined'))).toBeUndefined();
    expect(asUserError('text')).toBeUndefined();
  });
});
