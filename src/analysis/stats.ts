import { probit } from 'simple-statistics';

/**
 * Two-sided 95% quantile of Student's t with `df` degrees of freedom: exact for 1 and 2,
 * Cornish-Fisher expansion around the normal quantile above (error below 0.01 for df >= 3).
 */
export function t975(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df === 1) return 12.706204736;
  if (df === 2) return 4.30265273;
  const z = probit(0.975);
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3) +
    (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * df ** 4)
  );
}

/** Mean, standard deviation and 95% confidence interval of the mean. */
export interface Summary {
  readonly mean: number;
  readonly sd: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly n: number;
}

export function summarise(n: number, mean: number, m2: number): Summary {
  if (n === 0) return { mean: NaN, sd: NaN, ciLow: NaN, ciHigh: NaN, n };
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN;
  const half = n > 1 ? t975(n - 1) * (sd / Math.sqrt(n)) : NaN;
  return { mean, sd, ciLow: mean - half, ciHigh: mean + half, n };
}

/** Summary of a list of values, ignoring NaN (a replication where the quantity is undefined). */
export function summariseValues(values: readonly number[]): Summary {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const x of values) {
    if (Number.isNaN(x)) continue;
    n += 1;
    const delta = x - mean;
    mean += delta / n;
    m2 += delta * (x - mean);
  }
  return summarise(n, mean, m2);
}

/**
 * Welford accumulators for many cells at once: memory is fixed by the number of cells, not by
 * the number of replications added. NaN values are skipped cell by cell.
 */
export class OnlineSummary {
  readonly count: Float64Array;
  readonly mean: Float64Array;
  readonly m2: Float64Array;

  constructor(readonly size: number) {
    this.count = new Float64Array(size);
    this.mean = new Float64Array(size);
    this.m2 = new Float64Array(size);
  }

  add(values: ArrayLike<number>): void {
    for (let i = 0; i < this.size; i++) {
      const x = values[i];
      if (Number.isNaN(x)) continue;
      const n = ++this.count[i];
      const delta = x - this.mean[i];
      this.mean[i] += delta / n;
      this.m2[i] += delta * (x - this.mean[i]);
    }
  }

  get(i: number): Summary {
    return summarise(this.count[i], this.mean[i], this.m2[i]);
  }
}
