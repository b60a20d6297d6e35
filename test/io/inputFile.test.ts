import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { describeValue, findNonFinite, InputFileError, MAX_YAML_ALIASES, parseJsonInput, readGzipText, readInputText, readJsonInput, yamlToData } from '../../src/io/inputFile.js';

const root = mkdtempSync(join(tmpdir(), 'lesim-input-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const file = (name: string, content: string | Buffer) => {
  const path = join(root, name);
  writeFileSync(path, content);
  return path;
};
const what = 'scenario file';

function problem(read: () => unknown): InputFileError {
  try {
    read();
  } catch (error) {
    if (error instanceof InputFileError) return error;
    throw error;
  }
  throw new Error('expected an InputFileError');
}

describe('readInputText', () => {
  it('reads a regular UTF-8 file, dropping a byte-order mark', () => {
    expect(readInputText(file('a.yaml', 'a: 1\n'), { what })).toBe('a: 1\n');
    expect(readInputText(file('bom.yaml', '\uFEFFa: 1\n'), { what })).toBe('a: 1\n');
  });

  it('refuses a FIFO without opening it (opening would block until a writer comes)', () => {
    const fifo = join(root, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const e = problem(() => readInputText(fifo, { what }));
    expect(e.message).toBe(`${fifo}: is a named pipe (FIFO), not a regular file; give the path of a scenario file`);
    expect(e.exitCode).toBe(EXIT.badInput);
  });

  it('refuses devices and directories', () => {
    expect(problem(() => readInputText('/dev/zero', { what })).problem).toMatch(/is a character device, not a regular file/);
    const dir = join(root, 'dir.yaml');
    mkdirSync(dir);
    expect(problem(() => readInputText(dir, { what })).problem).toMatch(/is a directory, not a regular file/);
  });

  it('follows a symbolic link to a regular file, but not to a device', () => {
    const target = file('target.yaml', 'x: 1\n');
    symlinkSync(target, join(root, 'link.yaml'));
    symlinkSync('/dev/zero', join(root, 'zero.yaml'));
    expect(readInputText(join(root, 'link.yaml'), { what })).toBe('x: 1\n');
    expect(problem(() => readInputText(join(root, 'zero.yaml'), { what })).problem).toMatch(/character device/);
  });

  it('names a missing file and an empty path', () => {
    expect(problem(() => readInputText(join(root, 'none.yaml'), { what })).problem).toBe('file not found; give the path of a scenario file');
    expect(problem(() => readInputText('', { what })).problem).toMatch(/empty path/);
  });

  it('caps the size, also of files whose stat says 0 bytes (/proc)', () => {
    expect(problem(() => readInputText(file('big.yaml', 'x'.repeat(101)), { what, maxBytes: 100 })).problem).toBe('is larger than 100 bytes, the most a scenario file may be');
    expect(readInputText(file('fits.yaml', 'x'.repeat(100)), { what, maxBytes: 100 })).toHaveLength(100);
    expect(problem(() => readInputText('/proc/self/maps', { what, maxBytes: 10 })).problem).toMatch(/larger than 10 bytes/);
  });

  it('refuses a file that is not UTF-8 text', () => {
    expect(problem(() => readInputText(file('bin.yaml', Buffer.from([0xff, 0xfe, 0x00, 0x80])), { what })).problem).toMatch(/is not UTF-8 text/);
  });
});

describe('readGzipText', () => {
  it('reads a gzip file and refuses one that unpacks past its cap (a gzip bomb)', () => {
    expect(readGzipText(file('ok.json.gz', gzipSync('{"a":1}')), { what: 'checkpoint' })).toBe('{"a":1}');
    const bomb = file('bomb.json.gz', gzipSync(Buffer.alloc(5_000_000)));
    expect(problem(() => readGzipText(bomb, { what: 'checkpoint', maxBytes: 10_000, expand: 10 })).problem).toMatch(/unpacks to more than 100000 bytes/);
    expect(problem(() => readGzipText(file('torn.json.gz', 'not gzip'), { what: 'checkpoint' })).problem).toMatch(/not a valid gzip file/);
  });
});

describe('JSON and YAML data', () => {
  it('names a JSON syntax error and refuses numbers too large to hold (1e999 is Infinity)', () => {
    expect(problem(() => parseJsonInput('x.json', '{"a": ')).message).toMatch(/^x\.json: not valid JSON/);
    expect(problem(() => parseJsonInput('x.json', '{"a": {"b": [1, 1e999]}}')).message).toBe('x.json: a.b.1: got Infinity; allowed: a finite number');
    expect(readJsonInput(file('ok.json', '{"a": [1, 2]}'), { what: 'record' })).toEqual({ a: [1, 2] });
  });

  it('limits YAML alias expansion (a billion-laughs file is named, not expanded)', () => {
    const rows = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c']]) rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    const e = problem(() => yamlToData('bomb.yaml', parseDocument(rows.join('\n'))));
    expect(e.problem).toContain(`more than ${MAX_YAML_ALIASES} times`);
    expect(yamlToData('few.yaml', parseDocument('a: &a 1\nb: *a\n'))).toEqual({ a: 1, b: 1 });
  });

  it('finds NaN and Infinity and names them (JSON.stringify would say null)', () => {
    expect(findNonFinite(parseDocument('a: [1, .nan]\n').toJS())).toEqual({ path: ['a', 1], value: NaN });
    expect(findNonFinite({ a: { b: -Infinity } })).toEqual({ path: ['a', 'b'], value: -Infinity });
    expect(findNonFinite({ a: [1, 'x', null] })).toBeUndefined();
    expect(describeValue(NaN)).toBe('NaN (not a number)');
    expect(describeValue(-Infinity)).toBe('-Infinity');
    expect(describeValue('x')).toBe("'x'");
  });
});
