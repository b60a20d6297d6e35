import { morrisEffects, morrisTrajectories, type Trajectory } from './morris.js';
import { researchRng } from './random.js';
import { saltelliDesign, sobolIndices } from './sobolIndices.js';
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
  /** Morris: mu, mu_star, sigma; Sobol: first, total. */
  readonly index: string;
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
}

/** The indices of one output per design row (point means over replicates). */
export function sensitivityIndices(design: SensitivityDesign, y: readonly number[], seed: number, resamples = 500): IndexRow[] {
  const names = design.factors.map((f) => f.name);
  if (design.method === 'morris') {
    const effects = morrisEffects(design.trajectories!, y, researchRng(seed, 'morris-bootstrap'), resamples);
    return effects.flatMap((e) => [
      { parameter: names[e.factor], index: 'mu_star', estimate: e.muStar.estimate, low: e.muStar.low, high: e.muStar.high },
      { parameter: names[e.factor], index: 'mu', estimate: e.mu, low: NaN, high: NaN },
      { parameter: names[e.factor], index: 'sigma', estimate: e.sigma, low: NaN, high: NaN },
    ]);
  }
  const result = sobolIndices(y, design.factors.length, researchRng(seed, 'sobol-bootstrap'), resamples);
  return result.indices.flatMap((i) => [
    { parameter: names[i.factor], index: 'first', ...i.first },
    { parameter: names[i.factor], index: 'total', ...i.total },
  ]);
}

/**
 * Replicate noise: the share of the variance of single runs that lies within design points
 * (noise), and the share of the variance of point means still due to noise (what is left after
 * averaging the replicates; indices of a point-mean output are inflated by about this share).
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
  return { within, total, share: total > 0 ? within / total : NaN, meanShare: meanVar > 0 ? Math.min(1, within / replicates / meanVar) : NaN, replicates };
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
  if (noise.meanShare > 0.2) warnings.push(`replicate noise is ${(100 * noise.meanShare).toFixed(0)}% of the variance of the point means: add replications per point (--reps) before reading small indices`);
  if (!(noise.replicates >= 2)) warnings.push('one replication per point: the noise share cannot be estimated, and noise enters the indices unseen');
  return warnings;
}
