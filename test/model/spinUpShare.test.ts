import { describe, expect, it } from 'vitest';
import type { Params } from '../../src/model/parameters.js';
import { runReplication, type RunResult } from '../../src/model/run.js';
import { SpinUpShare } from '../../src/model/spinUpShare.js';
import { resolveParams } from '../../src/model/validate.js';
import { WorldCopier } from '../../src/model/worldCopy.js';
import { findScenario, resolveScenario } from '../../src/scenarios/index.js';

const bytes = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);

/** Scenarios that differ from the baseline in the programme only, over a short horizon (the spin-up is in full). */
function programmeScenarios(): Params[] {
  const short = { horizon_months: 30, fundingEnd_month: 24 };
  return ['gde-baseline', 'no-programme', 'front-loaded', 'pairings-only'].map((name) => resolveScenario(findScenario(name), short));
}

function expectSameRun(shared: RunResult, alone: RunResult): void {
  expect(shared.seed).toBe(alone.seed);
  expect(bytes(shared.series).equals(bytes(alone.series))).toBe(true);
  expect(shared.outcomes).toEqual(alone.outcomes);
  expect(shared.events).toEqual(alone.events);
}

describe('a spun-up world handed on between runs', () => {
  it('gives every run exactly the series, outcomes and events it gives alone, the programme switched as its own scenario says', () => {
    const points = programmeScenarios();
    for (const replicate of [0, 3]) {
      const alone = points.map((p) => runReplication(p, 9, replicate, { keepEvents: true }));
      const share = new SpinUpShare(new WorldCopier(), points.length - 1);
      const shared = points.map((p) => runReplication(p, 9, replicate, { keepEvents: true, spinUpShare: share }));
      // Every run after the first started from the kept world (copies, then the kept one itself).
      expect(share.given).toBe(points.length - 1);
      shared.forEach((run, i) => expectSameRun(run, alone[i]));
      // The counterfactual really ran without the programme (its outcomes differ from the baseline's).
      expect(shared[1].outcomes).not.toEqual(shared[0].outcomes);
    }
  });

  it('is not handed to a run of another seed, or one whose spin-up reads another value', () => {
    const [baseline] = programmeScenarios();
    const other = resolveParams({ horizon_months: 30, fundingEnd_month: 24, tieUse_probPerMonth: baseline.tieUse_probPerMonth * 0.9 }, 'test');
    const share = new SpinUpShare(new WorldCopier(), 3);
    runReplication(baseline, 9, 0, { spinUpShare: share });
    expectSameRun(runReplication(baseline, 9, 1, { keepEvents: true, spinUpShare: share }), runReplication(baseline, 9, 1, { keepEvents: true }));
    expectSameRun(runReplication(other, 9, 0, { keepEvents: true, spinUpShare: share }), runReplication(other, 9, 0, { keepEvents: true }));
    expectSameRun(runReplication(baseline, 9, 0, { keepEvents: true, stream: 'x', spinUpShare: share }), runReplication(baseline, 9, 0, { keepEvents: true, stream: 'x' }));
    expect(share.given).toBe(0);
    // The world kept by the first run is still there for a run that matches it.
    expectSameRun(runReplication(baseline, 9, 0, { keepEvents: true, spinUpShare: share }), runReplication(baseline, 9, 0, { keepEvents: true }));
    expect(share.given).toBe(1);
  });

  it('kept for good (Infinity takers, as lesim explore keeps one per replicate), hands out copies to any number of runs', () => {
    const [baseline, counterfactual] = programmeScenarios();
    const share = new SpinUpShare(new WorldCopier(), Infinity);
    expect(share.holds('lesim:9:1', baseline)).toBe(false);
    const first = runReplication(baseline, 9, 1, { keepEvents: true, spinUpShare: share });
    expect(share.holds('lesim:9:1', counterfactual)).toBe(true);
    expect(share.holds('lesim:9:2', counterfactual)).toBe(false);
    const again = [counterfactual, baseline, counterfactual].map((p) => runReplication(p, 9, 1, { keepEvents: true, spinUpShare: share }));
    expect(share.given).toBe(3);
    expect(share.holds('lesim:9:1', baseline)).toBe(true);
    expectSameRun(again[1], first);
    expectSameRun(again[0], runReplication(counterfactual, 9, 1, { keepEvents: true }));
    expectSameRun(again[2], again[0]);
  });
});
