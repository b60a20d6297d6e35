import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The commit before the columnar refactor of issue 10: the bench reports ratios to it. */
export const BASELINE_COMMIT = '215740a';

/**
 * A compiled copy of another commit, for old/new comparisons: exported with git archive (no
 * worktree, nothing in the repository changes), sharing this checkout's node_modules, built once
 * and cached under the temporary directory. Returns its dist directory.
 */
export function baselineDist(checkout: string, commit = BASELINE_COMMIT): string {
  const dir = process.env.BENCH_BASE_DIR ?? join(tmpdir(), `lesim-base-${commit}`);
  const dist = join(dir, 'dist');
  if (existsSync(join(dist, 'model', 'run.js'))) return dist;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${checkout}" archive ${commit} | tar -x -C "${dir}"`], { stdio: 'inherit' });
  symlinkSync(resolve(checkout, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, [resolve(checkout, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { stdio: 'inherit' });
  return dist;
}
