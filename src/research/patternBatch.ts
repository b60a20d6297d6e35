import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../batch/store.js';
import type { Shard } from '../batch/plan.js';
import type { Params } from '../model/parameters.js';
import { runPatternPoints } from '../patterns/runs.js';
import type { Values } from '../patterns/table.js';

export interface PatternBatchOptions {
  readonly workers: number;
  /** The slice this process runs; the whole batch when count is 1. */
  readonly shard: Shard;
  /** Only look: run nothing (for --status). */
  readonly dryRun?: boolean;
  readonly onProgress?: (done: number, total: number, failed: number) => void;
}

export interface PatternBatchOutcome {
  /** values[point][replicate] once every task of the batch has its file; undefined before. */
  readonly values?: Values[][];
  /** Tasks of the whole batch still without a file (after this call's runs). */
  readonly missing: number;
  readonly total: number;
  readonly ran: number;
}

const taskFile = (dir: string, t: number) => join(dir, `t${t}.json`);

/**
 * One batch of pattern runs (every point, `replicates` replications, common random numbers) kept
 * as one file per task in dir, so that the shards of a cluster job (shard i of n takes tasks
 * t with t mod n = i) can fill it on a shared file system, one after another or at once, and an
 * interrupted batch resumes. The values are those runPatternPoints gives (seeds depend on the
 * base seed and the replicate alone), so a batch made in shards equals one made whole.
 */
export async function patternBatch(dir: string, points: readonly Params[], replicates: number, baseSeed: number, options: PatternBatchOptions): Promise<PatternBatchOutcome> {
  const total = points.length * replicates;
  const has = (t: number) => existsSync(taskFile(dir, t));
  const mine = Array.from({ length: total }, (_, t) => t).filter((t) => t % options.shard.count === options.shard.index && !has(t));
  let ran = 0;
  if (mine.length > 0 && !options.dryRun) {
    const { values } = await runPatternPoints(points, replicates, baseSeed, options.workers, options.onProgress, mine);
    for (const t of mine) {
      const v = values[Math.floor(t / replicates)][t % replicates];
      // JSON has no NaN: an undefined quantity is written as null and read back as NaN.
      writeFileAtomic(taskFile(dir, t), JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? null : x)));
    }
    ran = mine.length;
  }
  const missing = Array.from({ length: total }, (_, t) => t).filter((t) => !has(t)).length;
  if (missing > 0) return { missing, total, ran };
  const values = points.map((_, p) =>
    Array.from({ length: replicates }, (_, k) => {
      const raw = JSON.parse(readFileSync(taskFile(dir, p * replicates + k), 'utf8')) as Record<string, number | null>;
      return Object.fromEntries(Object.entries(raw).map(([key, x]) => [key, x === null ? NaN : x])) as unknown as Values;
    }),
  );
  return { values, missing: 0, total, ran };
}
