import { spinUpKey } from '../model/spinUpKey.js';
import type { TaskSetup } from './task.js';

/**
 * Points a job may span. Tasks arrive point-major, and a window of this many points is taken
 * replicate by replicate, so a batch's callers hold the running sums of about this many points
 * at once (a sweep may have thousands), and a job runs at most this many runs.
 */
export const JOB_POINTS = 8;

/**
 * The tasks grouped into jobs, each run in order on one thread: the tasks of one replicate whose
 * runs build the same spun-up world (the same seed: one stream, as under common random numbers;
 * the same spin-up key) share one job, so that world is built once and handed on
 * (model/spinUpShare.ts) instead of once per point. Grouping changes no result, only the order
 * results arrive in, which callers never depend on. Every other task is a job of its own.
 */
export function taskJobs(setup: TaskSetup, tasks: readonly number[], maxPoints = JOB_POINTS): number[][] {
  if (setup.shareSpinUp === false) return tasks.map((t) => [t]);
  const keys = new Map<number, string>();
  const keyOf = (point: number): string => {
    let key = keys.get(point);
    if (key === undefined) {
      key = `${setup.streams[point] ?? ''}\u0000${spinUpKey(setup.points[point])}`;
      keys.set(point, key);
    }
    return key;
  };
  const jobs: number[][] = [];
  let window = new Map<string, number[]>();
  const points = new Set<number>();
  const flush = (): void => {
    for (const job of window.values()) jobs.push(job);
    window = new Map();
    points.clear();
  };
  for (const task of tasks) {
    const point = Math.floor(task / setup.replicates);
    if (!points.has(point) && points.size === maxPoints) flush();
    points.add(point);
    const id = `${task % setup.replicates}\u0000${keyOf(point)}`;
    const job = window.get(id);
    if (job) job.push(task);
    else window.set(id, [task]);
  }
  flush();
  return jobs;
}

/**
 * Jobs split until there are at least `threads` of them (or every job is one task), longest first,
 * so a small batch (one replicate of a few scenarios) still keeps every thread busy: each half
 * still shares its own spun-up world.
 */
export function spreadJobs(jobs: readonly number[][], threads: number): number[][] {
  const out = jobs.map((job) => job.slice());
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
