import { ExactSeries } from '../analysis/exactSeries.js';
import { N_CELLS } from '../model/recorder.js';
import { replicateSeed } from '../model/rng.js';
import { pointStream, shardTasks, taskAt, type BatchPlan, type Shard } from './plan.js';
import { runTasks } from './pool.js';
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
 * checkpointing the per-point sums, so that at any moment the store can be resumed. Sums are
 * exact (ExactSeries), so neither arrival order nor resuming changes a single bit of the result.
 * Only the points with runs in flight are held in memory.
 */
export async function executeBatch(plan: BatchPlan, store: BatchStore, options: ExecuteOptions): Promise<ExecuteOutcome> {
  const tasks = shardTasks(plan, options.shard);
  const open = new Map<number, PointProgress>();
  const pending: number[] = [];
  let done = 0;
  for (const task of tasks) {
    let progress = open.get(task.point);
    if (!progress) {
      const checkpoint = options.resume ? store.readCheckpoint(task.point) : undefined;
      progress = { series: checkpoint?.series ?? new ExactSeries(plan.points[task.point].params.horizon_months * N_CELLS), folded: new Set(checkpoint?.folded ?? []), remaining: 0 };
      open.set(task.point, progress);
    }
    if (progress.folded.has(task.replicate)) done += 1;
    else {
      pending.push(task.index);
      progress.remaining += 1;
    }
  }
  // Points already complete need not stay in memory.
  for (const [point, progress] of open) if (progress.remaining === 0) open.delete(point);
  let failed = 0;
  const every = options.checkpointEvery_ms ?? 2000;
  let lastCheckpoint = performance.now();
  options.onProgress?.(done, tasks.length, failed);

  const onResult = (result: TaskResult) => {
    const { point, replicate } = taskAt(plan, result.index);
    const progress = open.get(point)!;
    const seed = result.seed || replicateSeed(plan.baseSeed, replicate, pointStream(plan, point));
    if (result.ok) {
      if (plan.keepEvents) store.writeEvents(point, replicate, result.events);
      if (plan.keepRuns) store.writeRunSeries(point, replicate, result.runSeries);
      store.writeRecord({ point, replicate, seed, ok: true, outcomes: result.outcomes });
      progress.series.add(result.series);
      progress.folded.add(replicate);
    } else {
      store.writeRecord({ point, replicate, seed, ok: false, error: result.error });
      failed += 1;
    }
    done += 1;
    progress.remaining -= 1;
    if (progress.remaining === 0) {
      store.writeCheckpoint(point, progress);
      open.delete(point);
    } else if (performance.now() - lastCheckpoint > every) {
      for (const [p, prog] of open) store.writeCheckpoint(p, prog);
      lastCheckpoint = performance.now();
    }
    options.onProgress?.(done, tasks.length, failed);
  };

  await runTasks(pending, { workers: options.workers, setup: taskSetup(plan, options.failTasks ?? []), onResult, stopped: options.stopped });
  // Whatever is still open was interrupted: keep what it has so far.
  for (const [point, progress] of open) store.writeCheckpoint(point, progress);
  const interrupted = open.size > 0;
  if (!interrupted) store.writeComplete(options.shard);
  return { total: tasks.length, done, failed, interrupted };
}
