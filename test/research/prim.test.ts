import { describe, expect, it } from 'vitest';
import { prim } from '../../src/research/prim.js';
import { researchRng } from '../../src/research/random.js';

describe('PRIM scenario discovery', () => {
  it('recovers a planted box in two of five dimensions', () => {
    const rng = researchRng(8, 'data');
    const x = Array.from({ length: 1000 }, () => Array.from({ length: 5 }, () => rng()));
    // Cases of interest: x0 in [0.2, 0.6] and x3 above 0.5, with 5% label noise.
    const y = x.map((r) => (r[0] >= 0.2 && r[0] <= 0.6 && r[3] > 0.5) !== rng() < 0.05);
    const result = prim(x, y, researchRng(9, 'test'), { minCoverage: 0.7, resamples: 10 });
    // Coverage falls and density rises along the peeling trajectory.
    const t = result.trajectory;
    expect(t[0].coverage).toBe(1);
    expect(t[t.length - 1].density).toBeGreaterThan(t[0].density);
    for (let i = 1; i < t.length; i++) expect(t[i].coverage).toBeLessThanOrEqual(t[i - 1].coverage + 1e-12);
    const byDim = new Map(result.limits.map((l) => [l.dimension, l]));
    expect([...byDim.keys()].sort()).toEqual([0, 3]);
    expect(byDim.get(0)!.low).toBeCloseTo(0.2, 1);
    expect(byDim.get(0)!.high).toBeCloseTo(0.6, 1);
    expect(byDim.get(3)!.low).toBeCloseTo(0.5, 1);
    expect(byDim.get(3)!.high).toBe(Infinity);
    for (const l of result.limits) expect(l.quasiP).toBeLessThan(1e-6);
    expect(result.pasted.density).toBeGreaterThan(0.85);
    expect(result.pasted.coverage).toBeGreaterThan(0.7);
    // Reproducibility: the planted dimensions are restricted in (nearly) every resample, the others rarely.
    expect(result.reproducibility[0]).toBeGreaterThanOrEqual(0.9);
    expect(result.reproducibility[3]).toBeGreaterThanOrEqual(0.9);
    for (const j of [1, 2, 4]) expect(result.reproducibility[j]).toBeLessThanOrEqual(0.5);
  });

  it('refuses too few points and data with no case of interest', () => {
    const x = Array.from({ length: 5 }, (_, i) => [i]);
    expect(() => prim(x, x.map(() => true), researchRng(1, 't'))).toThrow(/at least 10 points/);
    const x2 = Array.from({ length: 20 }, (_, i) => [i]);
    expect(() => prim(x2, x2.map(() => false), researchRng(1, 't'))).toThrow(/no point is a case of interest/);
  });
});
