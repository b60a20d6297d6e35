import { summarise, type Summary } from './stats.js';

/**
 * Fixed-point scale of the sums: values are rounded to multiples of 2^-40 (about 9e-13). That is
 * below the 8 significant digits written to the output files for every value from about 1e-4 up
 * (the series are counts, shares, indices and GBP); a value of 1e-6 keeps about 6 digits.
 */
const SCALE = 2 ** 40;


/**
 * Per-cell count, sum and sum of squares across replications, kept exactly in fixed point
 * (BigInt). Floating-point sums depend on the order values arrive in; these do not, so the
 * result is the same bit for bit whatever the number of workers, the order runs finish in, a
 * resume from a checkpoint, or a merge of cluster shards. Memory is fixed by the number of
 * cells, not the number of replications. NaN (undefined in a replication) is skipped per cell.
 */
export class ExactSeries {
  readonly count: Float64Array;
  private readonly sum: bigint[];
  private readonly sumSq: bigint[];

  constructor(readonly size: number) {
    this.count = new Float64Array(size);
    this.sum = new Array<bigint>(size).fill(0n);
    this.sumSq = new Array<bigint>(size).fill(0n);
  }

  /** Whether a row can be added: the right length, every value finite or NaN. */
  check(values: ArrayLike<number>): string | undefined {
    if (values.length !== this.size) return `${values.length} values for ${this.size} cells`;
    for (let i = 0; i < this.size; i++) {
      const x = values[i];
      if (!Number.isNaN(x) && !Number.isFinite(x * SCALE)) return `cell ${i} is ${x}; series values must be finite (below 1e296) or NaN`;
    }
    return undefined;
  }

  /** Adds one replication's row; a bad row is refused whole, leaving the sums as they were. */
  add(values: ArrayLike<number>): void {
    const problem = this.check(values);
    if (problem) throw new Error(`ExactSeries.add: ${problem}`);
    for (let i = 0; i < this.size; i++) {
      const x = values[i];
      if (Number.isNaN(x)) continue;
      this.count[i] += 1;
      // Most cells are zero in most months: skip the BigInt work for them.
      if (x === 0) continue;
      const q = BigInt(Math.round(x * SCALE));
      this.sum[i] += q;
      this.sumSq[i] += q * q;
    }
  }

  /** Adds another accumulator's replications (a shard, or a resumed part) into this one. */
  merge(other: ExactSeries): void {
    if (other.size !== this.size) throw new Error(`ExactSeries.merge: ${other.size} cells into ${this.size}`);
    for (let i = 0; i < this.size; i++) {
      this.count[i] += other.count[i];
      this.sum[i] += other.sum[i];
      this.sumSq[i] += other.sumSq[i];
    }
  }

  get(i: number): Summary {
    const n = this.count[i];
    if (n === 0) return summarise(0, NaN, NaN);
    const bn = BigInt(n);
    const mean = Number(this.sum[i]) / SCALE / n;
    // n·Σq² − (Σq)² is exact, so no cancellation; it is n(n−1)·var·SCALE².
    const m2 = n > 1 ? Number(bn * this.sumSq[i] - this.sum[i] * this.sum[i]) / SCALE / SCALE / n : 0;
    return summarise(n, mean, m2);
  }

  /** A JSON-ready copy (BigInts as base-36 strings, zeros as empty strings to keep it small). */
  toJSON(): { size: number; count: number[]; sum: string[]; sumSq: string[] } {
    const text = (b: bigint) => (b === 0n ? '' : b.toString(36));
    return { size: this.size, count: Array.from(this.count), sum: this.sum.map(text), sumSq: this.sumSq.map(text) };
  }

  static fromJSON(data: { size: number; count: number[]; sum: string[]; sumSq: string[] }): ExactSeries {
    const s = new ExactSeries(data.size);
    const big = (t: string) => (t === '' ? 0n : parseBase36(t));
    for (let i = 0; i < data.size; i++) {
      s.count[i] = data.count[i];
      s.sum[i] = big(data.sum[i]);
      s.sumSq[i] = big(data.sumSq[i]);
    }
    return s;
  }
}


function parseBase36(text: string): bigint {
  const negative = text.startsWith('-');
  let value = 0n;
  for (const c of negative ? text.slice(1) : text) value = value * 36n + BigInt(parseInt(c, 36));
  return negative ? -value : value;
}
