import { describe, expect, it } from 'vitest';
import { spreadJobs, taskJobs } from '../../src/batch/jobs.js';
import type { TaskSetup } from '../../src/batch/task.js';
import type { Params } from '../../src/model/parameters.js';
import { resolveParams } from '../../src/model/validate.js';

const base = resolveParams({ horizon_months: 6 }, 'test');
const funded = resolveParams({ horizon_months: 6, exemplarGrant_gbp: base.exemplarGrant_gbp * 2 }, 'test');
const off = resolveParams({ horizon_months: 6, programmeActive_flag: 0 }, 'test');
// Another spin-up: ties are used less often, before 2017 too.
const other = resolveParams({ horizon_months: 6, tieUse_probPerMonth: base.tieUse_probPerMonth / 2 }, 'test');

function setup(points: Params[], replicates: number, streams: (string | undefined)[] = points.map(() => undefined), extra: Partial<TaskSetup> = {}): TaskSetup {
  return { kind: 'compare', points, streams, replicates, baseSeed: 1, keepEvents: false, keepRuns: false, failTasks: [], ...extra };
}

const all = (n: number) => Array.from({ length: n }, (_, t) => t);

describe('taskJobs', () => {
  it('puts the runs of one replicate that build the same spun-up world in one job, in task order', () => {
    // Points 0, 1 and 3 differ in the programme only; point 2 spins up differently.
    const s = setup([base, funded, other, off], 3);
    expect(taskJobs(s, all(12))).toEqual([[0, 3, 9], [1, 4, 10], [2, 5, 11], [6], [7], [8]]);
    // Points of one spin-up far apart still meet (here 0 and 3, with point 1 and 2 between).
    expect(taskJobs(setup([base, other, resolveParams({ horizon_months: 6, tieUse_probPerMonth: 0.01 }, 'test'), off], 2), all(8))).toEqual([[0, 6], [1, 7], [2], [3], [4], [5]]);
    // Any subset (a resumed batch, a shard): only the tasks given, grouped the same way.
    expect(taskJobs(s, [1, 4, 7, 9, 11])).toEqual([[1, 4], [9], [11], [7]]);
  });

  it('keeps each task alone without common random numbers, or when sharing is off', () => {
    expect(taskJobs(setup([base, funded], 2, ['a', 'b']), all(4))).toEqual([[0], [1], [2], [3]]);
    expect(taskJobs(setup([base, funded], 2, undefined, { shareSpinUp: false }), all(4))).toEqual([[0], [1], [2], [3]]);
  });

  it('groups within windows of at most maxPoints points of one spin-up, so callers hold few points at once', () => {
    const s = setup([base, funded, other, off, base], 2);
    expect(taskJobs(s, all(10), 2)).toEqual([[0, 2], [1, 3], [6, 8], [7, 9], [4], [5]]);
  });
});

describe('spreadJobs', () => {
  it('splits the longest jobs until every thread has one, and no further', () => {
    expect(spreadJobs([[0, 1, 2, 3, 4]], 2)).toEqual([[0, 1, 2], [3, 4]]);
    expect(spreadJobs([[0, 1, 2], [3]], 4)).toEqual([[0], [1], [2], [3]]);
    expect(spreadJobs([[0, 1], [2, 3], [4, 5]], 2)).toEqual([[0, 1], [2, 3], [4, 5]]);
    expect(spreadJobs([[7]], 8)).toEqual([[7]]);
    expect(spreadJobs([], 2)).toEqual([]);
  });
});
