import { describe, expect, it } from 'vitest';
import { pairedEffect, verdict } from '../../src/research/effects.js';
import { normal, researchRng } from '../../src/research/random.js';
import { nextReplications, recommendReps, repsCurve } from '../../src/research/replications.js';
import { binomialUpperTail, bootstrapMean, holm, tTestP, varghaDelaneyA } from '../../src/research/stats.js';

describe('research statistics', () => {
  it('Vargha-Delaney A: probability of superiority with ties counting half', () => {
    expect(varghaDelaneyA([1, 2, 3], [1, 2, 3])).toBeCloseTo(0.5, 12);
    expect(varghaDelaneyA([4, 5], [1, 2])).toBe(1);
    expect(varghaDelaneyA([1, 2], [4, 5])).toBe(0);
    // 3 wins, 1 tie, 0 losses of 4 pairs... worked by hand: a = [2, 3], b = [1, 2].
    expect(varghaDelaneyA([2, 3], [1, 2])).toBeCloseTo(3.5 / 4, 12);
  });

  it('Holm adjustment matches the step-down rule (and R p.adjust)', () => {
    // p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
    expect(holm([0.01, 0.04, 0.03, 0.005]).map((p) => Number(p.toFixed(10)))).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holm([0.5, 0.9])).toEqual([1, 1]);
  });

  it('t and binomial tails match tabled values', () => {
    expect(tTestP(2.228138852, 10)).toBeCloseTo(0.05, 6);
    expect(tTestP(0, 5)).toBeCloseTo(1, 9);
    expect(tTestP(12.7062047, 1)).toBeCloseTo(0.05, 6);
    // P(X >= 8 | n = 10, p = 0.5) = 56/1024
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 10);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
  });

  it('bootstrap interval of a mean covers the mean and is near the t interval for normal data', () => {
    const rng = researchRng(1, 'data');
    const xs = Array.from({ length: 200 }, () => 5 + normal(rng));
    const b = bootstrapMean(xs, researchRng(2, 'boot'), 2000);
    expect(b.low).toBeLessThan(b.estimate);
    expect(b.high).toBeGreaterThan(b.estimate);
    expect(b.high - b.low).toBeGreaterThan(0.2);
    expect(b.high - b.low).toBeLessThan(0.34);
  });

  it('a paired effect with a planted shift is found, with the right sign and verdict', () => {
    const rng = researchRng(3, 'data');
    const control = Array.from({ length: 30 }, () => 10 + normal(rng));
    const treatment = control.map((c) => c + 0.5 + 0.3 * normal(rng));
    const e = pairedEffect(control, treatment, researchRng(4, 'boot'), 500);
    expect(e.difference.low).toBeGreaterThan(0.3);
    expect(e.difference.high).toBeLessThan(0.7);
    expect(e.p).toBeLessThan(1e-6);
    expect(e.a.estimate).toBeGreaterThan(0.5);
    expect(verdict(e, e.p, 'increase')).toBe('supported');
    expect(verdict(e, e.p, 'decrease')).toBe('contradicted');
    expect(verdict(e, 0.2, 'increase')).toBe('inconclusive');
  });

  it('replication curve, recommended count and the sequential rule', () => {
    const rng = researchRng(5, 'data');
    const xs = Array.from({ length: 50 }, () => 2 + 0.5 * normal(rng));
    const curve = repsCurve(xs);
    expect(curve[0].n).toBe(2);
    expect(curve[curve.length - 1].width).toBeLessThan(curve[3].width);
    // s = 1, width 0.5: 2 * t(n-1) / sqrt(n) <= 0.5 first at n = 64.
    expect(recommendReps(1, 0.5)).toBe(64);
    expect(nextReplications([1, 2], 0.1, 50)).toBe(3);
    expect(nextReplications([1, 1.0001, 0.9999], 0.1, 50)).toBe(0);
    expect(nextReplications([1, 3, 2, 5], 0.1, 50)).toBe(8);
    expect(nextReplications(new Array(50).fill(0).map((_, i) => i), 0.1, 50)).toBe(0);
  });
});
