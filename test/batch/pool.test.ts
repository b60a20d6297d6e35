import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closeSharedPool, runTasks, sharedPool, WorkerPool } from '../../src/batch/pool.js';
import { taskSetup, type TaskResult } from '../../src/batch/task.js';
import type { BatchPlan } from '../../src/batch/plan.js';
import { resolveParams } from '../../src/model/validate.js';

const plan: BatchPlan = {
  kind: 'run',
  scenario: { name: 'gde-baseline', title: '', description: '', sources: [], overrides: {} },
  points: [{ id: 0, values: {}, params: resolveParams({ horizon_months: 3 }, 'test') }],
  replicates: 8,
  baseSeed: 1,
  crn: true,
  keepEvents: false,
  keepRuns: false,
};

describe('runTasks', () => {
  it('stops every worker and rejects once when the result handler throws', async () => {
    let calls = 0;
    const run = runTasks([0, 1, 2, 3, 4, 5, 6, 7], {
      workers: 2,
      setup: taskSetup(plan),
      onResult: () => {
        calls += 1;
        throw new Error('disk full');
      },
    });
    await expect(run).rejects.toThrow('disk full');
    // The other worker may deliver the one result it was already running, no more.
    expect(calls).toBeLessThanOrEqual(2);
  });

  it('reports a task that fails inside a worker and goes on with the rest', async () => {
    const seen: [number, boolean][] = [];
    await runTasks([0, 1, 2, 3], { workers: 2, setup: taskSetup(plan, [2]), onResult: (r) => seen.push([r.index, r.ok]) });
    expect(seen.sort((a, b) => a[0] - b[0])).toEqual([[0, true], [1, true], [2, false], [3, true]]);
  });
});

describe('WorkerPool', () => {
  const other: BatchPlan = { ...plan, kind: 'sweep', baseSeed: 7, points: [0.2, 0.9].map((x, id) => ({ id, values: { ownChoicePairing_share: x }, params: resolveParams({ horizon_months: 3, ownChoicePairing_share: x }, 'test') })), replicates: 3 };
  const collect = async (p: BatchPlan, tasks: number[], options: { workers: number; pool?: WorkerPool }) => {
    const out = new Map<number, TaskResult>();
    await runTasks(tasks, { ...options, setup: taskSetup(p), onResult: (r) => out.set(r.index, r) });
    return [...out].sort((a, b) => a[0] - b[0]).map(([, r]) => (r.ok ? { index: r.index, seed: r.seed, series: [...r.series], outcomes: r.outcomes } : r));
  };

  it('runs two batches with different setups on the same warm threads, with the results of fresh pools and of the calling thread', async () => {
    const pool = new WorkerPool(2);
    try {
      const a = await collect(plan, [0, 1, 2, 3, 4], { workers: 2, pool });
      const b = await collect(other, [0, 1, 2, 3, 4, 5], { workers: 2, pool });
      // A third batch with the first setup again: the threads take the new setup, not a stale one.
      const c = await collect(plan, [5, 6, 7], { workers: 2, pool });
      expect(pool.started).toBe(2);
      expect(pool.threads).toBe(2);
      expect(a).toEqual(await collect(plan, [0, 1, 2, 3, 4], { workers: 2 }));
      expect(b).toEqual(await collect(other, [0, 1, 2, 3, 4, 5], { workers: 0 }));
      expect(c).toEqual(await collect(plan, [5, 6, 7], { workers: 1 }));
      expect(a.every((r) => 'series' in r)).toBe(true);
    } finally {
      await pool.close();
    }
    expect(pool.threads).toBe(0);
    await expect(pool.run([0], { setup: taskSetup(plan), onResult: () => undefined })).rejects.toThrow('closed');
  });

  it('replaces a thread that dies mid-task, failing only that task', async () => {
    const pool = new WorkerPool(2);
    try {
      const seen: TaskResult[] = [];
      await pool.run([0, 1, 2, 3, 4, 5], { setup: { ...taskSetup(plan), exitTasks: [1, 4] }, onResult: (r) => seen.push(r) });
      const byIndex = seen.sort((x, y) => x.index - y.index);
      expect(byIndex.map((r) => [r.index, r.ok])).toEqual([[0, true], [1, false], [2, true], [3, true], [4, false], [5, true]]);
      expect(byIndex[1].ok ? '' : byIndex[1].error).toBe('worker died: exited with code 7');
      // A dead thread is replaced at the next dispatch: the one that ran task 1 always (tasks were
      // left), the one that ran task 4 only if task 5 was still waiting when it died, which depends
      // on which thread finished first (a quiet CI machine once made it 3).
      expect([3, 4]).toContain(pool.started);
      // Either way the next batch finds, or starts, its two threads, and its results are those of
      // a fresh pool.
      const again = await collect(plan, [0, 1, 2], { workers: 2, pool });
      expect(pool.started).toBe(4);
      expect(pool.threads).toBe(2);
      expect(again).toEqual(await collect(plan, [0, 1, 2], { workers: 0 }));
    } finally {
      await pool.close();
    }
  });

  it('gives a job\'s unstarted tasks to another thread when its thread dies mid-job, failing only the task it was on', async () => {
    // Three points that differ in the programme only: each replicate's three runs are one job.
    const programme: BatchPlan = { ...plan, kind: 'compare', points: [1, 0.5, 0].map((x, id) => ({ id, values: {}, params: resolveParams({ horizon_months: 3, nationalCostReduction_share: x }, 'test') })), replicates: 2 };
    const pool = new WorkerPool(2);
    try {
      const seen: TaskResult[] = [];
      // Job [0, 2, 4] (replicate 0): the thread delivers 0, dies on 2; 4 goes back and runs elsewhere.
      await pool.run([0, 1, 2, 3, 4, 5], { setup: { ...taskSetup(programme), exitTasks: [2] }, onResult: (r) => seen.push(r) });
      const byIndex = seen.sort((x, y) => x.index - y.index);
      expect(byIndex.map((r) => [r.index, r.ok])).toEqual([[0, true], [1, true], [2, false], [3, true], [4, true], [5, true]]);
      const inline = await collect(programme, [0, 1, 3, 4, 5], { workers: 0 });
      const ok = byIndex.filter((r) => r.ok).map((r) => (r.ok ? { index: r.index, seed: r.seed, series: [...r.series], outcomes: r.outcomes } : r));
      expect(ok).toEqual(inline);
    } finally {
      await pool.close();
    }
  });

  it('after a failing handler keeps serving later batches; stops handing out tasks once stopped', async () => {
    const pool = new WorkerPool(2);
    try {
      await expect(pool.run([0, 1, 2, 3, 4, 5, 6, 7], { setup: taskSetup(plan), onResult: () => { throw new Error('disk full'); } })).rejects.toThrow('disk full');
      let done = 0;
      await pool.run([0, 1, 2, 3, 4, 5, 6, 7], { setup: taskSetup(plan), onResult: () => void (done += 1), stopped: () => done >= 3 });
      // Tasks already in flight when the stop came still finish: at most one per thread more.
      expect(done).toBeGreaterThanOrEqual(3);
      expect(done).toBeLessThanOrEqual(4);
      expect(await collect(plan, [6, 7], { workers: 2, pool })).toEqual(await collect(plan, [6, 7], { workers: 0 }));
    } finally {
      await pool.close();
    }
  });

  it('refuses a second batch while one runs', async () => {
    const pool = new WorkerPool(1);
    try {
      const first = pool.run([0, 1], { setup: taskSetup(plan), onResult: () => undefined });
      await expect(pool.run([2], { setup: taskSetup(plan), onResult: () => undefined })).rejects.toThrow('already running');
      await first;
    } finally {
      await pool.close();
    }
  });

  it('the shared pool grows to the largest request and closes', async () => {
    expect(sharedPool(0)).toBeUndefined();
    const pool = sharedPool(1)!;
    expect(sharedPool(2)).toBe(pool);
    expect(pool.size).toBe(2);
    await collect(plan, [0, 1], { workers: 2, pool });
    expect(pool.threads).toBe(2);
    await closeSharedPool();
    expect(pool.threads).toBe(0);
    expect(sharedPool(1)).not.toBe(pool);
    await closeSharedPool();
  });
});

describe('a command on the shared pool', () => {
  it('exits by itself after its batches, without closing the pool, with the threads still warm until then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lesim-pool-'));
    try {
      const script = join(dir, 'command.mts');
      const src = (p: string) => JSON.stringify(pathToFileURL(resolve(p)).href);
      writeFileSync(script, `
        import { runTasks, sharedPool } from ${src('src/batch/pool.ts')};
        import { taskSetup } from ${src('src/batch/task.ts')};
        import { resolveParams } from ${src('src/model/validate.ts')};
        const plan = { kind: 'run', scenario: { name: 'x', title: '', description: '', sources: [], overrides: {} }, points: [{ id: 0, values: {}, params: resolveParams({ horizon_months: 2 }, 'test') }], replicates: 4, baseSeed: 1, crn: true, keepEvents: false, keepRuns: false };
        let n = 0;
        for (let round = 0; round < 2; round++) await runTasks([0, 1, 2, 3], { workers: 2, pool: sharedPool(2), setup: taskSetup(plan), onResult: (r) => void (n += r.ok ? 1 : 0) });
        process.stdout.write(n + ' ' + sharedPool(2)!.started + ' ' + sharedPool(2)!.threads + '\\n');
      `);
      const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 120_000 });
      expect(child.stderr).toBe('');
      expect(child.signal).toBeNull();
      expect(child.status).toBe(0);
      expect(child.stdout).toBe('8 2 2\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
