import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, lesim, STACK_FRAME, tempDir } from './cli.js';

/**
 * The hostile inputs and faults of issue 13's Evidence: each must end in a clear message and the
 * documented exit code, never a hang, a stack trace or a lost file.
 */
const root = tempDir('lesim-hostile-');
/** So much work that a refusal which came after the first replication would time the test out. */
const HUGE = ['--reps', '1000000', '--months', '600', '--workers', '1'];
const TINY = ['--reps', '1', '--months', '6', '--workers', '1'];
/** Spawned runs that hang are stopped here, so a hang fails the test instead of blocking it. */
const HANG_MS = 30_000;

function run(args: readonly string[], cwd = root): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: HANG_MS, stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function refused(r: { status: number | null; stderr: string }, message: RegExp): void {
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK_FRAME);
  expect(r.status).toBe(2);
}

describe('hostile output directories', () => {
  it("--out '' is refused before any work and nothing is written", () => {
    const cwd = join(root, 'empty-out');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'mine.txt'), 'mine');
    refused(run(['run', 'gde-baseline', ...HUGE, '--out', ''], cwd), /^lesim: --out is empty; give the directory to write/);
    expect(readdirSync(cwd)).toEqual(['mine.txt']);
  });

  it('--out that is a file, or under a file, is refused before any work, even with --force', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'mine');
    refused(run(['run', 'gde-baseline', ...HUGE, '--out', file, '--force']), /output directory '.*a-file' is a file, not a directory/);
    refused(run(['run', 'gde-baseline', ...HUGE, '--out', join(file, 'sub')]), /a-file\/sub: could not look at the output directory: a part of the path is a file/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('--force on a directory with a user file is refused and deletes nothing (also its .partial)', () => {
    const dir = join(root, 'users');
    mkdirSync(dir);
    writeFileSync(join(dir, 'thesis.docx'), 'years of work');
    refused(run(['run', 'gde-baseline', ...HUGE, '--out', dir, '--force']), /'.*users' exists and does not hold a lesim run; --force replaces only a directory that holds one/);
    mkdirSync(`${dir}2.partial`);
    writeFileSync(join(`${dir}2.partial`, 'notes.txt'), 'mine');
    refused(run(['run', 'gde-baseline', ...HUGE, '--out', `${dir}2`, '--force']), /users2\.partial' exists and does not hold a lesim run/);
    expect(readFileSync(join(dir, 'thesis.docx'), 'utf8')).toBe('years of work');
    expect(readFileSync(join(`${dir}2.partial`, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('--force replaces a lesim run, but not one a user has added files to', () => {
    const dir = join(root, 'rerun');
    expect(run(['run', 'gde-baseline', ...TINY, '--out', dir]).status).toBe(0);
    expect(run(['run', 'gde-baseline', ...TINY, '--out', dir, '--force']).status).toBe(0);
    writeFileSync(join(dir, 'my-notes.md'), 'mine');
    refused(run(['run', 'gde-baseline', ...HUGE, '--out', dir, '--force']), /holds files lesim did not write \(my-notes\.md\)/);
    expect(readFileSync(join(dir, 'my-notes.md'), 'utf8')).toBe('mine');
    // A chart's --out under /proc is refused too (a recursive mkdir there would spin).
    refused(run(['chart', dir, '--kind', 'maturity', '--out', '/proc/lesim/chart.svg']), /\/proc\/lesim: could not create the directory/);
  });

  it('--out under /proc or the current directory is refused at once, without spinning', () => {
    refused(run(['run', 'gde-baseline', ...HUGE, '--out', '/proc/lesim/out']), /\/proc\/lesim: could not create the directory/);
    refused(run(['run', 'gde-baseline', ...HUGE, '--out', '.', '--force']), /output directory '\.' is the current directory/);
  });

  it('a second run into the same --out is refused at once, naming the run that holds it', async () => {
    const out = join(root, 'shared');
    const first = spawn(process.execPath, [CLI, 'run', 'gde-baseline', '--reps', '1000000', '--months', '24', '--workers', '1', '--out', out], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
    try {
      const lock = join(root, '.shared.lock');
      while (!existsSync(join(out + '.partial', 'plan.json'))) await new Promise((r) => setTimeout(r, 20));
      expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(first.pid);
      const second = run(['run', 'gde-baseline', ...TINY, '--out', out]);
      refused(second, new RegExp(`output directory '.*shared' is in use by lesim process ${first.pid} on .*, started .* \\(lesim run gde-baseline`));
      // Its state directory too, under either name, and with --resume (the old advice) or --force.
      refused(run(['run', 'gde-baseline', ...TINY, '--out', out, '--resume']), /is in use by lesim process/);
      refused(run(['run', 'gde-baseline', ...TINY, '--out', `${out}.partial`, '--force']), /shared\.partial' is in use by lesim process/);
    } finally {
      first.kill('SIGTERM');
    }
    expect(await exited).toBe(130);
    // Interrupted, it let go of its locks: the advice it printed (--resume) now works.
    expect(existsSync(join(root, '.shared.lock'))).toBe(false);
    expect(existsSync(join(root, '.shared.partial.lock'))).toBe(false);
  });

  it('the stale lock of a process that died is taken over', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const host = execFileSync(process.execPath, ['-e', 'process.stdout.write(require("os").hostname())'], { encoding: 'utf8' });
    writeFileSync(join(root, '.stale.lock'), JSON.stringify({ pid: Number(dead), host, started_at: 'then', command: ['run'] }));
    const r = run(['run', 'gde-baseline', ...TINY, '--out', join(root, 'stale')]);
    expect(r.stderr).toContain(`taking over the lock of '${join(root, 'stale')}' left by process ${dead}, which is no longer running`);
    expect(r.status).toBe(0);
  });
});

describe('hostile input files', () => {
  it('a FIFO or /dev/zero as a sweep or scenario file is refused without reading it', () => {
    const fifo = join(root, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    refused(run(['sweep', fifo]), /pipe\.yaml: is a named pipe \(FIFO\), not a regular file; give the path of a sweep file/);
    refused(run(['run', fifo]), /pipe\.yaml: \(file\): is a named pipe \(FIFO\), not a regular file/);
    refused(run(['sweep', '/dev/zero']), /\/dev\/zero: is a character device, not a regular file/);
  });

  it('a YAML alias bomb, NaN and Infinity are named', () => {
    const rows = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']]) rows.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    writeFileSync(join(root, 'bomb.yaml'), rows.join('\n') + '\n');
    refused(run(['sweep', join(root, 'bomb.yaml')]), /bomb\.yaml: expands YAML aliases \(\*name\) more than 100 times/);
    writeFileSync(join(root, 'nan.yaml'), 'parameters:\n  ownChoicePairing_share: [0.5, .nan]\n');
    refused(run(['sweep', join(root, 'nan.yaml')]), /nan\.yaml:2: parameters\.ownChoicePairing_share\.1: got NaN \(not a number\); allowed: a finite number/);
    writeFileSync(join(root, 'inf.json'), '{"extends": "gde-baseline", "parameters": {"ownChoicePairing_share": 1e999}}');
    refused(run(['validate', join(root, 'inf.json')]), /parameters\.ownChoicePairing_share: got Infinity; allowed: a finite number/);
  });
});

describe('hostile pipes and faults', () => {
  it('lesim params | head -1: the first line, no stack trace, exit 0', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" params --format json 2>"${root}/pipe.err" | head -1; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8', timeout: HANG_MS });
    expect(r.stdout).toBe('[\nstatus=0\n');
    expect(readFileSync(join(root, 'pipe.err'), 'utf8')).toBe('');
  });

  it('> /dev/full: a clear message and the I/O exit code, no stack trace', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" params > /dev/full`], { encoding: 'utf8', timeout: HANG_MS });
    expect(r.stderr).toBe('lesim: standard output: could not write: no space left on the device (ENOSPC); send the output somewhere with room\n');
    expect(r.status).toBe(4);
  });

  it('stack traces only with --debug (or LESIM_DEBUG)', () => {
    expect(lesim(['validate', join(root, 'none.yaml'), '--debug']).stderr).toMatch(STACK_FRAME);
    expect(lesim(['validate', join(root, 'none.yaml')], root, { LESIM_DEBUG: '1' }).stderr).toMatch(STACK_FRAME);
  });
});

describe('hostile shard stores', () => {
  it('a forged record in a shard is refused at merge (exit 2), as is valid JSON of the wrong shape', () => {
    const shard = (i: number) => join(root, `shard${i}`);
    for (const i of [1, 2]) expect(run(['run', 'gde-baseline', '--reps', '2', '--months', '6', '--workers', '1', '--shard', `${i}/2`, '--out', shard(i)]).status).toBe(0);
    expect(run(['merge', shard(1), shard(2), '--out', join(root, 'merged')]).status).toBe(0);
    const record = join(shard(1), 'records', 'p0', 'r0.json');
    const original = readFileSync(record, 'utf8');
    writeFileSync(record, JSON.stringify({ ...JSON.parse(original), seed: 'lesim:1:7' }));
    refused(run(['merge', shard(1), shard(2), '--out', join(root, 'forged')]), /replicate 0 has seed 'lesim:1:7' but its plan gives 'lesim:1:0'/);
    writeFileSync(record, JSON.stringify({ ...JSON.parse(original), outcomes: {} }));
    refused(run(['merge', shard(1), shard(2), '--out', join(root, 'forged')]), /r0\.json: not a lesim run record file \(outcomes\./);
    writeFileSync(join(shard(2), 'plan.json'), '[1, 2, 3]');
    const wrongShape = run(['merge', shard(1), shard(2), '--out', join(root, 'forged')]);
    refused(wrongShape, /shard2\/plan\.json: not a lesim plan file/);
    expect(wrongShape.stderr).not.toMatch(/TypeError|internal error/);
    expect(existsSync(join(root, 'forged'))).toBe(false);
    refused(run(['merge', shard(1), shard(2), '--out', shard(1), '--force']), /is one of the shard directories merged/);
  });
});
