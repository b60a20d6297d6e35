/** Two-sided 95% quantiles of Student's t for 1 to 30 degrees of freedom (standard tables). */
const T975_TABLE = [
  12.7062047, 4.30265273, 3.18244631, 2.77644511, 2.57058184, 2.44691185, 2.36462425, 2.30600414, 2.26215716, 2.22813885,
  2.20098516, 2.17881283, 2.16036866, 2.14478669, 2.13144955, 2.11990530, 2.10981558, 2.10092204, 2.09302405, 2.08596345,
  2.07961384, 2.07387307, 2.06865761, 2.06389856, 2.05953855, 2.05552944, 2.05183052, 2.04840714, 2.04522964, 2.04227246,
];
/** The normal 97.5% quantile. */
const Z975 = 1.959963984540054;

/**
 * Two-sided 95% quantile of Student's t with `df` degrees of freedom: tabled up to 30, then the
 * Cornish-Fisher expansion around the normal quantile (error below 1e-5 from df 30).
 */
export function t975(df: number): number {
  if (!(df >= 1)) return NaN;
  if (Number.isInteger(df) && df <= 30) return T975_TABLE[df - 1];
  const z = Z975;
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
