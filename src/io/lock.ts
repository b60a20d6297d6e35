import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { isSystemError, LesimError, systemError } from '../errors.js';

/**
 * A lock file beside an output directory (<parent>/.<name>.lock), so that two lesim processes
 * never write the same --out (or its .partial) at once. It holds the owner's pid, host, start
 * time and command, so the refusal can say who holds it; a lock whose process is gone (same
 * host, pid not running) is taken over. Locks are re-entrant within a process and removed when
 * it exits, however it exits short of SIGKILL (and then the next run takes the stale lock over).
 */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly started_at: string;
  readonly command: readonly string[];
}

export class OutputLockedError extends LesimError {
  constructor(
    readonly dir: string,
    readonly owner: LockOwner | undefined,
    readonly lockFile: string,
  ) {
    const who = owner ? `lesim process ${owner.pid} on ${owner.host}, started ${owner.started_at} (lesim ${owner.command.join(' ')})` : 'another lesim process';
    super(`output directory '${dir}' is in use by ${who}; wait for it to finish or choose another --out (if that process is gone, remove ${lockFile})`);
    this.name = 'OutputLockedError';
  }
}

/** Lock files this process holds, with how many times each was taken (re-entrant). */
const held = new Map<string, number>();
let cleanupInstalled = false;

export function lockFileOf(dir: string): string {
  const target = resolve(dir);
  return join(dirname(target), `.${basename(target)}.lock`);
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string') return undefined;
    return { pid: data.pid, host: data.host, started_at: String(data.started_at ?? '?'), command: Array.isArray(data.command) ? data.command.map(String) : [] };
  } catch {
    return undefined;
  }
}

/** Whether a process of this host is running: signal 0 tests without touching it (EPERM: it runs, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isSystemError(error) && error.code === 'EPERM';
  }
}

/** A lock file a crashed process left half-written is stale once it is this old. */
const UNREADABLE_STALE_MS = 10_000;

function isStale(file: string, owner: LockOwner | undefined): boolean {
  if (owner) return owner.host === hostname() && owner.pid !== process.pid && !running(owner.pid);
  try {
    return Date.now() - statSync(file).mtimeMs > UNREADABLE_STALE_MS;
  } catch {
    return true;
  }
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on('exit', () => {
    for (const file of held.keys()) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone: nothing to clean.
      }
    }
    held.clear();
  });
}

export interface OutputLock {
  readonly file: string;
  release(): void;
}

/**
 * Takes the lock of an output directory, or throws OutputLockedError naming its holder. The
 * directory's parent must exist (the caller creates it).
 */
export function lockOutput(dir: string): OutputLock {
  const file = lockFileOf(dir);
  const release = () => {
    const n = held.get(file) ?? 0;
    if (n > 1) held.set(file, n - 1);
    else if (n === 1) {
      held.delete(file);
      try {
        unlinkSync(file);
      } catch {
        // Removed by hand meanwhile: nothing to release.
      }
    }
  };
  if (held.has(file)) {
    held.set(file, held.get(file)! + 1);
    return { file, release };
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), started_at: new Date().toISOString(), command: process.argv.slice(2) };
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      if (!isSystemError(error)) throw error;
      if (error.code !== 'EEXIST') throw systemError(error, { path: dir, doing: `create its lock file ${file}`, todo: 'choose an --out in a writable directory' });
      const other = readOwner(file);
      if (attempt === 0 && isStale(file, other)) {
        process.stderr.write(`lesim: note: taking over the lock of '${dir}' left by ${other ? `process ${other.pid}, which is no longer running` : 'a process that did not finish writing it'}\n`);
        try {
          unlinkSync(file);
        } catch {
          // Another process took it over first: try again, and meet its lock.
        }
        continue;
      }
      throw new OutputLockedError(dir, other, file);
    }
    try {
      writeSync(fd, `${JSON.stringify(owner)}\n`);
    } catch (error) {
      closeSync(fd);
      unlinkSync(file);
      throw isSystemError(error) ? systemError(error, { path: file, doing: 'write the lock file' }) : error;
    }
    closeSync(fd);
    installCleanup();
    held.set(file, 1);
    return { file, release };
  }
}

/** Runs `work` holding the lock of `dir`, released after, however `work` ends. */
export function withOutputLock<T>(dir: string, work: () => T): T {
  const lock = lockOutput(dir);
  try {
    return work();
  } finally {
    lock.release();
  }
}
