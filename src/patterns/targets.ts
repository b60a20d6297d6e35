import type { Summary } from '../analysis/stats.js';

/** The normal 97.5% quantile. */
const Z = 1.959963984540054;

/**
 * Wilson score 95% interval of a binomial proportion k of n: the tolerance of a target the
 * sources give as a count of a sample (it keeps inside 0-1 and behaves near the edges, unlike the
 * normal approximation; Brown, Cai & DasGupta 2001 recommend it for small n).
 */
export function wilsonInterval(k: number, n: number): { low: number; high: number } {
  if (!(n > 0) || k < 0 || k > n) throw new Error(`wilsonInterval needs 0 <= k <= n and n > 0, got ${k} of ${n}`);
  const p = k / n;
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * What a pattern's metric must show. A number from a source is a proportion with its binomial
 * interval (`proportion`); where the sources give only a direction, the target is a declared
 * minimum size that the model's whole 95% interval must clear (`above`, `below`), or a band
 * (`between`).
 */
export type Target =
  | { readonly kind: 'proportion'; readonly successes: number; readonly trials: number; readonly of: string }
  | { readonly kind: 'above'; readonly value: number; readonly why: string }
  | { readonly kind: 'below'; readonly value: number; readonly why: string }
  | { readonly kind: 'between'; readonly low: number; readonly high: number; readonly why: string };

/** The target as an interval [low, high] of acceptable values (infinite ends where open). */
export function targetRange(t: Target): { low: number; high: number } {
  switch (t.kind) {
    case 'proportion':
      return wilsonInterval(t.successes, t.trials);
    case 'above':
      return { low: t.value, high: Infinity };
    case 'below':
      return { low: -Infinity, high: t.value };
    case 'between':
      return { low: t.low, high: t.high };
  }
}

/**
 * Whether a measured summary meets its target. A source's proportion: the model's mean must lie
 * inside the source's 95% interval (the model is consistent with what was observed). A declared
 * direction or band: the model's whole 95% interval must lie beyond the minimum (or in the band),
 * so a pattern is not passed by noise.
 */
export function meets(t: Target, s: Summary): boolean {
  if (!Number.isFinite(s.mean)) return false;
  const r = targetRange(t);
  if (t.kind === 'proportion') return s.mean >= r.low && s.mean <= r.high;
  if (!Number.isFinite(s.ciLow) || !Number.isFinite(s.ciHigh)) return false;
  return s.ciLow > r.low && s.ciHigh < r.high;
}

/** The target in words, e.g. "31/36 = 0.861 (95% 0.713 to 0.939)" or "> 0.1". */
export function describeTarget(t: Target): string {
  const f = (x: number) => String(Number(x.toPrecision(3)));
  switch (t.kind) {
    case 'proportion': {
      const r = wilsonInterval(t.successes, t.trials);
      return `${t.successes}/${t.trials} = ${f(t.successes / t.trials)} (95% ${f(r.low)} to ${f(r.high)})`;
    }
    case 'above':
      return `> ${f(t.value)}`;
    case 'below':
      return `< ${f(t.value)}`;
    case 'between':
      return `${f(t.low)} to ${f(t.high)}`;
  }
}

/** The direction in which the metric is "more" of the pattern (+1 higher, -1 lower), for knock-outs. */
export function targetDirection(t: Target): 1 | -1 {
  return t.kind === 'below' ? -1 : 1;
}
