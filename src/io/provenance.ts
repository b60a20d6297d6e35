import { execFileSync } from 'node:child_process';
import type { RunProvenance } from './outputs.js';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function lesimVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The git commit of the lesim checkout, with '-dirty' if it has uncommitted changes; 'unknown' outside git. */
export function gitCommit(): string {
  try {
    const run = (args: string[]) => execFileSync('git', args, { cwd: packageRoot, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const commit = run(['rev-parse', 'HEAD']);
    const dirty = run(['status', '--porcelain', '--untracked-files=no']).length > 0;
    return dirty ? `${commit}-dirty` : commit;
  } catch {
    return 'unknown';
  }
}

/** The provenance of a command that started at `startedAt` and finishes now (every manifest's opening keys). */
export function commandProvenance(startedAt: Date, command: readonly string[]): RunProvenance {
  return {
    lesimVersion: lesimVersion(),
    gitCommit: gitCommit(),
    nodeVersion: process.version,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    command: ['lesim', ...command],
  };
}
