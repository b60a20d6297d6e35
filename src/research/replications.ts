import { t975 } from '../analysis/stats.js';
import { mean, sd } from './stats.js';

export interface RepsRow {
  readonly n: number;
  readonly mean: number;
  readonly sd: number;
  /** Full width of the 95% t interval of the mean. */
  readonly width: number;
  /** Coefficient of variation of the replications so far (sd / |mean|). */
  readonly cv: number;
}

/** How the mean, interval width and CV settle as the first 2, 3, ..., n replications are used. */
export function repsCurve(values: readonly number[]): RepsRow[] {
  const rows: RepsRow[] = [];
  for (let n = 2; n <= values.length; n++) {
    const head = values.slice(0, n).filter(Number.isFinite);
    if (head.length < 2) continue;
    const m = mean(head);
    const s = sd(head);
    rows.push({ n: head.length, mean: m, sd: s, width: 2 * t975(head.length - 1) * (s / Math.sqrt(head.length)), cv: m !== 0 ? s / Math.abs(m) : NaN });
  }
  return rows;
}

/**
 * The smallest n whose 95% t interval of the mean would be at most `width` wide, for a standard
 * deviation s (the replications' own, as a planning estimate).
 */
export function recommendReps(s: number, width: number, cap = 100_000): number {
  if (!(s > 0)) return 2;
  for (let n = 2; n <= cap; n++) if (2 * t975(n - 1) * (s / Math.sqrt(n)) <= width) return n;
  return cap;
}

/**
 * Sequential replication rule: given the paired differences so far, how many replications in
 * all to aim for next (0 when the interval is already narrow enough, or the cap is reached).
 * Grows at most by doubling, so one noisy early estimate cannot ask for the whole cap at once.
 */
export function nextReplications(differences: readonly number[], width: number, cap: number): number {
  const n = differences.length;
  if (n >= cap) return 0;
  if (n < 3) return Math.min(cap, 3);
  const s = sd(differences);
  const current = 2 * t975(n - 1) * (s / Math.sqrt(n));
  if (current <= width) return 0;
  return Math.min(cap, 2 * n, Math.max(n + 1, recommendReps(s, width, cap)));
}
