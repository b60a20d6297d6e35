/**
 * The errors a user can act on, and the exit codes of the command line (README, "Exit codes").
 * Every such error is a LesimError: the CLI prints its message alone (no stack trace unless
 * --debug) and exits with its code. Anything else that escapes is a bug in lesim (exit 1).
 */
export const EXIT = {
  ok: 0,
  /** A bug in lesim: please report it with the output of --debug. */
  internal: 1,
  /** Bad input: an argument, option, scenario, sweep or state file to fix; an output in the way. */
  badInput: 2,
  /** Some replications failed; the others were written, failures.csv has their seeds and errors. */
  runsFailed: 3,
  /** The machine refused a read or write (disk full, read-only, no permission, I/O error). */
  io: 4,
  /** Interrupted (Ctrl-C or SIGTERM); finished runs are kept for --resume. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class LesimError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.badInput,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LesimError';
  }
}

/** A read or write the operating system refused: the path, why, and what to do (exit 4, or 2 for a wrong path). */
export class FileSystemError extends LesimError {
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
    exitCode: ExitCode,
    cause?: unknown,
  ) {
    super(message, exitCode, { cause });
    this.name = 'FileSystemError';
  }
}

/** An error from node:fs (or a stream) with its errno code. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z0-9]+$/.test((error as NodeJS.ErrnoException).code!);
}

/**
 * Per errno code: what went wrong in words, what to do, and whether the path itself is wrong
 * (bad input, exit 2) or the machine refused (exit 4).
 */
const SYSTEM_ERRORS: Readonly<Record<string, { what: string; todo: string; badPath?: true }>> = {
  ENOSPC: { what: 'no space left on the device', todo: 'free some space or choose another --out' },
  EDQUOT: { what: 'disk quota exceeded', todo: 'free some space or choose another --out' },
  EROFS: { what: 'the file system is read-only', todo: 'choose an --out on a writable disk' },
  EACCES: { what: 'permission denied', todo: 'check its permissions or choose another path' },
  EPERM: { what: 'operation not permitted', todo: 'check its permissions or choose another path' },
  EIO: { what: 'input/output error', todo: 'check the disk' },
  EMFILE: { what: 'too many open files', todo: 'raise the limit (ulimit -n) or use fewer --workers' },
  ENFILE: { what: 'too many open files on the system', todo: 'close other programs or use fewer --workers' },
  EBUSY: { what: 'the resource is busy', todo: 'try again when it is free' },
  EXDEV: { what: 'cannot move across file systems', todo: 'choose an --out on the same disk as its parent directory' },
  ENOENT: { what: 'no such file or directory', todo: 'check the path', badPath: true },
  ENOTDIR: { what: 'a part of the path is a file, not a directory', todo: 'check the path', badPath: true },
  EISDIR: { what: 'is a directory, not a file', todo: 'give a file', badPath: true },
  ENAMETOOLONG: { what: 'the name is too long', todo: 'choose a shorter path', badPath: true },
  ELOOP: { what: 'too many symbolic links', todo: 'check the path', badPath: true },
  EEXIST: { what: 'already exists', todo: 'choose another path', badPath: true },
  ENOTEMPTY: { what: 'the directory is not empty', todo: 'choose another path', badPath: true },
  EINVAL: { what: 'invalid argument for this file system', todo: 'choose an --out on an ordinary disk', badPath: true },
};

const VERBS: Readonly<Record<string, string>> = {
  open: 'open it',
  read: 'read it',
  write: 'write it',
  mkdir: 'create the directory',
  rename: 'move it into place',
  rm: 'remove it',
  rmdir: 'remove it',
  unlink: 'remove it',
  scandir: 'list the directory',
  stat: 'look at it',
  lstat: 'look at it',
  copyfile: 'copy it',
};

export interface SystemErrorContext {
  /** What lesim was doing, after "could not" (default: from the system call). */
  readonly doing?: string;
  /** The path to name (default: the error's own). */
  readonly path?: string;
  /** What the user can do (default: by error code). */
  readonly todo?: string;
}

/** A node:fs error as a message that names the path, what failed and what to do. */
export function systemError(error: NodeJS.ErrnoException & { code: string }, context: SystemErrorContext = {}): FileSystemError {
  const known = SYSTEM_ERRORS[error.code];
  const where = context.path ?? error.path ?? (error as { dest?: string }).dest;
  const doing = context.doing ?? (error.syscall ? (VERBS[error.syscall] ?? error.syscall) : 'access it');
  const what = known?.what ?? error.message.replace(/^[A-Z0-9]+: /, '').replace(/, \w+ '.*'$/, '');
  const todo = context.todo ?? known?.todo;
  const message = `${where ? `${where}: ` : ''}could not ${doing}: ${what} (${error.code})${todo ? `; ${todo}` : ''}`;
  return new FileSystemError(where ?? '', error.code, message, known?.badPath ? EXIT.badInput : EXIT.io, error);
}

/** Any error as the user sees it: a LesimError as is, a system error in words, else undefined (a bug). */
export function asUserError(error: unknown): LesimError | undefined {
  if (error instanceof LesimError) return error;
  if (isSystemError(error)) return systemError(error);
  return undefined;
}
