import { describe, expect, it } from 'vitest';
import { sobolPoints, SOBOL_MAX_DIMENSIONS } from '../../src/sweep/sobol.js';

describe('sobolPoints', () => {
  it('starts with the published first points of dimensions 1 and 2', () => {
    const p = sobolPoints(8, 2);
    expect(p.map((x) => x[0])).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
    expect(p.map((x) => x[1])).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
  });

  it('every one-dimensional projection of the first 2^k points has one point in each of 2^k strata', () => {
    const n = 64;
    const p = sobolPoints(n, SOBOL_MAX_DIMENSIONS);
    for (let d = 0; d < SOBOL_MAX_DIMENSIONS; d++) {
      const strata = new Set(p.map((x) => Math.floor(x[d] * n)));
      expect(strata.size).toBe(n);
    }
  });

  it('two-dimensional projections of 2^k points fill the unit square evenly (a (0,m,2)-net in dimensions 1-2)', () => {
    const p = sobolPoints(16, 2);
    const cells = new Set(p.map(([x, y]) => `${Math.floor(x * 4)},${Math.floor(y * 4)}`));
    expect(cells.size).toBe(16);
  });

  it('refuses dimensions it has no direction numbers for', () => {
    expect(() => sobolPoints(4, SOBOL_MAX_DIMENSIONS + 1)).toThrow(/1 to 21 dimensions/);
  });
});
