import { describe, expect, it } from 'vitest';
import { runEnsemble } from '../../src/analysis/ensemble.js';
import { LiveEnsemble } from '../../src/explore/liveEnsemble.js';
import { seriesCsv } from '../../src/io/outputs.js';
import { N_CELLS, FAMILIES } from '../../src/model/recorder.js';
import { advance, replicationResult, startReplication } from '../../src/model/run.js';
import { resolveParams } from '../../src/model/validate.js';

describe('the page ensemble', () => {
  it('gives the series CSV of lesim run for the months every replication reached, whatever order the months arrive in', () => {
    // The page runs the scenario's own horizon (36) and is looked at after 14 months: lesim run --months 14.
    const page = resolveParams({ horizon_months: 36 }, 'test');
    const live = new LiveEnsemble(page, 4, 3);
    const runs = [0, 1, 2].map((k) => startReplication(page, 4, k));
    // Replicates answer in reverse order, in chunks of different sizes, and not in step.
    const targets = [[3, 5, 6], [4, 13, 14], [14, 14, 14]];
    for (const round of targets) {
      for (const k of [2, 1, 0]) {
        const run = runs[k];
        const from = run.monthsDone;
        advance(run, round[k] - from);
        live.add(k, from, run.series.slice(from * N_CELLS, run.monthsDone * N_CELLS), replicationResult(run).outcomes);
      }
      if (round[0] === 3) expect(live.months).toBe(3);
    }
    expect(live.months).toBe(14);
    const cli = runEnsemble(resolveParams({ horizon_months: 14 }, 'test'), { replications: 3, baseSeed: 4 });
    for (const family of FAMILIES) expect(seriesCsv(live.result(), family), family).toBe(seriesCsv(cli, family));
    const data = live.runData({ name: 'x', title: 'X' });
    expect(data.manifest.months).toBe(14);
    expect(data.series.maturity.length).toBe(14 * 4);
  });

  it('refuses months out of order', () => {
    const live = new LiveEnsemble(resolveParams({ horizon_months: 5 }, 'test'), 1, 1);
    const run = startReplication(live.params, 1, 0);
    advance(run, 2);
    expect(() => live.add(0, 1, run.series.slice(N_CELLS, 2 * N_CELLS), replicationResult(run).outcomes)).toThrow(/expected 0/);
  });
});
