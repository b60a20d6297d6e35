import { describe, expect, it } from 'vitest';
import { createGeography } from '../../../src/model/population/geography.js';
import { makeRng } from '../../../src/model/rng.js';
import { world } from '../mechanisms/fixtures.js';

describe('createGeography', () => {
  it('deals groupings round-robin to regions', () => {
    const groupings = createGeography(makeRng('g'), 7, 42, 450);
    expect(groupings).toHaveLength(42);
    groupings.forEach((g, i) => {
      expect(g.id).toBe(i);
      expect(g.region).toBe(i % 7);
    });
  });

  it('keeps a region\'s groupings nearer one another than to other regions on average', () => {
    const groupings = createGeography(makeRng('g2'), 4, 40, 450);
    let within = 0;
    let nWithin = 0;
    let across = 0;
    let nAcross = 0;
    for (const a of groupings) {
      for (const b of groupings) {
        if (a.id >= b.id) continue;
        const d = Math.hypot(a.x_km - b.x_km, a.y_km - b.y_km);
        if (a.region === b.region) (within += d), nWithin++;
        else (across += d), nAcross++;
      }
    }
    expect(within / nWithin).toBeLessThan(across / nAcross);
  });
});
