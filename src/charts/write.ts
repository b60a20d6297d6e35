import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { makeDirectories } from '../io/atomic.js';
import { ChartInputError } from './source.js';

/**
 * Writes one file all or nothing: into a temporary sibling, then renamed over the target, so a
 * reader never sees half a chart or report. An existing file is replaced only with `force`
 * (the same rule as run directories: nothing already written is lost by accident).
 */
export function writeFileAtomically(path: string, content: string | Buffer, force: boolean): void {
  const target = resolve(path);
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) throw new ChartInputError(`output '${path}' is a directory; give a file name`);
    if (!force) throw new ChartInputError(`output file '${path}' exists; choose another --out or pass --force to replace it`);
  }
  makeDirectories(dirname(target));
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
