import { sobolPoints, SOBOL_MAX_DIMENSIONS } from '../sweep/sobol.js';
import { bootstrapInterval, mean, type Interval } from './stats.js';
import type { Rng } from './random.js';

/**
 * Saltelli's design for first-order and total Sobol indices of k factors on [0,1)^k: base
 * matrices A and B (the two halves of a 2k-dimensional Sobol sequence) and, for each factor i,
 * A_B^i (A with column i taken from B). Rows come in blocks of k + 2 per base sample j:
 * A_j, B_j, A_B^1_j, ..., A_B^k_j, so n base samples make n (k + 2) model runs (Saltelli et al.
 * 2010, Computer Physics Communications 181:259-270, doi:10.1016/j.cpc.2009.09.018).
 */
export function saltelliDesign(k: number, n: number): number[][] {
  if (!(k >= 1) || 2 * k > SOBOL_MAX_DIMENSIONS) throw new Error(`a Saltelli design takes 1 to ${Math.floor(SOBOL_MAX_DIMENSIONS / 2)} factors (the Sobol sequence has ${SOBOL_MAX_DIMENSIONS} dimensions), not ${k}`);
  if (!(n >= 2)) throw new Error(`a Saltelli design needs at least 2 base samples, not ${n}`);
  // The origin is skipped: a corner of the cube says little and makes A and B share a row.
  const base = sobolPoints(n + 1, 2 * k).slice(1);
  const rows: number[][] = [];
  for (const u of base) {
    const a = u.slice(0, k);
    const b = u.slice(k);
    rows.push(a, b);
    for (let i = 0; i < k; i++) rows.push(a.map((x, j) => (j === i ? b[i] : x)));
  }
  return rows;
}

export interface SobolIndex {
  readonly factor: number;
  readonly first: Interval;
  readonly total: Interval;
}

export interface SobolResult {
  readonly variance: number;
  readonly indices: readonly SobolIndex[];
}

/** The estimators on a subset of base samples (indices into the n blocks). */
function estimate(y: readonly number[], k: number, samples: readonly number[], factor: number, which: 'first' | 'total'): number {
  const block = k + 2;
  const fa = samples.map((j) => y[j * block]);
  const fb = samples.map((j) => y[j * block + 1]);
  const fab = samples.map((j) => y[j * block + 2 + factor]);
  const all = [...fa, ...fb];
  const m = mean(all);
  const v = mean(all.map((x) => (x - m) ** 2));
  if (!(v > 0)) return NaN;
  // Jansen's estimators (Saltelli et al. 2010, Table 2, (f) for the first order, (f) for the total).
  if (which === 'first') return (v - mean(fb.map((x, j) => (x - fab[j]) ** 2)) / 2) / v;
  return mean(fa.map((x, j) => (x - fab[j]) ** 2)) / 2 / v;
}

/**
 * First-order and total Sobol indices from the outputs y of a Saltelli design (same row order),
 * with percentile bootstrap intervals over the base samples.
 */
export function sobolIndices(y: readonly number[], k: number, rng: Rng, resamples = 500, level = 0.95): SobolResult {
  const block = k + 2;
  if (y.length % block !== 0) throw new Error(`${y.length} outputs do not make whole blocks of ${block} (a Saltelli design of ${k} factors)`);
  const n = y.length / block;
  const all = Array.from({ length: n }, (_, j) => j);
  const ab = all.flatMap((j) => [y[j * block], y[j * block + 1]]);
  const m = mean(ab);
  const variance = mean(ab.map((x) => (x - m) ** 2));
  const indices = Array.from({ length: k }, (_, i) => ({
    factor: i,
    first: bootstrapInterval(n, (s) => estimate(y, k, s, i, 'first'), rng, resamples, level),
    total: bootstrapInterval(n, (s) => estimate(y, k, s, i, 'total'), rng, resamples, level),
  }));
  return { variance, indices };
}

/** The Ishigami function on [-pi, pi]^3, the standard test of Sobol estimators. */
export function ishigami(x: readonly number[], a = 7, b = 0.1): number {
  return Math.sin(x[0]) + a * Math.sin(x[1]) ** 2 + b * x[2] ** 4 * Math.sin(x[0]);
}

/**
 * The largest absolute correlation between a column of A and a column of B in a Saltelli design
 * of n base samples: with few points the two halves of a high-dimensional Sobol sequence are
 * nearly copies of each other (up to 1 for 10 factors at n = 16), which breaks the estimators.
 */
export function designCorrelation(k: number, n: number): number {
  const u = sobolPoints(n + 1, 2 * k).slice(1);
  const column = (j: number) => u.map((r) => r[j]);
  const centred = Array.from({ length: 2 * k }, (_, j) => {
    const c = column(j);
    const m = mean(c);
    return c.map((x) => x - m);
  });
  let worst = 0;
  for (let a = 0; a < k; a++) {
    for (let b = k; b < 2 * k; b++) {
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      for (let i = 0; i < n; i++) {
        sxy += centred[a][i] * centred[b][i];
        sxx += centred[a][i] ** 2;
        syy += centred[b][i] ** 2;
      }
      if (sxx > 0 && syy > 0) worst = Math.max(worst, Math.abs(sxy / Math.sqrt(sxx * syy)));
    }
  }
  return worst;
}

/** The smallest power-of-two base sample, at least n, whose halves correlate at most `limit`. */
export function minimumSobolSamples(k: number, limit = 0.3): number {
  for (let n = 4; n <= 1 << 14; n *= 2) if (designCorrelation(k, n) <= limit) return n;
  return 1 << 14;
}
