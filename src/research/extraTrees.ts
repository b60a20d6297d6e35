import { shuffled, type Rng } from './random.js';

export interface ExtraTreesOptions {
  readonly trees?: number;
  /** Features tried at each split (default: all, as Geurts et al. recommend for regression). */
  readonly featuresPerSplit?: number;
  /** A node with fewer points is a leaf. */
  readonly minSplit?: number;
  readonly maxDepth?: number;
}

function sse(y: readonly number[], rows: readonly number[]): number {
  let s = 0;
  let s2 = 0;
  for (const i of rows) {
    s += y[i];
    s2 += y[i] * y[i];
  }
  return s2 - (s * s) / Math.max(1, rows.length);
}

/**
 * Extremely randomised trees (Geurts, Ernst and Wehenkel 2006, Machine Learning 63:3-42,
 * doi:10.1007/s10994-006-6226-1) grown only for their impurity importances: each split draws one
 * uniform cut per candidate feature and keeps the one that most reduces the squared error; a
 * feature's score is its total reduction over all trees, normalised to sum to 1. This is the
 * feature scoring of the EMA Workbench (Kwakkel 2017).
 */
export function extraTreesImportance(x: readonly (readonly number[])[], y: readonly number[], rng: Rng, options: ExtraTreesOptions = {}): number[] {
  const n = x.length;
  const d = x[0]?.length ?? 0;
  if (n < 4) throw new Error(`feature scoring needs at least 4 points, got ${n}`);
  const trees = options.trees ?? 100;
  const k = Math.min(d, options.featuresPerSplit ?? d);
  const minSplit = options.minSplit ?? 5;
  const maxDepth = options.maxDepth ?? 30;
  const importance = new Array<number>(d).fill(0);
  const grow = (rows: number[], depth: number) => {
    if (rows.length < minSplit || depth >= maxDepth) return;
    const parent = sse(y, rows);
    if (!(parent > 1e-12)) return;
    let best: { gain: number; feature: number; left: number[]; right: number[] } | undefined;
    for (const j of shuffled(Array.from({ length: d }, (_, i) => i), rng).slice(0, k)) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const i of rows) {
        lo = Math.min(lo, x[i][j]);
        hi = Math.max(hi, x[i][j]);
      }
      if (!(hi > lo)) continue;
      const cut = lo + rng() * (hi - lo);
      const left: number[] = [];
      const right: number[] = [];
      for (const i of rows) (x[i][j] < cut ? left : right).push(i);
      if (left.length === 0 || right.length === 0) continue;
      const gain = parent - sse(y, left) - sse(y, right);
      if (!best || gain > best.gain) best = { gain, feature: j, left, right };
    }
    if (!best) return;
    importance[best.feature] += best.gain;
    grow(best.left, depth + 1);
    grow(best.right, depth + 1);
  };
  const all = Array.from({ length: n }, (_, i) => i);
  for (let t = 0; t < trees; t++) grow(all, 0);
  const total = importance.reduce((a, b) => a + b, 0);
  return importance.map((v) => (total > 0 ? v / total : 0));
}

