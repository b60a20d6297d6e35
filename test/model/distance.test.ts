import { describe, expect, it } from 'vitest';
import { distance_km, hypot } from '../../src/model/distance.js';
import { makeRng } from '../../src/model/rng.js';
import { world } from './mechanisms/fixtures.js';

describe('hypot', () => {
  it('returns exactly what Math.hypot returns (outputs are pinned to it), over eleven orders of magnitude', () => {
    const rng = makeRng('hypot');
    let differ = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = (rng() - 0.5) * 10 ** (rng() * 11 - 4);
      const y = (rng() - 0.5) * 10 ** (rng() * 11 - 4);
      if (hypot(x, y) !== Math.hypot(x, y)) differ += 1;
    }
    expect(differ).toBe(0);
    for (const [x, y] of [[0, 0], [-0, 0], [3, 4], [-3, -4], [5, 0], [0, -5], [1e-300, 1e-300], [1e300, 1e300], [2, 2]]) {
      expect(Object.is(hypot(x, y), Math.hypot(x, y))).toBe(true);
    }
  });
});

describe('distance_km', () => {
  it('is the Euclidean distance of the coordinates in single precision, symmetric, zero to itself', () => {
    expect(distance_km({ x_km: 0, y_km: 0 }, { x_km: 3, y_km: 4 })).toBe(5);
    expect(distance_km({ x_km: 0, y_km: 1 }, { x_km: 3, y_km: 4 })).toBe(Math.fround(Math.hypot(3, 3)));
    const { state } = world();
    for (const a of state.orgs) {
      expect(distance_km(a, a)).toBe(0);
      for (const b of state.orgs) {
        expect(distance_km(a, b)).toBe(distance_km(b, a));
        expect(distance_km(a, b)).toBe(Math.fround(Math.hypot(a.x_km - b.x_km, a.y_km - b.y_km)));
      }
    }
  });
});
