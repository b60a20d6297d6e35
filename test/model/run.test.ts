import { describe, expect, it } from 'vitest';
import { N_CELLS } from '../../src/model/recorder.js';
import { advance, replicationResult, runReplication, startReplication } from '../../src/model/run.js';
import { resolveParams } from '../../src/model/validate.js';

const bytes = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);

describe('a replication advanced step by step', () => {
  // Funding ends in month 24, so the run passes the snapshots taken when funding ends.
  // A short spin-up: the stepped run starts after it, as a whole one does.
  const params = resolveParams({ horizon_months: 30, fundingEnd_month: 24, spinUp_months: 12 }, 'test');

  it('gives the same series, outcomes and events as a run straight through, however it is stepped and looked at', () => {
    const whole = runReplication(params, 5, 2, { keepEvents: true });
    const run = startReplication(params, 5, 2, { keepEvents: true });
    expect(advance(run, 1)).toBe(1);
    let provisional = replicationResult(run);
    expect(provisional.series.length).toBe(N_CELLS);
    expect(bytes(provisional.series).equals(bytes(whole.series.subarray(0, N_CELLS)))).toBe(true);
    // Looked at every few months on the way, as the page does: the end result must not move.
    for (const chunk of [4, 7, 1, 12]) {
      advance(run, chunk);
      provisional = replicationResult(run);
      expect(provisional.series.length).toBe(run.monthsDone * N_CELLS);
    }
    expect(run.monthsDone).toBe(25);
    expect(Number.isFinite(provisional.outcomes.informal_active_funding_end)).toBe(true);
    expect(advance(run, 100)).toBe(5);
    expect(advance(run, 1)).toBe(0);
    const stepped = replicationResult(run);
    expect(bytes(stepped.series).equals(bytes(whole.series))).toBe(true);
    expect(stepped.outcomes).toEqual(whole.outcomes);
    expect(stepped.events).toEqual(whole.events);
    expect(stepped.seed).toBe(whole.seed);
  });

  it('measures outcomes of snapshots not yet reached as undefined', () => {
    const run = startReplication(params, 5, 2);
    advance(run, 12);
    const early = replicationResult(run).outcomes;
    expect(early.informal_active_funding_end).toBeNaN();
    expect(Number.isFinite(early.maturity_end_all)).toBe(true);
  });
});
