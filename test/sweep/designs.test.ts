import { describe, expect, it } from 'vitest';
import { factorial, latinHypercube, sobol } from '../../src/sweep/designs.js';

describe('sweep designs', () => {
  it('factorial: every combination, first parameter slowest', () => {
    expect(factorial([{ kind: 'list', values: [1, 2] }, { kind: 'list', values: [10, 20, 30] }])).toEqual([
      [1, 10], [1, 20], [1, 30], [2, 10], [2, 20], [2, 30],
    ]);
  });

  it('latin hypercube: each of n strata of each range used exactly once, the same for the same seed', () => {
    const levels = [{ kind: 'range', min: 0, max: 1, integer: false }, { kind: 'range', min: 10, max: 30, integer: false }] as const;
    const n = 20;
    const a = latinHypercube(levels, n, 3);
    expect(a).toHaveLength(n);
    expect(new Set(a.map((r) => Math.floor(r[0] * n))).size).toBe(n);
    expect(new Set(a.map((r) => Math.floor(((r[1] - 10) / 20) * n))).size).toBe(n);
    expect(latinHypercube(levels, n, 3)).toEqual(a);
    expect(latinHypercube(levels, n, 4)).not.toEqual(a);
  });

  it('sobol: maps onto ranges, rounds integer parameters, picks levels of lists, skips the origin', () => {
    const p = sobol([{ kind: 'range', min: 2, max: 10, integer: true }, { kind: 'list', values: [5, 6] }], 4);
    expect(p).toEqual([[6, 6], [8, 5], [4, 6], [5, 5]]);
  });
});
