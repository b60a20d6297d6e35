import { describe, expect, it } from 'vitest';
import { morrisEffects, morrisRows, morrisTrajectories, sobolG } from '../../src/research/morris.js';
import { researchRng } from '../../src/research/random.js';

describe('Morris elementary effects', () => {
  it('rank the factors of the Sobol G function by their a (smaller a, larger mu*)', () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const t = morrisTrajectories(a.length, 40, researchRng(3, 'test'), { levels: 4, candidates: 120 });
    const y = morrisRows(t).map((x) => sobolG(x, a));
    const effects = morrisEffects(t, y, researchRng(4, 'test'), 200);
    const muStar = effects.map((e) => e.muStar.estimate);
    for (let i = 0; i < 3; i++) expect(muStar[i]).toBeGreaterThan(muStar[i + 1]);
    // Factors with a = 99 hardly matter: their mu* is below 3% of the first factor's.
    for (let i = 4; i < 8; i++) expect(muStar[i]).toBeLessThan(0.03 * muStar[0]);
    // Interactions: the G function is multiplicative, so sigma is not zero for influential factors.
    expect(effects[0].sigma).toBeGreaterThan(0);
    for (const e of effects) {
      expect(e.muStar.low).toBeLessThanOrEqual(e.muStar.estimate);
      expect(e.muStar.high).toBeGreaterThanOrEqual(e.muStar.estimate);
    }
  });

  it('recover the exact coefficients of a linear function (mu* = |b|, sigma = 0)', () => {
    const b = [3, -2, 0.5, 0];
    const t = morrisTrajectories(4, 10, researchRng(5, 'test'));
    const y = morrisRows(t).map((x) => x.reduce((s, xi, i) => s + b[i] * xi, 0));
    const effects = morrisEffects(t, y, researchRng(6, 'test'), 100);
    effects.forEach((e, i) => {
      expect(e.mu).toBeCloseTo(b[i], 9);
      expect(e.muStar.estimate).toBeCloseTo(Math.abs(b[i]), 9);
      expect(e.sigma).toBeCloseTo(0, 9);
    });
  });

  it('trajectories stay on the grid, change one factor per step, and are seeded', () => {
    const t = morrisTrajectories(5, 6, researchRng(7, 'test'), { levels: 6, candidates: 20 });
    expect(t).toHaveLength(6);
    for (const traj of t) {
      expect(traj.points).toHaveLength(6);
      for (const p of traj.points) for (const v of p) expect(v >= 0 && v <= 1).toBe(true);
      traj.order.forEach((i, s) => {
        const changed = traj.points[s].map((v, j) => (Math.abs(v - traj.points[s + 1][j]) > 1e-9 ? j : -1)).filter((j) => j >= 0);
        expect(changed).toEqual([i]);
        expect(Math.abs(traj.points[s + 1][i] - traj.points[s][i])).toBeCloseTo(0.6, 9);
      });
    }
    expect(morrisTrajectories(5, 6, researchRng(7, 'test'), { levels: 6, candidates: 20 })).toEqual(t);
    expect(() => morrisTrajectories(3, 1, researchRng(1, 't'))).toThrow(/at least 2 trajectories/);
  });
});
