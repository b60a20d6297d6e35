import type { Params } from '../model/parameters.js';
import { configParams } from '../patterns/evaluate.js';
import { allCriteria, type ConfigName, type Criterion, type Runs, type Values } from '../patterns/table.js';
import { meets, targetRange } from '../patterns/targets.js';
import { summariseValues } from '../analysis/stats.js';
import { ResearchInputError } from './errors.js';
import { mean } from './stats.js';

/**
 * The calibration targets: criteria of the pattern table (src/patterns/table.ts). The default is
 * its quantitative targets, those the sources give as numbers (a proportion of a sample, or an
 * interval), rather than a direction with a declared minimum.
 */
export function calibrationCriteria(ids?: readonly string[]): Criterion[] {
  const all = allCriteria().map((c) => c.criterion);
  if (ids === undefined || ids.length === 0) return all.filter((c) => c.target.kind === 'proportion' || c.target.kind === 'between');
  const unknown = ids.filter((id) => !all.some((c) => c.id === id));
  if (unknown.length > 0) throw new ResearchInputError('--criteria', unknown.join(','), `unknown criterion; valid: ${all.map((c) => c.id).join(', ')}`);
  return all.filter((c) => ids.includes(c.id));
}

export function criteriaConfigs(criteria: readonly Criterion[]): ConfigName[] {
  return [...new Set(criteria.flatMap((c) => c.configs))];
}

/**
 * A criterion's replicate noise at one parameter point: the standard deviation of its metric over
 * replicates, and the margin, half the width of its 95% interval over that many replicates (how
 * far inside a declared bound the mean must lie for the interval to clear it).
 */
export interface CriterionNoise {
  readonly sd: number;
  readonly margin: number;
}

const NO_NOISE: CriterionNoise = { sd: 0, margin: 0 };

/**
 * How far one criterion's mean metric is from its target. A proportion from a source: from the
 * observed proportion over half its 95% interval (so 1 is the edge of what the source allows). An
 * interval or a declared minimum: 0 inside; outside, the gap in units of the criterion's replicate
 * standard deviation where it is known (so targets of any size weigh alike, and a gap counts as
 * much as the pass rule of lesim patterns makes it count), else of the interval's width or the
 * bound's size. The margin moves a declared bound (or both edges of a band) inwards: lesim
 * patterns passes such a target only when the whole 95% interval clears it, so a mean just inside
 * the bound is not yet a pass.
 */
export function criterionDistance(c: Criterion, value: number, noise: CriterionNoise = NO_NOISE): number {
  if (!Number.isFinite(value)) return 10;
  const r = targetRange(c.target);
  if (c.target.kind === 'proportion') return Math.abs(value - c.target.successes / c.target.trials) / ((r.high - r.low) / 2);
  const width = r.high - r.low;
  const bound = Math.abs(Number.isFinite(r.low) ? r.low : r.high);
  const margin = Math.max(0, noise.margin);
  // Without a known noise: the band's width or the bound's size; a bound at zero has no size, so
  // the margin stands in rather than a near-zero scale that would make any gap a distance of millions.
  const scale = noise.sd > 0 ? noise.sd : Number.isFinite(width) ? width : bound > 0 ? bound : margin > 0 ? margin : 1e-9;
  // A band narrower than twice the margin keeps its midpoint as the one place of zero distance.
  const m = Number.isFinite(width) ? Math.min(margin, width / 2) : margin;
  const low = r.low + m;
  const high = r.high - m;
  if (value >= low && value <= high) return 0;
  return (value < low ? low - value : value - high) / scale;
}

/**
 * Each criterion's replicate noise from runs of one parameter point; none for a source's proportion
 * (judged by its mean, against the source's own interval) and where it cannot be computed.
 */
export function criterionNoise(criteria: readonly Criterion[], metrics: readonly (readonly number[])[]): CriterionNoise[] {
  return criteria.map((c, i) => {
    if (c.target.kind === 'proportion') return NO_NOISE;
    const s = summariseValues(metrics[i].filter(Number.isFinite));
    const half = (s.ciHigh - s.ciLow) / 2;
    return Number.isFinite(half) && Number.isFinite(s.sd) ? { sd: s.sd, margin: half } : NO_NOISE;
  });
}

/** The metric of each criterion per replicate, from runs of every config a criterion names. */
export function metricsOf(criteria: readonly Criterion[], runs: readonly Runs[]): number[][] {
  return criteria.map((c) => runs.map((r) => c.value(r)).map((v) => (Number.isFinite(v) ? v : NaN)));
}

/**
 * How the criteria's distances combine into a particle's: their root mean square, or the largest.
 * Under the root mean square one criterion's miss weighs 1/n of the sum, so with 34 criteria a
 * particle that misses one noisy criterion by a standard deviation is still accepted; the largest
 * asks, as lesim patterns does, that every criterion be met.
 */
export const DISTANCES = ['rms', 'max'] as const;
export type DistanceKind = (typeof DISTANCES)[number];

/** The criteria's distances at their mean metric over replicates (each with its noise, if given), combined. */
export function patternDistance(criteria: readonly Criterion[], metrics: readonly (readonly number[])[], noise: readonly CriterionNoise[] = [], kind: DistanceKind = 'max'): number {
  const d = criteria.map((c, i) => criterionDistance(c, mean(metrics[i].filter(Number.isFinite)), noise[i] ?? NO_NOISE));
  return kind === 'max' ? Math.max(...d) : Math.sqrt(mean(d.map((x) => x * x)));
}

/**
 * The criteria that no particle of a batch could measure (no finite metric in any replicate), as
 * at a horizon too short for them: each such criterion puts every particle at the distance of an
 * unmeasured criterion, which under the largest distance leaves the sampler nothing to choose by.
 */
export function unmeasuredCriteria(criteria: readonly Criterion[], particleMetrics: readonly (readonly (readonly number[])[])[]): string[] {
  return criteria.filter((_, i) => particleMetrics.every((m) => !m[i].some(Number.isFinite))).map((c) => c.id);
}

/** Whether each criterion meets its target as lesim patterns judges it (mean or whole interval). */
export function criteriaMet(criteria: readonly Criterion[], metrics: readonly (readonly number[])[]): { id: string; mean: number; pass: boolean }[] {
  return criteria.map((c, i) => {
    const s = summariseValues(metrics[i]);
    return { id: c.id, mean: s.mean, pass: meets(c.target, s) };
  });
}

/** Parameters of every config at a particle: the calibrated values on top of each config's scenario. */
export function particleParams(configs: readonly ConfigName[], values: Readonly<Record<string, number>>): Params[] {
  return configs.map((c) => configParams(c, values));
}

/** Runs of one particle, replicate by replicate, as the criteria read them. */
export function particleRuns(configs: readonly ConfigName[], values: readonly (readonly Values[])[], replicates: number): Runs[] {
  return Array.from({ length: replicates }, (_, k) => Object.fromEntries(configs.map((c, j) => [c, values[j][k]])) as Runs);
}
