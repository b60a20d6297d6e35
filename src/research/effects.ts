import { t975 } from '../analysis/stats.js';
import type { Rng } from './random.js';
import { bootstrapInterval, holm, mean, sd, tTestP, varghaDelaneyA, variance, type Interval } from './stats.js';

export type Direction = 'increase' | 'decrease';
export type Verdict = 'supported' | 'contradicted' | 'inconclusive';

/** The effect of a factor on one outcome from paired replications (treatment k vs control k). */
export interface PairedEffect {
  readonly n: number;
  readonly control: number;
  readonly treatment: number;
  readonly difference: Interval;
  /** Bootstrap interval of the difference; `difference` holds the t interval. */
  readonly differenceBootstrap: Interval;
  /**
   * Difference over the pooled standard deviation of the two arms (Cohen's d), its interval the
   * bootstrap interval of the difference over the same standard deviation (resampling d itself
   * breaks down with few replications, where a resample can have no spread).
   */
  readonly standardised: Interval;
  /** Vargha-Delaney A of treatment over control. */
  readonly a: Interval;
  /** Two-sided paired t-test p-value. */
  readonly p: number;
}

function pooledSd(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt((variance(a) + variance(b)) / 2);
}

export function pairedEffect(control: readonly number[], treatment: readonly number[], rng: Rng, resamples = 1000): PairedEffect {
  const keep = control.map((_, i) => i).filter((i) => Number.isFinite(control[i]) && Number.isFinite(treatment[i]));
  const c = keep.map((i) => control[i]);
  const t = keep.map((i) => treatment[i]);
  const d = t.map((x, i) => x - c[i]);
  const n = d.length;
  const m = mean(d);
  const s = sd(d);
  const half = n > 1 ? t975(n - 1) * (s / Math.sqrt(n)) : NaN;
  const pick = (xs: readonly number[], ix: readonly number[]) => ix.map((i) => xs[i]);
  const ps = pooledSd(c, t);
  const scaled = (x: number) => (ps > 0 ? x / ps : x === 0 ? 0 : NaN);
  const boot = bootstrapInterval(n, (ix) => mean(pick(d, ix)), rng, resamples);
  const p = n < 2 ? NaN : s > 0 ? tTestP(m / (s / Math.sqrt(n)), n - 1) : m === 0 ? 1 : 0;
  return {
    n,
    control: mean(c),
    treatment: mean(t),
    difference: { estimate: m, low: m - half, high: m + half },
    differenceBootstrap: boot,
    standardised: { estimate: scaled(boot.estimate), low: scaled(boot.low), high: scaled(boot.high) },
    a: bootstrapInterval(n, (ix) => varghaDelaneyA(pick(t, ix), pick(c, ix)), rng, resamples),
    p,
  };
}

/**
 * Supported when the Holm-adjusted p-value is below alpha and the difference has the expected
 * sign; contradicted when significant the other way; otherwise inconclusive.
 */
export function verdict(effect: Pick<PairedEffect, 'difference'>, adjustedP: number, expected: Direction, alpha = 0.05): Verdict {
  if (!(adjustedP < alpha)) return 'inconclusive';
  const sign = effect.difference.estimate > 0 ? 'increase' : effect.difference.estimate < 0 ? 'decrease' : undefined;
  if (sign === undefined) return 'inconclusive';
  return sign === expected ? 'supported' : 'contradicted';
}

export { holm };
