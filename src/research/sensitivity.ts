import { morrisEffects, morrisTrajectories, type Trajectory } from './morris.js';
import { researchRng } from './random.js';
import { noiseCorrected, saltelliDesign, sobolIndices } from './sobolIndices.js';
import { mean, variance } from './stats.js';
import { scaleRow, unitRow, type Factor } from './factors.js';

export const METHODS = ['morris', 'sobol'] as const;
export type Method = (typeof METHODS)[number];

/** A sensitivity design: its rows as parameter values, and what the estimator needs of it. */
export interface SensitivityDesign {
  readonly method: Method;
  readonly factors: readonly Factor[];
  readonly rows: readonly (readonly number[])[];
  /** Morris: the trajectories on the values actually run (whole numbers rounded), on [0,1]. */
  readonly trajectories?: readonly Trajectory[];
  /** Sobol: base samples. */
  readonly samples: number;
}

/**
 * The design of a method: r Morris trajectories (Campolongo-optimised from 4r candidates) or a
 * Saltelli design of n base samples; `samples` is r or n.
 */
export function sensitivityDesign(method: Method, factors: readonly Factor[], samples: number, seed: number, levels = 4): SensitivityDesign {
  if (method === 'morris') {
    const raw = morrisTrajectories(factors.length, samples, researchRng(seed, 'morris-design'), { levels, candidates: Math.min(4 * samples, 200) });
    const rows = raw.flatMap((t) => t.points.map((u) => scaleRow(factors, u)));
    const k = factors.length;
    const trajectories = raw.map((t, r) => ({ order: t.order, points: rows.slice(r * (k + 1), (r + 1) * (k + 1)).map((v) => unitRow(factors, v)) }));
    return { method, factors, rows, trajectories, samples };
  }
  const rows = saltelliDesign(factors.length, samples).map((u) => scaleRow(factors, u));
  return { method, factors, rows, samples };
}

export interface IndexRow {
  readonly parameter: string;
  /** Morris: mu, mu_star, sigma; Sobol: first, total, and with replications first_corrected, total_corrected. */
  readonly index: string;
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/**
 * The indices of one output per design row (point means over replicates). Given the runs of each
 * row (byPoint, two or more per row), a Sobol analysis adds the noise-corrected indices.
 */
export function sensitivityIndices(design: SensitivityDesign, y: readonly number[], seed: number, resamples = 500, byPoint?: readonly (readonly number[])[]): IndexRow[] {
  const names = design.factors.map((f) => f.name);
  if (design.method === 'morris') {
    const effects = morrisEffects(design.trajectories!, y, researchRng(seed, 'morris-bootstrap'), resamples);
    return effects.flatMap((e) => [
      { parameter: names[e.factor], index: 'mu_star', estimate: e.muStar.estimate, low: e.muStar.low, high: e.muStar.high },
      { parameter: names[e.factor], index: 'mu', estimate: e.mu, low: NaN, high: NaN },
      { parameter: names[e.factor], index: 'sigma', estimate: e.sigma, low: NaN, high: NaN },
    ]);
  }
  const result = sobolIndices(y, design.factors.length, researchRng(seed, 'sobol-bootstrap'), resamples, 0.95, byPoint);
  return [
    ...result.indices.flatMap((i) => [
      { parameter: names[i.factor], index: 'first', ...i.first },
      { parameter: names[i.factor], index: 'total', ...i.total },
    ]),
    ...(result.corrected?.indices ?? []).flatMap((i) => [
      { parameter: names[i.factor], index: 'first_corrected', ...i.first },
      { parameter: names[i.factor], index: 'total_corrected', ...i.total },
    ]),
  ];
}

/** The noise variance of the point means and the variance left to the parameters (Sobol with replications), else undefined. */
export function sobolNoise(design: SensitivityDesign, y: readonly number[], byPoint: readonly (readonly number[])[]): { noiseVariance: number; signalVariance: number } | undefined {
  if (design.method !== 'sobol') return undefined;
  const c = noiseCorrected(y, design.factors.length, byPoint, researchRng(0, 'unused'), 0);
  return c ? { noiseVariance: c.noiseVariance, signalVariance: c.variance } : undefined;
}

/**
 * Replicate noise: the share of the variance of single runs that lies within design points
 * (noise), and the share of the variance of point means still due to noise (what is left after
 * averaging the replicates; uncorrected indices of a point-mean output are distorted by about
 * this share). The latter is the within-point variance over R of each run's deviation from its
 * replicate's mean over all points: under common random numbers, what a replicate's streams add
 * to every point alike moves no point mean relative to the others, and is not counted.
 */
export function noiseShare(byPoint: readonly (readonly number[])[]): { within: number; total: number; share: number; meanShare: number; replicates: number } {
  const finite = byPoint.map((xs) => xs.filter(Number.isFinite));
  const all = finite.flat();
  const total = variance(all);
  const withinVars = finite.filter((xs) => xs.length >= 2).map(variance);
  const within = withinVars.length > 0 ? mean(withinVars) : NaN;
  const replicates = mean(finite.map((xs) => xs.length));
  const means = finite.map((xs) => mean(xs)).filter(Number.isFinite);
  const meanVar = variance(means);
  const r = Math.max(0, ...byPoint.map((xs) => xs.length));
  const replicateMean = Array.from({ length: r }, (_, q) => mean(byPoint.map((xs) => xs[q]).filter((x) => x !== undefined && Number.isFinite(x))));
  const spread = byPoint
    .map((xs) => xs.map((x, q) => x - replicateMean[q]).filter(Number.isFinite))
    .filter((d) => d.length >= 2)
    .map((d) => variance(d) / d.length);
  const noiseOfMeans = spread.length > 0 ? mean(spread) : NaN;
  return { within, total, share: total > 0 ? within / total : NaN, meanShare: meanVar > 0 ? Math.min(1, noiseOfMeans / meanVar) : NaN, replicates };
}

/** Warnings a careful analyst would raise about these indices. */
export function sensitivityWarnings(design: SensitivityDesign, rows: readonly IndexRow[], noise: ReturnType<typeof noiseShare>): string[] {
  const warnings: string[] = [];
  const k = design.factors.length;
  if (design.method === 'morris' && design.samples < 10) warnings.push(`only ${design.samples} trajectories: Morris screening usually needs 10 to 50 (Campolongo et al. 2007); mu* intervals will be wide`);
  if (design.method === 'sobol' && design.samples < 64 * Math.max(1, Math.ceil(k / 4))) warnings.push(`only ${design.samples} base samples for ${k} parameters: Sobol indices usually need hundreds to thousands; read the intervals before the estimates`);
  if (design.method === 'sobol') {
    const negative = rows.filter((r) => r.estimate < -0.05).map((r) => `${r.parameter} (${r.index} ${r.estimate.toPrecision(2)})`);
    if (negative.length > 0) warnings.push(`negative indices, a sign of too small a sample: ${negative.join(', ')}`);
    const wide = rows.filter((r) => r.index === 'total' && r.high - r.low > 0.3).map((r) => r.parameter);
    if (wide.length > 0) warnings.push(`total-index intervals wider than 0.3: ${wide.join(', ')}`);
    const byParam = new Map<string, Record<string, number>>();
    for (const r of rows) byParam.set(r.parameter, { ...(byParam.get(r.parameter) ?? {}), [r.index]: r.estimate });
    const over = [...byParam].filter(([, v]) => v.first > v.total + 0.05).map(([p]) => p);
    if (over.length > 0) warnings.push(`first-order index above the total for ${over.join(', ')}: the sample is too small`);
  }
  const corrected = design.method === 'sobol' && noise.replicates >= 2;
  if (corrected && noise.meanShare > 0.5) warnings.push(`replicate noise is ${(100 * noise.meanShare).toFixed(0)}% of the variance of the point means: the noise-corrected indices are then a small difference of two noisy numbers and cannot be trusted (read their intervals); add replications per point (--reps), keep common random numbers (--crn), or run longer (--months)`);
  else if (noise.meanShare > 0.2) warnings.push(`replicate noise is ${(100 * noise.meanShare).toFixed(0)}% of the variance of the point means: ${corrected ? 'read the noise-corrected indices (first_corrected, total_corrected), and add' : 'add'} replications per point (--reps) before reading small indices`);
  if (design.method === 'sobol' && noise.replicates >= 2 && rows.some((r) => r.index.endsWith('_corrected')) && rows.filter((r) => r.index.endsWith('_corrected')).every((r) => !Number.isFinite(r.estimate))) warnings.push('the noise-corrected variance is not positive: the design points differ by no more than replicate noise; the corrected indices are undefined');
  if (!(noise.replicates >= 2)) warnings.push('one replication per point: the noise share cannot be estimated, and noise enters the indices unseen');
  return warnings;
}
