import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The compiled command line, as users run it (npm test builds dist/ first). */
export const CLI = resolve(__dirname, '../../dist/cli/main.js');

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function lesim(args: readonly string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = 'lesim-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A stack trace would show frames like "    at main (file.js:1:2)". */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
