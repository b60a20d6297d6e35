import { describe, expect, it } from 'vitest';
import { criterionDistance, criterionNoise, patternDistance, unmeasuredCriteria } from '../../src/research/calibration.js';
import type { Criterion } from '../../src/patterns/table.js';
import type { Target } from '../../src/patterns/targets.js';

const criterion = (target: Target) => ({ id: 'X', target }) as unknown as Criterion;
const margin = (m: number) => ({ sd: 0, margin: m });

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
    expect(criterionDistance(above, 0.06, margin(0.02))).toBeCloseTo(0.2, 12);
    expect(criterionDistance(above, 0.08, margin(0.02))).toBe(0);
    expect(criterionDistance(band, 11, margin(2))).toBeCloseTo(0.1, 12);
    expect(criterionDistance(band, 19, margin(2))).toBeCloseTo(0.1, 12);
    // A margin wider than half the band leaves its midpoint as the one place of zero distance.
    expect(criterionDistance(band, 15, margin(8))).toBe(0);
    expect(criterionDistance(band, 16, margin(8))).toBeCloseTo(0.1, 12);
  });

  it('with a known noise, a gap counts in replicate standard deviations, whatever the target\'s size', () => {
    const large = criterion({ kind: 'above', value: 5500 } as Target);
    // 200 below a bound of 5500 is 0.036 of its size, but 5 standard deviations of 40.
    expect(criterionDistance(large, 5300)).toBeCloseTo(200 / 5500, 12);
    expect(criterionDistance(large, 5300, { sd: 40, margin: 0 })).toBeCloseTo(5, 12);
    expect(criterionDistance(large, 5500, { sd: 40, margin: 30 })).toBeCloseTo(0.75, 12);
  });

  it('the noise is the replicate sd and half the width of the 95% interval; none for a source\'s proportion', () => {
    const proportion = criterion({ kind: 'proportion', successes: 31, trials: 36 } as Target);
    const values = [0.05, 0.06, 0.07, 0.06];
    const [n, none] = criterionNoise([above, proportion], [values, [0.8, 0.9]]);
    const sd = Math.sqrt((0.01 ** 2 * 2) / 3);
    expect(n.sd).toBeCloseTo(sd, 12);
    // t(0.975, 3) x sd / sqrt(4).
    expect(n.margin).toBeCloseTo((3.182446305 * sd) / 2, 6);
    expect(none).toEqual({ sd: 0, margin: 0 });
    expect(patternDistance([above], [values], [n])).toBeGreaterThan(0);
    expect(patternDistance([above], [values])).toBe(0);
  });

  it('combines the criteria by root mean square, or by the largest (every criterion must be met)', () => {
    // Distances 0.2 (above: 0.04 against > 0.05) and 0.2 (band: 22 against 10 to 20), and 0.
    const metrics = [[0.04], [22], [15]];
    const three = [above, band, band];
    expect(patternDistance(three, metrics, [], 'rms')).toBeCloseTo(Math.sqrt((0.04 + 0.04) / 3), 12);
    expect(patternDistance(three, metrics, [], 'max')).toBeCloseTo(0.2, 12);
    // One miss among many: diluted by the root mean square, whole under the largest.
    const many = [above, ...Array.from({ length: 33 }, () => band)];
    const fits = [[0.04], ...Array.from({ length: 33 }, () => [15])];
    expect(patternDistance(many, fits, [], 'rms')).toBeCloseTo(0.2 / Math.sqrt(34), 12);
    expect(patternDistance(many, fits, [], 'max')).toBeCloseTo(0.2, 12);
  });

  it('names the criteria that no particle could measure', () => {
    const a = { ...above, id: 'A' } as Criterion;
    const b = { ...band, id: 'B' } as Criterion;
    expect(unmeasuredCriteria([a, b], [[[0.1], [NaN]], [[NaN], [NaN, NaN]]])).toEqual(['B']);
    expect(unmeasuredCriteria([a, b], [[[0.1], [NaN, 12]]])).toEqual([]);
  });

  it('a bound at zero without a known noise is measured in margins, not in a near-zero scale', () => {
    const positive = criterion({ kind: 'above', value: 0 } as Target);
    expect(criterionDistance(positive, 0, margin(0.08))).toBeCloseTo(1, 12);
    expect(criterionDistance(positive, -0.04, margin(0.08))).toBeCloseTo(1.5, 12);
    expect(criterionDistance(positive, 0.1, margin(0.08))).toBe(0);
  });
});
