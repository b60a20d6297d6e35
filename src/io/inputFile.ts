import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Document } from 'yaml';
import { isSystemError, LesimError, systemError } from '../errors.js';

/**
 * The one way lesim reads a file the user or an earlier run gave it (scenario, sweep,
 * proposition, shard record, checkpoint): a regular file only, so a FIFO or /dev/zero cannot hang
 * or flood the process; at most a stated size; YAML aliases limited; NaN and Infinity refused
 * by name. Every problem is an InputFileError (exit 2) that names the file.
 */
export class InputFileError extends LesimError {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'InputFileError';
  }
}

export interface InputOptions {
  /** What the file is, for messages: 'scenario file', 'sweep file', 'shard record'. */
  readonly what: string;
  /** Largest size accepted, in bytes (default 1 MB). */
  readonly maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 1_000_000;
/** Aliases one YAML file may expand (the yaml library's own default, named here so it is a decision). */
export const MAX_YAML_ALIASES = 100;

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function notRegular(path: string, stat: Stats, what: string): InputFileError {
  return new InputFileError(path, `is ${kindOf(stat)}, not a regular file; give the path of a ${what}`);
}

/** The bytes of a regular file of at most maxBytes; refuses anything else before reading it. */
export function readInputBytes(path: string, options: InputOptions): Buffer {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (path.trim() === '') throw new InputFileError("''", `empty path; give the path of a ${options.what}`);
  let fd: number;
  try {
    // stat first: opening a FIFO would block until a writer comes.
    const stat = statSync(path);
    if (!stat.isFile()) throw notRegular(path, stat, options.what);
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (isSystemError(error) && error.code === 'ENOENT') throw new InputFileError(path, `file not found; give the path of a ${options.what}`);
    throw isSystemError(error) ? systemError(error, { path, doing: `read this ${options.what}` }) : error;
  }
  try {
    // Checked again on the open file: the path may have been swapped in between.
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notRegular(path, stat, options.what);
    const tooBig = () => new InputFileError(path, `is larger than ${max} bytes, the most a ${options.what} may be`);
    if (stat.size > max) throw tooBig();
    // Read to the end rather than trust the size (files under /proc say 0): at most max + 1 bytes.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(65_536, max + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > max) throw tooBig();
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw isSystemError(error) ? systemError(error, { path, doing: `read this ${options.what}` }) : error;
  } finally {
    closeSync(fd);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function decode(path: string, bytes: Uint8Array, what: string): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new InputFileError(path, `is not UTF-8 text; a ${what} is a text file`);
  }
}

/** A regular text file (UTF-8, a BOM dropped) of at most maxBytes. */
export function readInputText(path: string, options: InputOptions): string {
  return decode(path, readInputBytes(path, options), options.what);
}

/**
 * A gzipped text file: at most maxBytes on disk and maxBytes x `expand` once unpacked, so a
 * small file cannot unpack into gigabytes.
 */
export function readGzipText(path: string, options: InputOptions & { readonly expand?: number }): string {
  const bytes = readInputBytes(path, options);
  const limit = (options.maxBytes ?? DEFAULT_MAX_BYTES) * (options.expand ?? 20);
  let unpacked: Buffer;
  try {
    unpacked = gunzipSync(bytes, { maxOutputLength: limit });
  } catch (error) {
    const tooBig = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || /larger than|too large/i.test(String(error));
    throw new InputFileError(path, tooBig ? `unpacks to more than ${limit} bytes, the most a ${options.what} may be` : `is not a valid gzip file (${(error as Error).message})`);
  }
  return decode(path, unpacked, options.what);
}

/** How a value is shown in a message: NaN and Infinity by name (JSON.stringify would say null). */
export function describeValue(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'NaN (not a number)' : `${value > 0 ? '' : '-'}Infinity`;
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value}'`;
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The path of the first NaN or infinite number in a parsed value, if any. */
export function findNonFinite(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, value };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNonFinite(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findNonFinite(v, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Refuses NaN and Infinity anywhere in a parsed file, naming the field (line when `lineOf` knows it). */
export function checkFinite(path: string, value: unknown, lineOf?: (at: readonly (string | number)[]) => number | undefined): void {
  const found = findNonFinite(value);
  if (!found) return;
  const line = lineOf?.(found.path);
  const field = found.path.length > 0 ? found.path.join('.') : '(file)';
  throw new InputFileError(`${path}${line ? `:${line}` : ''}`, `${field}: got ${describeValue(found.value)}; allowed: a finite number`);
}

/**
 * A parsed YAML document as plain data, with at most MAX_YAML_ALIASES alias expansions (a
 * "billion laughs" file is refused by name, not run out of memory).
 */
export function yamlToData(path: string, doc: Document.Parsed): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      throw new InputFileError(path, `expands YAML aliases (*name) more than ${MAX_YAML_ALIASES} times; write the values out, or use fewer aliases`);
    }
    throw new InputFileError(path, `cannot be read as YAML: ${(error as Error).message}`);
  }
}

/** JSON text as data, a syntax error named with the file; NaN and Infinity (e.g. 1e999) refused. */
export function parseJsonInput(path: string, text: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(path, `not valid JSON (${(error as Error).message})`);
  }
  checkFinite(path, data);
  return data;
}

/** A regular JSON file of at most maxBytes, parsed. */
export function readJsonInput(path: string, options: InputOptions): unknown {
  return parseJsonInput(path, readInputText(path, options));
}
