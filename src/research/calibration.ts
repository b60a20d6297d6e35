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
 * How far one criterion's mean metric is from its target, in units of the target's tolerance: a
 * proportion from a source, from the observed proportion over half its 95% interval (so 1 is the
 * edge of what the source allows); an interval or a declared minimum, 0 inside and the gap beyond
 * it over the interval's width (or the bound's size, or the margin for a bound at zero) outside. `margin` moves a declared bound (or
 * both edges of a band) inwards by that much: lesim patterns passes such a target only when the
 * whole 95% interval clears it, so a mean just inside the bound is not yet a pass.
 */
export function criterionDistance(c: Criterion, value: number, margin = 0): number {
  if (!Number.isFinite(value)) return 10;
  const r = targetRange(c.target);
  if (c.target.kind === 'proportion') return Math.abs(value - c.target.successes / c.target.trials) / ((r.high - r.low) / 2);
  // A band's width, or a bound's size; a bound at zero has no size, so the margin (the
  // criterion's noise) stands in for it rather than a near-zero scale that would turn any gap
  // into a distance of millions.
  const bound = Math.abs(Number.isFinite(r.low) ? r.low : r.high);
  const scale = Number.isFinite(r.high - r.low) ? r.high - r.low : bound > 0 ? bound : margin > 0 ? margin : 1e-9;
  // A band narrower than twice the margin keeps its midpoint as the one place of zero distance.
  const m = Number.isFinite(r.high - r.low) ? Math.min(Math.max(0, margin), (r.high - r.low) / 2) : Math.max(0, margin);
  const low = r.low + m;
  const high = r.high - m;
  if (value >= low && value <= high) return 0;
  return (value < low ? low - value : value - high) / scale;
}

/**
 * The margin of each criterion: half the width of its 95% interval over the given replicates (of
 * one parameter point), that is how far inside a declared bound the mean must lie for the interval
 * to clear it at that replicate count; 0 for a source's proportion (judged by its mean) and where
 * the interval cannot be computed.
 */
export function passMargins(criteria: readonly Criterion[], metrics: readonly (readonly number[])[]): number[] {
  return criteria.map((c, i) => {
    if (c.target.kind === 'proportion') return 0;
    const s = summariseValues(metrics[i].filter(Number.isFinite));
    const half = (s.ciHigh - s.ciLow) / 2;
    return Number.isFinite(half) ? half : 0;
  });
}

/** The metric of each criterion per replicate, from runs of every config a criterion names. */
export function metricsOf(criteria: readonly Criterion[], runs: readonly Runs[]): number[][] {
  return criteria.map((c) => runs.map((r) => c.value(r)).map((v) => (Number.isFinite(v) ? v : NaN)));
}

/** Root mean square of the criteria's distances at their mean metric over replicates (each with its margin, if given). */
export function patternDistance(criteria: readonly Criterion[], metrics: readonly (readonly number[])[], margins: readonly number[] = []): number {
  const d = criteria.map((c, i) => criterionDistance(c, mean(metrics[i].filter(Number.isFinite)), margins[i] ?? 0));
  return Math.sqrt(mean(d.map((x) => x * x)));
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
