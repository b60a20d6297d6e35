import { describe, expect, it } from 'vitest';
import { normal, researchRng } from '../../src/research/random.js';
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

describe('noise-corrected Sobol indices (replications per point)', () => {
  const S = [0.3139, 0.4424, 0];
  const ST = [0.5576, 0.4424, 0.2437];
  const V = 49 / 8 + (0.1 * Math.PI ** 4) / 5 + (0.01 * Math.PI ** 8) / 18 + 0.5;
  /** Ishigami plus Gaussian noise of variance s2 (and a component c shared by every point of a replicate, as common random numbers give). */
  function noisy(n: number, reps: number, s2: number, shared = 0) {
    const rng = researchRng(7, 'noise');
    const common = Array.from({ length: reps }, () => Math.sqrt(shared) * normal(rng));
    const replicates = saltelliDesign(3, n).map((u) => {
      const f = ishigami(u.map((x) => -Math.PI + 2 * Math.PI * x));
      return Array.from({ length: reps }, (_, q) => f + common[q] + Math.sqrt(s2) * normal(rng));
    });
    return { replicates, y: replicates.map((xs) => xs.reduce((a, b) => a + b, 0) / reps) };
  }

  it('recover the Ishigami indices under known noise, where the uncorrected ones are biased as theory says', () => {
    const reps = 4;
    const s2 = 20; // noise variance of one run; of a point mean: 5, a share eta = 5 / (13.84 + 5) = 0.27
    const { y, replicates } = noisy(8192, reps, s2);
    const result = sobolIndices(y, 3, researchRng(1, 'test'), 40, 0.95, replicates);
    const c = result.corrected!;
    expect(c.noiseVariance).toBeCloseTo(s2 / reps, 0);
    expect(Math.abs(c.variance - V) / V).toBeLessThan(0.05);
    const eta = s2 / reps / (V + s2 / reps);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(c.indices[i].first.estimate - S[i]), `S${i + 1}`).toBeLessThan(0.04);
      expect(Math.abs(c.indices[i].total.estimate - ST[i]), `ST${i + 1}`).toBeLessThan(0.04);
      // Uncorrected: S_i (1 - eta) and ST_i (1 - eta) + eta.
      expect(Math.abs(result.indices[i].first.estimate - S[i] * (1 - eta)), `biased S${i + 1}`).toBeLessThan(0.04);
      expect(Math.abs(result.indices[i].total.estimate - (ST[i] * (1 - eta) + eta)), `biased ST${i + 1}`).toBeLessThan(0.04);
      const { low, high, estimate } = c.indices[i].total;
      expect(low).toBeLessThan(estimate);
      expect(high).toBeGreaterThan(estimate);
      expect(high - low).toBeLessThan(0.15);
    }
    // The bias is real: x3's uncorrected total index is far above its true 0.244.
    expect(result.indices[2].total.estimate).toBeGreaterThan(0.4);
    // The uncorrected intervals are the same with or without replicates (drawn first).
    expect(sobolIndices(y, 3, researchRng(1, 'test'), 40).indices).toEqual(result.indices);
  });

  it('stay right under common random numbers, where the noise shared by every point cancels', () => {
    const { y, replicates } = noisy(4096, 3, 9, 30);
    const c = sobolIndices(y, 3, researchRng(1, 'test'), 0, 0.95, replicates).corrected!;
    // sigma^2 / R with the shared part would be (9 + 30) / 3 = 13; only 9 / 3 varies between points.
    expect(c.noiseVariance).toBeCloseTo(3, 0);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(c.indices[i].first.estimate - S[i])).toBeLessThan(0.05);
      expect(Math.abs(c.indices[i].total.estimate - ST[i])).toBeLessThan(0.05);
    }
  });

  it('handle noise whose variance depends on the parameters (heteroscedastic)', () => {
    const rng = researchRng(11, 'hetero');
    const reps = 4;
    // sigma^2(x) = 12 (1 + x1^2 / pi^2): 16 on average over x1; 4 for a point mean.
    const replicates = saltelliDesign(3, 4096).map((u) => {
      const x = u.map((v) => -Math.PI + 2 * Math.PI * v);
      const f = ishigami(x);
      const s = Math.sqrt(12 * (1 + (x[0] / Math.PI) ** 2));
      return Array.from({ length: reps }, () => f + s * normal(rng));
    });
    const y = replicates.map((xs) => xs.reduce((a, b) => a + b, 0) / reps);
    const c = sobolIndices(y, 3, researchRng(1, 'test'), 0, 0.95, replicates).corrected!;
    expect(Math.abs(c.noiseVariance - 4)).toBeLessThan(0.3);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(c.indices[i].first.estimate - S[i]), `S${i + 1}`).toBeLessThan(0.05);
      expect(Math.abs(c.indices[i].total.estimate - ST[i]), `ST${i + 1}`).toBeLessThan(0.05);
    }
  });

  it('is absent with one replication per point, and exact without noise', () => {
    const { y, replicates } = noisy(64, 1, 1);
    expect(sobolIndices(y, 3, researchRng(1, 'test'), 0, 0.95, replicates).corrected).toBeUndefined();
    const exact = noisy(1024, 2, 0);
    const r = sobolIndices(exact.y, 3, researchRng(1, 'test'), 0, 0.95, exact.replicates);
    expect(r.corrected!.noiseVariance).toBe(0);
    r.indices.forEach((ix, i) => expect(r.corrected!.indices[i].total.estimate).toBeCloseTo(ix.total.estimate, 12));
  });
});
