import { describe, expect, it } from 'vitest';
import { researchRng } from '../../src/research/random.js';
import { designCorrelation, ishigami, minimumSobolSamples, saltelliDesign, sobolIndices } from '../../src/research/sobolIndices.js';

describe('Sobol indices (Saltelli design, Jansen estimators)', () => {
  it('match the analytic indices of the Ishigami function (a = 7, b = 0.1)', () => {
    const k = 3;
    const rows = saltelliDesign(k, 4096);
    expect(rows).toHaveLength(4096 * (k + 2));
    const y = rows.map((u) => ishigami(u.map((x) => -Math.PI + 2 * Math.PI * x)));
    const result = sobolIndices(y, k, researchRng(1, 'test'), 200);
    const first = result.indices.map((i) => i.first.estimate);
    const total = result.indices.map((i) => i.total.estimate);
    // Analytic values (Ishigami and Homma 1990; Saltelli et al. 2010).
    [0.3139, 0.4424, 0].forEach((v, i) => expect(first[i]).toBeCloseTo(v, 1));
    [0.5576, 0.4424, 0.2437].forEach((v, i) => expect(total[i]).toBeCloseTo(v, 1));
    for (let i = 0; i < k; i++) {
      expect(Math.abs(first[i] - [0.3139, 0.4424, 0][i])).toBeLessThan(0.03);
      expect(Math.abs(total[i] - [0.5576, 0.4424, 0.2437][i])).toBeLessThan(0.03);
      const { low, high } = result.indices[i].total;
      expect(low).toBeLessThanOrEqual(total[i]);
      expect(high).toBeGreaterThanOrEqual(total[i]);
    }
    // The analytic variance: a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2.
    expect(result.variance).toBeCloseTo(49 / 8 + (0.1 * Math.PI ** 4) / 5 + (0.01 * Math.PI ** 8) / 18 + 0.5, 0);
  });

  it('bootstrap intervals narrow as the base sample grows', () => {
    const width = (n: number) => {
      const y = saltelliDesign(3, n).map((u) => ishigami(u.map((x) => -Math.PI + 2 * Math.PI * x)));
      const t = sobolIndices(y, 3, researchRng(2, 'test'), 200).indices[0].total;
      return t.high - t.low;
    };
    expect(width(1024)).toBeLessThan(width(64));
  });

  it('refuses a design the Sobol sequence cannot give and outputs that are not whole blocks', () => {
    expect(() => saltelliDesign(11, 8)).toThrow(/1 to 10 factors/);
    expect(() => saltelliDesign(2, 1)).toThrow(/at least 2 base samples/);
    expect(() => sobolIndices([1, 2, 3], 2, researchRng(1, 't'))).toThrow(/whole blocks/);
  });

  it('measures how far the halves of a small design are copies of each other', () => {
    expect(designCorrelation(10, 16)).toBeGreaterThan(0.9);
    expect(designCorrelation(10, 64)).toBeLessThan(0.3);
    expect(minimumSobolSamples(10)).toBe(64);
    expect(minimumSobolSamples(2)).toBe(16);
  });
});
