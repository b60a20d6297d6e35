import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isSystemError, LesimError, systemError } from '../errors.js';
import { InputFileError, readJsonInput } from './inputFile.js';
import { withOutputLock } from './lock.js';

export class OutputExistsError extends LesimError {
  constructor(readonly dir: string, reason: string, advice = 'choose another --out or pass --force to replace it') {
    super(`output directory '${dir}' ${reason}; ${advice}`);
    this.name = 'OutputExistsError';
  }
}

/** The name of the file that marks a directory as holding a lesim run (run, sweep, compare, merge). */
export const RUN_MARKER = 'manifest.json';
/** The file that marks a batch store (an unfinished <out>.partial, or a finished shard). */
export const STORE_MARKER = 'plan.json';

/** What lesim itself puts in a store, and beside a run's listed files (charts and reports of it). */
const STORE_ENTRIES = new Set([STORE_MARKER, 'complete.json', 'records', 'sums', 'events', 'organizations', 'runs']);
const DERIVED_ENTRIES = new Set([RUN_MARKER, 'charts', 'report.html']);
const MAX_MANIFEST_BYTES = 500_000_000;

const run = <T>(what: () => T, path: string, doing: string): T => {
  try {
    return what();
  } catch (error) {
    throw isSystemError(error) ? systemError(error, { path, doing }) : error;
  }
};

/** A manifest or plan that lesim wrote, or undefined (not there, not JSON, someone else's). */
function readMarker(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const data = readJsonInput(file, { what: 'lesim manifest', maxBytes: MAX_MANIFEST_BYTES });
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch (error) {
    if (error instanceof InputFileError) return undefined;
    throw error;
  }
}

/**
 * The entries of a directory that lesim did not write, or undefined if it holds no lesim run at
 * all. A run is known by its manifest (tool: lesim; its files are listed there), a store by its
 * plan (made_with). Hidden entries (.DS_Store, a crashed write's temporary) are lesim's to drop.
 */
function foreignEntries(dir: string, entries: readonly string[]): string[] | undefined {
  const manifest = readMarker(join(dir, RUN_MARKER));
  if (manifest?.tool === 'lesim') {
    if (!Array.isArray(manifest.files)) return [];
    const listed = new Set((manifest.files as unknown[]).map((f) => String(f).replace(/\/+$/, '').split('/')[0]));
    return entries.filter((e) => !e.startsWith('.') && !listed.has(e) && !DERIVED_ENTRIES.has(e));
  }
  const plan = readMarker(join(dir, STORE_MARKER));
  if (plan && typeof plan.made_with === 'object' && plan.made_with !== null) return entries.filter((e) => !e.startsWith('.') && !STORE_ENTRIES.has(e) && !/\.tmp-\d+$/.test(e));
  return undefined;
}

/** The current directory or one that holds it: replacing it would pull the floor away. */
function holdsCwd(target: string): boolean {
  const rel = relative(target, process.cwd());
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/**
 * Refuses an output directory that cannot or must not be written, before any work: an empty
 * path, a file, the current directory; without `force` anything not empty; with `force`
 * anything but an empty directory or one that holds only a lesim run (nothing of the user's is
 * ever deleted). Also makes sure the parent can be created, so a bad path fails now, not after
 * the last replication.
 */
export function checkOutputDir(dir: string, force: boolean, option = '--out'): void {
  if (!checkOutputPath(dir, option)) return;
  const target = resolve(dir);
  const entries = run(() => readdirSync(target), dir, 'list the output directory');
  if (entries.length === 0) return;
  const foreign = foreignEntries(target, entries);
  if (!force) {
    if (foreign !== undefined) throw new OutputExistsError(dir, 'already holds a run');
    throw new OutputExistsError(dir, 'exists and is not empty');
  }
  if (foreign === undefined) {
    throw new OutputExistsError(dir, 'exists and does not hold a lesim run', '--force replaces only a directory that holds one (or is empty): choose another --out');
  }
  if (foreign.length > 0) {
    const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, and ${foreign.length - 5} more` : '');
    throw new OutputExistsError(dir, `holds files lesim did not write (${shown})`, '--force would delete them: move them out first, or choose another --out');
  }
}

/**
 * The checks of an output path that do not depend on what the directory holds: not empty, not
 * the current directory, not a file, a parent that can be made. Returns whether it exists.
 */
export function checkOutputPath(dir: string, option = '--out'): boolean {
  if (dir.trim() === '') throw new LesimError(`${option} is empty; give the directory to write, e.g. ${option} runs/my-run`);
  const target = resolve(dir);
  if (holdsCwd(target)) throw new OutputExistsError(dir, target === process.cwd() ? 'is the current directory' : 'holds the current directory', 'choose a new directory for the output');
  let stat;
  try {
    stat = statSync(target);
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') {
      checkParent(target, dir);
      return false;
    }
    throw isSystemError(error) ? systemError(error, { path: dir, doing: 'look at the output directory' }) : error;
  }
  if (!stat.isDirectory()) throw new OutputExistsError(dir, 'is a file, not a directory', `choose another ${option} (a file is never replaced)`);
  return true;
}

/** The nearest existing ancestor must be a directory (a file there, or /proc, fails now). */
function checkParent(target: string, shown: string): void {
  let up = dirname(target);
  while (!existsSync(up) && dirname(up) !== up) up = dirname(up);
  const stat = run(() => statSync(up), up, 'look at the parent of the output directory');
  if (!stat.isDirectory()) throw new OutputExistsError(shown, `cannot be made: '${up}' is a file`, 'choose another --out');
}

/**
 * Creates a directory and its missing parents one level at a time. (Recursive mkdir can spin
 * forever where a file system refuses it, as under /proc.) Errors name the path.
 */
export function makeDirectories(dir: string): void {
  const target = resolve(dir);
  const missing: string[] = [];
  for (let d = target; !existsSync(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (error) {
      if (isSystemError(error) && error.code === 'EEXIST' && statSync(d).isDirectory()) continue;
      throw isSystemError(error) ? systemError(error, { path: d, doing: 'create the directory', todo: 'choose an --out on an ordinary, writable disk' }) : error;
    }
  }
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
      makeDirectories(dirname(path));
      writeFileSync(path, content);
    }
  });
}

/**
 * Puts the directory `source` in place of `dir`: a new one is renamed in; an old one (checked
 * again now, as at the start) is moved aside first and removed only once the new one is there.
 */
export function replaceDirectory(source: string, dir: string, force: boolean): void {
  const target = resolve(dir);
  checkOutputDir(dir, force);
  const aside = join(dirname(target), `.${basename(target)}.old-${process.pid}-${Math.floor(performance.now() * 1000)}`);
  const had = existsSync(target);
  if (had) run(() => renameSync(target, aside), dir, 'move the old output directory aside');
  try {
    run(() => renameSync(source, target), dir, 'move the new output into place');
  } catch (error) {
    if (had) renameSync(aside, target);
    throw error;
  }
  if (had) rmSync(aside, { recursive: true, force: true });
}

/**
 * As writeDirectoryAtomically, for output too large to hold in memory: `build` writes the files
 * into the temporary directory it is given (streaming or appending as it likes). The output is
 * locked against other lesim processes while it is built.
 */
export function buildDirectoryAtomically(dir: string, force: boolean, build: (temp: string) => void): void {
  const target = resolve(dir);
  checkOutputDir(dir, force);
  makeDirectories(dirname(target));
  withOutputLock(dir, () => {
    const tag = `${process.pid}-${Math.floor(performance.now() * 1000)}`;
    const temp = join(dirname(target), `.${basename(target)}.tmp-${tag}`);
    rmSync(temp, { recursive: true, force: true });
    run(() => mkdirSync(temp), temp, 'create a temporary directory');
    try {
      build(temp);
      replaceDirectory(temp, dir, force);
    } catch (error) {
      rmSync(temp, { recursive: true, force: true });
      // A failed write (ENOSPC) names no path: name the output it was for.
      if (isSystemError(error) && !error.path) throw systemError(error, { path: dir, doing: 'write the output directory' });
      throw error;
    }
  });
}
