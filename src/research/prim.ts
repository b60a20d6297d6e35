import { below, type Rng } from './random.js';
import { binomialUpperTail, quantile } from './stats.js';

/** A box: per dimension [low, high] (inclusive), -Infinity / Infinity where unrestricted. */
export interface Box {
  readonly low: readonly number[];
  readonly high: readonly number[];
}

export interface PrimStep {
  readonly step: number;
  readonly box: Box;
  /** Share of all cases of interest that lie in the box. */
  readonly coverage: number;
  /** Share of the points in the box that are cases of interest. */
  readonly density: number;
  /** Share of all points in the box. */
  readonly mass: number;
  readonly restricted: readonly number[];
}

export interface PrimOptions {
  /** Share of the box's points removed by one peel (EMA Workbench default 0.05). */
  readonly peelAlpha?: number;
  /** Share of the box's points added by one paste. */
  readonly pasteAlpha?: number;
  /** Peeling stops when the box would hold fewer than this share of all points. */
  readonly minMass?: number;
}

function inside(box: Box, row: readonly number[]): boolean {
  for (let j = 0; j < row.length; j++) if (row[j] < box.low[j] || row[j] > box.high[j]) return false;
  return true;
}

function measure(x: readonly (readonly number[])[], y: readonly boolean[], box: Box): { n: number; hits: number } {
  let n = 0;
  let hits = 0;
  for (let i = 0; i < x.length; i++) {
    if (!inside(box, x[i])) continue;
    n += 1;
    if (y[i]) hits += 1;
  }
  return { n, hits };
}

function restrictedDims(box: Box): number[] {
  return box.low.map((_, j) => j).filter((j) => box.low[j] > -Infinity || box.high[j] < Infinity);
}

function stepOf(x: readonly (readonly number[])[], y: readonly boolean[], box: Box, step: number, totalHits: number): PrimStep {
  const { n, hits } = measure(x, y, box);
  return { step, box, coverage: totalHits > 0 ? hits / totalHits : 0, density: n > 0 ? hits / n : 0, mass: n / x.length, restricted: restrictedDims(box) };
}

const unbounded = (d: number): Box => ({ low: new Array<number>(d).fill(-Infinity), high: new Array<number>(d).fill(Infinity) });

/**
 * Patient rule induction (Friedman and Fisher 1999, Statistics and Computing 9:123-143,
 * doi:10.1023/A:1008894516817), as the EMA Workbench uses it for scenario discovery: peel off
 * the alpha-share slice of one dimension's lowest or highest values that most raises the density
 * of cases of interest, until the box's mass would fall below minMass. Returns the
 * peeling trajectory (coverage falls, density rises), one box per step.
 */
export function primPeel(x: readonly (readonly number[])[], y: readonly boolean[], options: PrimOptions = {}): PrimStep[] {
  const alpha = options.peelAlpha ?? 0.05;
  const minMass = options.minMass ?? 0.05;
  const d = x[0]?.length ?? 0;
  const totalHits = y.filter(Boolean).length;
  let box = unbounded(d);
  const steps = [stepOf(x, y, box, 0, totalHits)];
  for (;;) {
    const rows = x.map((r, i) => i).filter((i) => inside(box, x[i]));
    let best: { box: Box; density: number; n: number } | undefined;
    for (let j = 0; j < d; j++) {
      const values = rows.map((i) => x[i][j]);
      for (const side of ['low', 'high'] as const) {
        const cut = quantile(values, side === 'low' ? alpha : 1 - alpha);
        // Remove the strict tail beyond the cut; with ties it may remove nothing or everything.
        const kept = rows.filter((i) => (side === 'low' ? x[i][j] >= cut : x[i][j] <= cut));
        const strict = rows.filter((i) => (side === 'low' ? x[i][j] > cut : x[i][j] < cut));
        const candidate = kept.length < rows.length ? kept : strict;
        if (candidate.length === rows.length || candidate.length === 0) continue;
        if (candidate.length / x.length < minMass) continue;
        const bound = side === 'low' ? Math.min(...candidate.map((i) => x[i][j])) : Math.max(...candidate.map((i) => x[i][j]));
        const low = box.low.slice();
        const high = box.high.slice();
        if (side === 'low') low[j] = bound;
        else high[j] = bound;
        const hits = candidate.filter((i) => y[i]).length;
        const density = hits / candidate.length;
        if (!best || density > best.density || (density === best.density && candidate.length > best.n)) best = { box: { low, high }, density, n: candidate.length };
      }
    }
    if (!best) break;
    box = best.box;
    steps.push(stepOf(x, y, box, steps.length, totalHits));
  }
  return steps;
}

/**
 * Pasting (Friedman and Fisher 1999): widen one limit of the box at a time by about an alpha
 * share of its points while that raises its density; unrestricts a limit that reaches the data's
 * edge.
 */
export function primPaste(x: readonly (readonly number[])[], y: readonly boolean[], start: Box, options: PrimOptions = {}): Box {
  const alpha = options.pasteAlpha ?? 0.05;
  const d = start.low.length;
  let box = start;
  let { n, hits } = measure(x, y, box);
  for (;;) {
    let best: { box: Box; density: number; n: number; hits: number } | undefined;
    const add = Math.max(1, Math.ceil(alpha * n));
    for (let j = 0; j < d; j++) {
      for (const side of ['low', 'high'] as const) {
        const limit = side === 'low' ? box.low[j] : box.high[j];
        if (!Number.isFinite(limit)) continue;
        // Points that would enter if only this limit moved, nearest first.
        const others = { low: box.low.slice(), high: box.high.slice() };
        others.low[j] = -Infinity;
        others.high[j] = Infinity;
        const outside = x
          .map((r, i) => i)
          .filter((i) => inside(others, x[i]) && (side === 'low' ? x[i][j] < limit : x[i][j] > limit))
          .sort((a, b) => (side === 'low' ? x[b][j] - x[a][j] : x[a][j] - x[b][j]));
        if (outside.length === 0) continue;
        const edge = x[outside[Math.min(add, outside.length) - 1]][j];
        const low = box.low.slice();
        const high = box.high.slice();
        const reachesEdge = add >= outside.length;
        if (side === 'low') low[j] = reachesEdge ? -Infinity : edge;
        else high[j] = reachesEdge ? Infinity : edge;
        const candidate = { low, high };
        const m = measure(x, y, candidate);
        const density = m.hits / m.n;
        if (density > hits / n && (!best || density > best.density)) best = { box: candidate, density, n: m.n, hits: m.hits };
      }
    }
    if (!best) return box;
    box = best.box;
    n = best.n;
    hits = best.hits;
  }
}

export interface BoxLimit {
  readonly dimension: number;
  readonly low: number;
  readonly high: number;
  /**
   * One-sided binomial quasi-p value of the restriction: the chance of at least the box's hits
   * among its points if they had the density of the box without this restriction (EMA Workbench).
   */
  readonly quasiP: number;
}

export function boxLimits(x: readonly (readonly number[])[], y: readonly boolean[], box: Box): BoxLimit[] {
  const { n, hits } = measure(x, y, box);
  return restrictedDims(box).map((j) => {
    const relaxed = { low: box.low.slice(), high: box.high.slice() };
    relaxed.low[j] = -Infinity;
    relaxed.high[j] = Infinity;
    const r = measure(x, y, relaxed);
    return { dimension: j, low: box.low[j], high: box.high[j], quasiP: binomialUpperTail(hits, n, r.n > 0 ? r.hits / r.n : 0) };
  });
}

/**
 * The box the analysis reports: the densest box on the trajectory whose coverage is at least
 * minCoverage (a trade-off the user can move), pasted.
 */
export function chooseBox(steps: readonly PrimStep[], minCoverage: number): PrimStep {
  const eligible = steps.filter((s) => s.coverage >= minCoverage);
  const pool = eligible.length > 0 ? eligible : steps.slice(0, 1);
  return pool.reduce((best, s) => (s.density > best.density ? s : best));
}

export interface PrimResult {
  readonly trajectory: readonly PrimStep[];
  readonly chosen: PrimStep;
  readonly pasted: PrimStep;
  readonly limits: readonly BoxLimit[];
  /** Per dimension, the share of resampled analyses whose chosen box restricts it. */
  readonly reproducibility: readonly number[];
}

/**
 * Removes, weakest first, each restriction whose quasi-p value is above maxQuasiP: a late peel
 * that fits noise (the EMA Workbench leaves this to the analyst as drop_restriction).
 */
export function dropWeakRestrictions(x: readonly (readonly number[])[], y: readonly boolean[], start: Box, maxQuasiP: number): Box {
  let box = start;
  for (;;) {
    const limits = boxLimits(x, y, box);
    const weakest = limits.reduce<BoxLimit | undefined>((w, l) => (l.quasiP > maxQuasiP && (!w || l.quasiP > w.quasiP) ? l : w), undefined);
    if (!weakest || limits.length <= 1) return box;
    const low = box.low.slice();
    const high = box.high.slice();
    low[weakest.dimension] = -Infinity;
    high[weakest.dimension] = Infinity;
    box = { low, high };
  }
}

/**
 * The whole analysis: peel, choose, paste, drop restrictions with quasi-p above maxQuasiP
 * (default 0.05), quasi-p values, and reproducibility over
 * `resamples` half-size subsamples drawn without replacement.
 */
export function prim(x: readonly (readonly number[])[], y: readonly boolean[], rng: Rng, options: PrimOptions & { minCoverage?: number; resamples?: number; maxQuasiP?: number } = {}): PrimResult {
  if (x.length < 10) throw new Error(`PRIM needs at least 10 points, got ${x.length}`);
  if (!y.some(Boolean)) throw new Error('no point is a case of interest: PRIM has nothing to find');
  const minCoverage = options.minCoverage ?? 0.5;
  const trajectory = primPeel(x, y, options);
  const chosen = chooseBox(trajectory, minCoverage);
  const pastedBox = dropWeakRestrictions(x, y, primPaste(x, y, chosen.box, options), options.maxQuasiP ?? 0.05);
  const totalHits = y.filter(Boolean).length;
  const pasted = stepOf(x, y, pastedBox, chosen.step, totalHits);
  const limits = boxLimits(x, y, pastedBox);
  const d = x[0].length;
  const counts = new Array<number>(d).fill(0);
  const resamples = options.resamples ?? 10;
  for (let r = 0; r < resamples; r++) {
    const pool = x.map((_, i) => i);
    const take: number[] = [];
    for (let s = 0; s < Math.floor(x.length / 2); s++) take.push(pool.splice(below(rng, pool.length), 1)[0]);
    const xs = take.map((i) => x[i]);
    const ys = take.map((i) => y[i]);
    if (!ys.some(Boolean)) continue;
    const box = dropWeakRestrictions(xs, ys, primPaste(xs, ys, chooseBox(primPeel(xs, ys, options), minCoverage).box, options), options.maxQuasiP ?? 0.05);
    for (const j of restrictedDims(box)) counts[j] += 1;
  }
  return { trajectory, chosen, pasted, limits, reproducibility: counts.map((c) => (resamples > 0 ? c / resamples : NaN)) };
}
