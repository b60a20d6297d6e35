import { describe, expect, it } from 'vitest';
import { runTasks } from '../../src/batch/pool.js';
import { taskSetup } from '../../src/batch/task.js';
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
