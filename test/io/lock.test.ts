import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lockFileOf, lockOutput, OutputLockedError, withOutputLock } from '../../src/io/lock.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lesim-lock-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A pid that is certainly not running: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const owner = (pid: number, host = hostname()) => JSON.stringify({ pid, host, started_at: '2026-01-01T00:00:00.000Z', command: ['run', 'gde-baseline'] });

describe('output locks', () => {
  it('writes its owner beside the directory and removes the file on release', () => {
    const dir = join(root, 'run');
    const lock = lockOutput(dir);
    expect(lock.file).toBe(join(root, '.run.lock'));
    const held = JSON.parse(readFileSync(lock.file, 'utf8'));
    expect(held).toMatchObject({ pid: process.pid, host: hostname() });
    expect(typeof held.started_at).toBe('string');
    lock.release();
    expect(existsSync(lock.file)).toBe(false);
  });

  it('is re-entrant within a process: released when the last holder lets go', () => {
    const dir = join(root, 'run');
    const outer = lockOutput(dir);
    withOutputLock(dir, () => expect(existsSync(outer.file)).toBe(true));
    expect(existsSync(outer.file)).toBe(true);
    outer.release();
    expect(existsSync(outer.file)).toBe(false);
  });

  it('refuses a lock held by a running process, naming it, and leaves its file alone', async () => {
    const dir = join(root, 'run');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(lockFileOf(dir), owner(child.pid!));
      let error: unknown;
      try {
        lockOutput(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(OutputLockedError);
      expect((error as Error).message).toContain(`in use by lesim process ${child.pid} on ${hostname()}, started 2026-01-01T00:00:00.000Z (lesim run gde-baseline)`);
      expect((error as Error).message).toContain(`remove ${lockFileOf(dir)}`);
      expect(JSON.parse(readFileSync(lockFileOf(dir), 'utf8')).pid).toBe(child.pid);
    } finally {
      child.kill();
    }
  });

  it('takes over the lock of a process that is no longer running', () => {
    const dir = join(root, 'run');
    writeFileSync(lockFileOf(dir), owner(deadPid()));
    const lock = lockOutput(dir);
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('does not take over a lock of another host (its pid cannot be checked from here)', () => {
    const dir = join(root, 'run');
    writeFileSync(lockFileOf(dir), owner(deadPid(), 'some-other-node'));
    expect(() => lockOutput(dir)).toThrow(/in use by lesim process \d+ on some-other-node/);
  });

  it('names the directory when the lock cannot be made there', () => {
    expect(() => lockOutput('/proc/lesim-test-out')).toThrow(/\/proc\/lesim-test-out: could not create its lock file/);
  });
});
