import { ExactSeries } from '../analysis/exactSeries.js';
import { N_CELLS } from '../model/recorder.js';
import { replicateSeed } from '../model/rng.js';
import { pointStream, shardTasks, taskAt, type BatchPlan, type Shard } from './plan.js';
import { runTasks, sharedPool, type WorkerPool } from './pool.js';
import type { BatchStore } from './store.js';
import { taskSetup, type TaskResult } from './task.js';

export interface ExecuteOptions {
  readonly workers: number;
  readonly shard: Shard;
  /** Skip the runs an earlier, interrupted execution already folded into its checkpoints. */
  readonly resume: boolean;
  readonly failTasks?: readonly number[];
  /** How often the running sums of unfinished points are checkpointed. */
  readonly checkpointEvery_ms?: number;
  readonly onProgress?: (done: number, total: number, failed: number) => void;
  /** Returns true once the user has asked to stop (Ctrl-C): running tasks finish, no new ones start. */
  readonly stopped?: () => boolean;
  /** The threads to run on (default: the command's shared pool, kept warm for its next batch). */
  readonly pool?: WorkerPool;
  /** False: every run builds its own spun-up world (task.ts shareSpinUp; the results are the same). */
  readonly shareSpinUp?: boolean;
}

export interface ExecuteOutcome {
  readonly total: number;
  readonly done: number;
  readonly failed: number;
  readonly interrupted: boolean;
}

interface PointProgress {
  series: ExactSeries;
  folded: Set<number>;
  /** Tasks of this point in this shard not yet finished (ok or failed). */
  remaining: number;
}

/**
 * Runs the plan's tasks of one shard, writing each finished run to the store as it arrives and
 * checkpointing the sums of the points that changed, so that at any moment the store can be
 * resumed. Sums are exact (ExactSeries), so neither arrival order nor resuming changes a single
 * bit of the result. Only the points with runs in flight are held in memory. A run whose series
 * cannot be summed (a non-finite value) is recorded as failed like a run that throws.
 */
export async function executeBatch(plan: BatchPlan, store: BatchStore, options: ExecuteOptions): Promise<ExecuteOutcome> {
  const tasks = shardTasks(plan, options.shard);
  // Per point: how many of its tasks this shard has and, on resume, which are already summed.
  const owned = new Map<number, number>();
  for (const task of tasks) owned.set(task.point, (owned.get(task.point) ?? 0) + 1);
  const foldedBefore = new Map<number, ReadonlySet<number>>();
  if (options.resume) {
    for (const point of owned.keys()) {
      const checkpoint = store.readCheckpoint(point);
      if (checkpoint) foldedBefore.set(point, checkpoint.folded);
    }
  }
  const pending = tasks.filter((t) => !foldedBefore.get(t.point)?.has(t.replicate)).map((t) => t.index);
  let done = tasks.length - pending.length;
  const open = new Map<number, PointProgress>();
  const dirty = new Set<number>();
  const progressOf = (point: number): PointProgress => {
    let progress = open.get(point);
    if (!progress) {
      // Sums are held only for the points with runs in flight (a sweep may have thousands).
      const checkpoint = foldedBefore.has(point) ? store.readCheckpoint(point) : undefined;
      const series = checkpoint?.series ?? new ExactSeries(plan.points[point].params.horizon_months * N_CELLS);
      const folded = new Set(checkpoint?.folded ?? []);
      progress = { series, folded, remaining: owned.get(point)! - folded.size };
      open.set(point, progress);
    }
    return progress;
  };
  let failed = 0;
  const every = options.checkpointEvery_ms ?? 2000;
  let lastCheckpoint = performance.now();
  options.onProgress?.(done, tasks.length, failed);

  const onResult = (result: TaskResult) => {
    const { point, replicate } = taskAt(plan, result.index);
    const progress = progressOf(point);
    const seed = result.seed || replicateSeed(plan.baseSeed, replicate, pointStream(plan, point));
    const problem = result.ok ? progress.series.check(result.series) : undefined;
    if (result.ok && !problem) {
      if (plan.keepEvents) store.writeEvents(point, replicate, result.events);
      if (plan.keepRuns) store.writeRunSeries(point, replicate, result.runSeries);
      if (plan.keepOrganizations && result.organizations !== undefined) store.writeOrganizations(point, replicate, result.organizations);
      store.writeRecord({ point, replicate, seed, ok: true, outcomes: result.outcomes });
      progress.series.add(result.series);
      progress.folded.add(replicate);
      dirty.add(point);
    } else {
      store.writeRecord({ point, replicate, seed, ok: false, error: result.ok ? `bad series: ${problem}` : result.error });
      failed += 1;
    }
    done += 1;
    progress.remaining -= 1;
    if (progress.remaining === 0) {
      store.writeCheckpoint(point, progress);
      open.delete(point);
      dirty.delete(point);
    } else if (performance.now() - lastCheckpoint > every) {
      // Only the points that changed since the last round: a round stays cheap however many points.
      for (const p of dirty) store.writeCheckpoint(p, open.get(p)!);
      dirty.clear();
      lastCheckpoint = performance.now();
    }
    options.onProgress?.(done, tasks.length, failed);
  };

  await runTasks(pending, { workers: options.workers, pool: options.pool ?? sharedPool(options.workers), setup: { ...taskSetup(plan, options.failTasks ?? []), ...(options.shareSpinUp === false ? { shareSpinUp: false } : {}) }, onResult, stopped: options.stopped });
  // Whatever is still open was interrupted: keep what it has so far.
  for (const [point, progress] of open) store.writeCheckpoint(point, progress);
  const interrupted = done < tasks.length;
  if (!interrupted) store.writeComplete(options.shard);
  return { total: tasks.length, done, failed, interrupted };
}
