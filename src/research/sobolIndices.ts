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
  /**
   * With replications per point: the indices of the mean response on the noise-corrected
   * variance (see noiseCorrected below); absent when fewer than two replications per point.
   */
  readonly corrected?: NoiseCorrectedSobol;
}

export interface NoiseCorrectedSobol {
  /** The variance of the point means due to replicate noise (within-point variance over R), in the output's unit squared. */
  readonly noiseVariance: number;
  /** The variance of the point means minus that noise: the variance of the mean response. */
  readonly variance: number;
  /** The replications per point (mean over the points). */
  readonly replicates: number;
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
export function sobolIndices(y: readonly number[], k: number, rng: Rng, resamples = 500, level = 0.95, replicates?: readonly (readonly number[])[]): SobolResult {
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
  // Drawn after the uncorrected intervals, so those are the same with or without replicates.
  const corrected = replicates ? noiseCorrected(y, k, replicates, rng, resamples, level) : undefined;
  return { variance, indices, ...(corrected ? { corrected } : {}) };
}

/** The sample variance of the finite values of xs, over their count (the noise variance of their mean); NaN with fewer than 2. */
function varianceOfMean(xs: readonly number[]): number {
  let n = 0;
  let s = 0;
  for (const x of xs) if (Number.isFinite(x)) (n += 1), (s += x);
  if (n < 2) return NaN;
  const m = s / n;
  let ss = 0;
  for (const x of xs) if (Number.isFinite(x)) ss += (x - m) ** 2;
  return ss / (n - 1) / n;
}

/**
 * Noise-corrected Sobol indices of a stochastic model's mean response, by variance deconvolution
 * (Clements, Geraci, Olson and Palmer 2024, arXiv:2403.06106, applying it to Saltelli's method):
 * the point means over R replications are f(x) + noise of variance sigma^2(x) / R, which inflates
 * both the output variance V and the squared differences of the total-index estimator by that
 * noise, so (as theory says) uncorrected first-order indices are biased towards 0 and total
 * indices towards 1. Each quadratic term of Jansen's estimators is corrected by its own noise,
 * estimated from the replications as the within-point variance over R of the very quantity that
 * is squared:
 *   V_c  = V - mean_x var_k(y_k(x) - m_k) / R          (m_k: replicate k's mean over A and B)
 *   D_T  = mean_j (f_A - f_ABi)^2 / 2 - mean_j var_k(y_k(A_j) - y_k(A_B^i_j)) / (2R)
 *   D_F  = mean_j (f_B - f_ABi)^2 / 2 - mean_j var_k(y_k(B_j) - y_k(A_B^i_j)) / (2R)
 *   S_i  = (V_c - D_F) / V_c,   ST_i = D_T / V_c.
 * Taking the variances of differences and of deviations from each replicate's mean (rather than
 * sigma^2 / R alone) keeps the correction right under common random numbers, where the noise of
 * two points is correlated: what the streams add to every point alike cancels in both. These are
 * the indices of the mean response E[Y | X] on its own variance (the "mean function" indices of
 * Marrel et al. 2012, Statistics and Computing 22:833-847); the noise is the share left out.
 * `replicates[row]` holds the runs of the design row whose mean is y[row].
 */
export function noiseCorrected(y: readonly number[], k: number, replicates: readonly (readonly number[])[], rng: Rng, resamples = 500, level = 0.95): NoiseCorrectedSobol | undefined {
  const block = k + 2;
  if (replicates.length !== y.length) throw new Error(`${replicates.length} rows of replications for ${y.length} outputs`);
  const counts = replicates.map((xs) => xs.filter(Number.isFinite).length);
  if (counts.some((c) => c < 2)) return undefined;
  const r = Math.max(...replicates.map((xs) => xs.length));
  const n = y.length / block;
  // Each replicate's mean over the A and B points: the noise common to every point cancels.
  const base = Array.from({ length: n }, (_, j) => [j * block, j * block + 1]).flat();
  const mk = Array.from({ length: r }, (_, q) => mean(base.map((row) => replicates[row][q]).filter(Number.isFinite)));
  const noiseAt = (row: number) => varianceOfMean(replicates[row].map((x, q) => x - mk[q]));
  const noiseA = Array.from({ length: n }, (_, j) => noiseAt(j * block));
  const noiseB = Array.from({ length: n }, (_, j) => noiseAt(j * block + 1));
  const pairNoise = (a: number, b: number) => varianceOfMean(replicates[a].map((x, q) => x - replicates[b][q])) / 2;
  const noiseT = Array.from({ length: k }, (_, i) => Array.from({ length: n }, (_, j) => pairNoise(j * block, j * block + 2 + i)));
  const noiseF = Array.from({ length: k }, (_, i) => Array.from({ length: n }, (_, j) => pairNoise(j * block + 1, j * block + 2 + i)));
  // Per base sample, each term's value less its noise: a resample's estimate is then a few means.
  const fa = Array.from({ length: n }, (_, j) => y[j * block]);
  const fb = Array.from({ length: n }, (_, j) => y[j * block + 1]);
  const noiseV = Array.from({ length: n }, (_, j) => (noiseA[j] + noiseB[j]) / 2);
  const termT = Array.from({ length: k }, (_, i) => Array.from({ length: n }, (_, j) => (fa[j] - y[j * block + 2 + i]) ** 2 / 2 - noiseT[i][j]));
  const termF = Array.from({ length: k }, (_, i) => Array.from({ length: n }, (_, j) => (fb[j] - y[j * block + 2 + i]) ** 2 / 2 - noiseF[i][j]));
  const correctedVariance = (s: readonly number[]): number => {
    let sum = 0;
    let noise = 0;
    for (const j of s) (sum += fa[j] + fb[j]), (noise += noiseV[j]);
    const m = sum / (2 * s.length);
    let ss = 0;
    for (const j of s) ss += (fa[j] - m) ** 2 + (fb[j] - m) ** 2;
    return ss / (2 * s.length) - noise / s.length;
  };
  const meanOver = (xs: readonly number[], s: readonly number[]) => {
    let sum = 0;
    for (const j of s) sum += xs[j];
    return sum / s.length;
  };
  const est = (s: readonly number[], i: number, which: 'first' | 'total'): number => {
    const v = correctedVariance(s);
    if (!(v > 0)) return NaN;
    return which === 'total' ? meanOver(termT[i], s) / v : (v - meanOver(termF[i], s)) / v;
  };
  const all = Array.from({ length: n }, (_, j) => j);
  const indices = Array.from({ length: k }, (_, i) => ({
    factor: i,
    first: bootstrapInterval(n, (s) => est(s, i, 'first'), rng, resamples, level),
    total: bootstrapInterval(n, (s) => est(s, i, 'total'), rng, resamples, level),
  }));
  return { noiseVariance: mean(noiseV), variance: correctedVariance(all), replicates: mean(counts), indices };
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
