import { SpinUpShare } from '../model/spinUpShare.js';
import { spinUpKey } from '../model/spinUpKey.js';
import type { WorldCopier } from '../model/worldCopy.js';
import type { TaskSetup } from './task.js';

/**
 * Points a job may span: a job runs at most this many runs in a row on one thread, and a batch's
 * callers hold the running sums of about this many points of one spin-up at once (a sweep may
 * have thousands of points).
 */
export const JOB_POINTS = 8;

/**
 * The tasks grouped into jobs, each run in order on one thread: the tasks of one replicate whose
 * runs build the same spun-up world (the same seed: one stream, as under common random numbers;
 * the same spin-up key) share one job, so that world is built once and handed on
 * (model/spinUpShare.ts) instead of once per point. Points are gathered by spin-up, in the order
 * each spin-up first appears among the tasks, and taken `maxPoints` at a time, replicate by
 * replicate; a point whose spin-up no other point has keeps its tasks in their own order, one job
 * each. Grouping changes no result, only the order results arrive in, which callers never depend on.
 */
export function taskJobs(setup: TaskSetup, tasks: readonly number[], maxPoints = JOB_POINTS): number[][] {
  if (setup.shareSpinUp === false) return tasks.map((t) => [t]);
  // Per spin-up (stream and key), its points in order of first appearance and each point's tasks.
  const groups = new Map<string, Map<number, number[]>>();
  const keyOf = new Map<number, string>();
  for (const task of tasks) {
    const point = Math.floor(task / setup.replicates);
    let key = keyOf.get(point);
    if (key === undefined) {
      key = `${setup.streams[point] ?? ''}\u0000${spinUpKey(setup.points[point])}`;
      keyOf.set(point, key);
    }
    let points = groups.get(key);
    if (!points) groups.set(key, (points = new Map()));
    const own = points.get(point);
    if (own) own.push(task);
    else points.set(point, [task]);
  }
  const jobs: number[][] = [];
  for (const points of groups.values()) {
    const list = [...points.values()];
    for (let w = 0; w < list.length; w += maxPoints) {
      // One job per replicate of the window, in the order the replicates first appear.
      const byReplicate = new Map<number, number[]>();
      for (const own of list.slice(w, w + maxPoints)) {
        for (const task of own) {
          const replicate = task % setup.replicates;
          const job = byReplicate.get(replicate);
          if (job) job.push(task);
          else byReplicate.set(replicate, [task]);
        }
      }
      for (const job of byReplicate.values()) jobs.push(job.sort((a, b) => a - b));
    }
  }
  return jobs;
}

/**
 * Jobs split until there are at least `threads` of them (or every job is one task), longest first,
 * so a small batch (one replicate of a few scenarios) still keeps every thread busy: each half
 * still shares its own spun-up world.
 */
export function spreadJobs(jobs: readonly number[][], threads: number): number[][] {
  // Halves are new arrays: the jobs given are never changed.
  const out = [...jobs];
  while (out.length < threads) {
    let longest = 0;
    for (let i = 1; i < out.length; i++) if (out[i].length > out[longest].length) longest = i;
    const job = out[longest];
    if (job === undefined || job.length < 2) break;
    const half = Math.ceil(job.length / 2);
    out.splice(longest, 1, job.slice(0, half), job.slice(half));
  }
  return out;
}

/** What hands the spun-up world on between the tasks of one job, run in order (none for a job of one). */
export function jobShare(copier: WorldCopier, job: readonly number[]): SpinUpShare | undefined {
  return job.length > 1 ? new SpinUpShare(copier, job.length - 1) : undefined;
}
