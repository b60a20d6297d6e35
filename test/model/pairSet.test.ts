import { describe, expect, it } from 'vitest';
import { addPair, createPairSet, hasPair } from '../../src/model/pairSet.js';
import { makeRng } from '../../src/model/rng.js';

describe('PairSet', () => {
  it('holds unordered pairs: {a, b} is {b, a}, and adding a pair twice counts it once', () => {
    const set = createPairSet();
    expect(hasPair(set, 10, 2, 7)).toBe(false);
    addPair(set, 10, 7, 2);
    expect(hasPair(set, 10, 2, 7)).toBe(true);
    expect(hasPair(set, 10, 7, 2)).toBe(true);
    addPair(set, 10, 2, 7);
    expect(set.size).toBe(1);
    expect(hasPair(set, 10, 2, 8)).toBe(false);
    expect(hasPair(set, 10, 0, 0)).toBe(false);
  });

  it('agrees with a dense matrix through many growths, at the largest population allowed', () => {
    const n = 5000;
    const rng = makeRng('pairs');
    const set = createPairSet();
    const truth = new Set<number>();
    for (let i = 0; i < 40_000; i++) {
      const a = Math.floor(rng() * n);
      const b = Math.floor(rng() * n);
      if (a === b) continue;
      addPair(set, n, a, b);
      truth.add(Math.min(a, b) * n + Math.max(a, b));
    }
    expect(set.size).toBe(truth.size);
    expect(set.keys.length).toBeGreaterThanOrEqual(2 * set.size);
    for (let i = 0; i < 40_000; i++) {
      const a = Math.floor(rng() * n);
      const b = Math.floor(rng() * n);
      expect(hasPair(set, n, a, b)).toBe(truth.has(Math.min(a, b) * n + Math.max(a, b)));
    }
    for (const k of truth) expect(hasPair(set, n, Math.floor(k / n), k % n)).toBe(true);
  });
});
