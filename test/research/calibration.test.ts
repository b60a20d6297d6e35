import { describe, expect, it } from 'vitest';
import { criterionDistance, passMargins, patternDistance } from '../../src/research/calibration.js';
import type { Criterion, Target } from '../../src/patterns/table.js';

const criterion = (target: Target) => ({ id: 'X', target }) as unknown as Criterion;

describe('calibration distances', () => {
  const above = criterion({ kind: 'above', value: 0.05 } as Target);
  const band = criterion({ kind: 'between', low: 10, high: 20 } as Target);

  it('is 0 inside a declared bound and the gap over the bound\'s size beyond it', () => {
    expect(criterionDistance(above, 0.06)).toBe(0);
    expect(criterionDistance(above, 0.04)).toBeCloseTo(0.2, 12);
    expect(criterionDistance(band, 15)).toBe(0);
    expect(criterionDistance(band, 22)).toBeCloseTo(0.2, 12);
  });

  it('with a margin, a mean just inside the bound is still at a distance', () => {
    expect(criterionDistance(above, 0.06, 0.02)).toBeCloseTo(0.2, 12);
    expect(criterionDistance(above, 0.08, 0.02)).toBe(0);
    expect(criterionDistance(band, 11, 2)).toBeCloseTo(0.1, 12);
    expect(criterionDistance(band, 19, 2)).toBeCloseTo(0.1, 12);
    // A margin wider than half the band leaves its midpoint as the one place of zero distance.
    expect(criterionDistance(band, 15, 8)).toBe(0);
    expect(criterionDistance(band, 16, 8)).toBeCloseTo(0.1, 12);
  });

  it('a bound at zero is measured in margins, not in a near-zero scale', () => {
    const positive = criterion({ kind: 'above', value: 0 } as Target);
    expect(criterionDistance(positive, 0, 0.08)).toBeCloseTo(1, 12);
    expect(criterionDistance(positive, -0.04, 0.08)).toBeCloseTo(1.5, 12);
    expect(criterionDistance(positive, 0.1, 0.08)).toBe(0);
  });

  it('the margin is half the width of the 95% interval over the replicates; none for a source\'s proportion', () => {
    const proportion = criterion({ kind: 'proportion', successes: 31, trials: 36 } as Target);
    // Mean 0.06, sd 0.01 over 4 replicates: half-width t(0.975, 3) x 0.01 / 2 = 0.0159.
    const m = passMargins([above, proportion], [[0.05, 0.06, 0.07, 0.06], [0.8, 0.9]]);
    const sd = Math.sqrt(((0.01 ** 2) * 2) / 3);
    expect(m[0]).toBeCloseTo((3.182446305 * sd) / 2, 6);
    expect(m[1]).toBe(0);
    expect(patternDistance([above], [[0.05, 0.06, 0.07, 0.06]], m)).toBeGreaterThan(0);
    expect(patternDistance([above], [[0.05, 0.06, 0.07, 0.06]])).toBe(0);
  });
});
