import { describe, expect, it } from 'vitest';
import { planFingerprint, pointStream, shardTasks, taskCount, WHOLE, type BatchPlan } from '../../src/batch/plan.js';
import { resolveParams } from '../../src/model/validate.js';

function plan(overrides: Partial<BatchPlan> = {}): BatchPlan {
  const params = resolveParams({ horizon_months: 12 }, 'test');
  return {
    kind: 'sweep',
    scenario: { name: 'gde-baseline', title: 't', description: 'd', sources: [], overrides: {} },
    sweep: { file: 'f.yaml', design: 'factorial', samples: 0, parameters: ['x'] },
    points: [0, 1, 2].map((id) => ({ id, values: { x: id }, params })),
    replicates: 5,
    baseSeed: 7,
    crn: true,
    keepEvents: false,
    keepRuns: false,
    ...overrides,
  };
}

describe('batch plans', () => {
  it('shards partition the tasks: every task in exactly one shard', () => {
    const p = plan();
    for (const n of [1, 2, 3, 4, 7, 20]) {
      const seen = new Array<number>(taskCount(p)).fill(0);
      for (let i = 0; i < n; i++) for (const t of shardTasks(p, { index: i, count: n })) seen[t.index] += 1;
      expect(seen.every((c) => c === 1)).toBe(true);
    }
    expect(shardTasks(p, WHOLE).map((t) => [t.point, t.replicate]).slice(0, 6)).toEqual([[0, 0], [0, 1], [0, 2], [0, 3], [0, 4], [1, 0]]);
  });

  it('common random numbers: no point stream, so replicate k of every point shares its seed; without, each point has its own', () => {
    expect(pointStream(plan(), 2)).toBeUndefined();
    const own = plan({ crn: false });
    expect(pointStream(own, 0)).toBe('gde-baseline/p0');
    expect(pointStream(own, 1)).not.toBe(pointStream(own, 0));
  });

  it('the fingerprint changes with what decides results, not with the file path', () => {
    const base = planFingerprint(plan());
    expect(planFingerprint(plan({ sweep: { file: 'elsewhere/f.yaml', design: 'factorial', samples: 0, parameters: ['x'] } }))).toBe(base);
    expect(planFingerprint(plan({ replicates: 6 }))).not.toBe(base);
    expect(planFingerprint(plan({ baseSeed: 8 }))).not.toBe(base);
    expect(planFingerprint(plan({ crn: false }))).not.toBe(base);
  });
});
