import { describe, expect, it } from 'vitest';
import { normal, researchRng } from '../../src/research/random.js';
import { noiseShare } from '../../src/research/sensitivity.js';

describe('noiseShare', () => {
  const points = 400;
  const reps = 4;
  /** Point means f spread with variance 1; run noise of variance s2, plus a part c shared by every point of a replicate (common random numbers). */
  function runs(s2: number, c: number): number[][] {
    const rng = researchRng(3, 'noise-share');
    const shared = Array.from({ length: reps }, () => Math.sqrt(c) * normal(rng));
    return Array.from({ length: points }, () => {
      const f = normal(rng);
      return Array.from({ length: reps }, (_, q) => f + shared[q] + Math.sqrt(s2) * normal(rng));
    });
  }

  it('gives the share of the point means\' variance that is noise: s2 / R over 1 + s2 / R', () => {
    const n = noiseShare(runs(2, 0));
    expect(n.within).toBeCloseTo(2, 0);
    expect(n.replicates).toBe(4);
    expect(Math.abs(n.meanShare - 0.5 / 1.5)).toBeLessThan(0.06);
  });

  it('does not count noise every point of a replicate shares (common random numbers)', () => {
    const n = noiseShare(runs(0.2, 5));
    // Within points the shared part is noise (5.2 per run), but it moves no point mean against another.
    expect(n.within).toBeGreaterThan(3);
    expect(Math.abs(n.meanShare - 0.05 / 1.05)).toBeLessThan(0.03);
  });
});
