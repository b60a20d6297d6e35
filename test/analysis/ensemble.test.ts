import { describe, expect, it } from 'vitest';
import { runEnsemble } from '../../src/analysis/ensemble.js';
import { N_CELLS } from '../../src/model/recorder.js';
import { replicateSeed } from '../../src/model/rng.js';
import { runReplication } from '../../src/model/run.js';
import { resolveParams } from '../../src/model/validate.js';

const params = resolveParams({ organizations_count: 60, groupings_count: 12, followersMentalHealth_count: 7, horizon_months: 4 }, 'test');

describe('runEnsemble', () => {
  it('runs replicates 0..n-1 with their seeds and reports progress', () => {
    const progress: [number, number][] = [];
    const result = runEnsemble(params, { replications: 3, baseSeed: 11, onProgress: (d, t) => progress.push([d, t]) });
    expect(result.replications).toBe(3);
    expect(result.months).toBe(4);
    expect(result.baseSeed).toBe(11);
    expect(result.seeds).toEqual([0, 1, 2].map((k) => replicateSeed(11, k)));
    expect(progress).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(result.outcomes).toHaveLength(3);
    expect(result.events).toEqual([[], [], []]);
    expect(result.series.size).toBe(4 * N_CELLS);
  });

  it('summarises each month and cell across the replications', () => {
    const result = runEnsemble(params, { replications: 2, baseSeed: 5 });
    const runs = [0, 1].map((k) => runReplication(params, 5, k));
    for (const i of [0, 17, N_CELLS + 3, 3 * N_CELLS + N_CELLS - 1]) {
      const values = runs.map((r) => r.series[i]).filter((x) => !Number.isNaN(x));
      const s = result.series.get(i);
      expect(s.n).toBe(values.length);
      if (values.length > 0) expect(s.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 12);
    }
    expect(result.outcomes[1]).toEqual(runs[1].outcomes);
  });

  it('keeps each replication\'s events when asked', () => {
    const result = runEnsemble(params, { replications: 2, baseSeed: 5, keepEvents: true });
    expect(result.events).toHaveLength(2);
    expect(result.events[0].length).toBeGreaterThan(0);
    expect(result.events[0]).toEqual(runReplication(params, 5, 0, { keepEvents: true }).events);
  });
});
