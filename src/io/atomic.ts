import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputExistsError extends Error {
  constructor(readonly dir: string, reason: string) {
    super(`output directory '${dir}' ${reason}; choose another --out or pass --force to replace it`);
    this.name = 'OutputExistsError';
  }
}

/** The name of the file that marks a directory as holding a lesim run. */
export const RUN_MARKER = 'manifest.json';

/**
 * Refuses an output directory that already holds something, unless `force`. Checked before any
 * work, so that a long run is not wasted on a refusal at the end.
 */
export function checkOutputDir(dir: string, force: boolean): void {
  if (!existsSync(dir) || force) return;
  const entries = readdirSync(dir);
  if (entries.includes(RUN_MARKER)) throw new OutputExistsError(dir, 'already holds a run');
  if (entries.length > 0) throw new OutputExistsError(dir, 'exists and is not empty');
}

/**
 * Writes a set of files as one directory, all or nothing: into a temporary sibling first, then
 * renamed into place. An old directory is moved aside and removed only after the new one is in
 * place, so an interruption never leaves a half-written run nor loses the old one.
 */
export function writeDirectoryAtomically(dir: string, files: ReadonlyMap<string, string>, force: boolean): void {
  buildDirectoryAtomically(dir, force, (temp) => {
    for (const [name, content] of files) {
      const path = join(temp, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
  });
}

/**
 * As writeDirectoryAtomically, for output too large to hold in memory: `build` writes the files
 * into the temporary directory it is given (streaming or appending as it likes).
 */
export function buildDirectoryAtomically(dir: string, force: boolean, build: (temp: string) => void): void {
  const target = resolve(dir);
  checkOutputDir(target, force);
  mkdirSync(dirname(target), { recursive: true });
  const tag = `${process.pid}-${Math.floor(performance.now() * 1000)}`;
  const temp = join(dirname(target), `.${basename(target)}.tmp-${tag}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    build(temp);
    if (existsSync(target)) {
      const aside = join(dirname(target), `.${basename(target)}.old-${tag}`);
      renameSync(target, aside);
      renameSync(temp, target);
      rmSync(aside, { recursive: true, force: true });
    } else {
      renameSync(temp, target);
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
}
