import { below, shuffled, type Rng } from './random.js';
import { bootstrapMean, mean, sd, type Interval } from './stats.js';

/**
 * One Morris trajectory on a p-level grid of [0,1]^k: k + 1 points, each differing from the last
 * in one factor by +-delta, delta = p / (2 (p - 1)) (Morris 1991, Technometrics 33:161-174,
 * doi:10.1080/00401706.1991.10484804).
 */
export interface Trajectory {
  readonly points: readonly (readonly number[])[];
  /** Which factor changes between point s and s + 1. */
  readonly order: readonly number[];
}

export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

function trajectory(k: number, levels: number, rng: Rng): Trajectory {
  const delta = morrisDelta(levels);
  // Base values on the grid low enough that +delta stays on it; each step then moves up or down.
  const lowLevels = Math.floor(levels / 2);
  let x = Array.from({ length: k }, () => below(rng, lowLevels) / (levels - 1));
  const up = Array.from({ length: k }, () => rng() < 0.5);
  x = x.map((v, i) => (up[i] ? v : v + delta));
  const order = shuffled(Array.from({ length: k }, (_, i) => i), rng);
  const points = [x.slice()];
  for (const i of order) {
    x[i] = up[i] ? x[i] + delta : x[i] - delta;
    points.push(x.map((v) => Number(v.toFixed(12))));
  }
  return { points, order };
}

function distance(a: Trajectory, b: Trajectory): number {
  let total = 0;
  for (const p of a.points) for (const q of b.points) total += Math.sqrt(p.reduce((s, v, i) => s + (v - q[i]) ** 2, 0));
  return total;
}

/**
 * r trajectories; with `candidates` > r, the r most spread out of that many random ones (the
 * optimised trajectories of Campolongo, Cariboni and Saltelli 2007, Environmental Modelling &
 * Software 22:1509-1518, doi:10.1016/j.envsoft.2006.10.004, chosen greedily: each step drops the
 * trajectory whose removal keeps the largest sum of pairwise distances).
 */
export function morrisTrajectories(k: number, r: number, rng: Rng, options: { levels?: number; candidates?: number } = {}): Trajectory[] {
  const levels = options.levels ?? 4;
  if (!(k >= 1)) throw new Error('a Morris design needs at least one factor');
  if (!(r >= 2)) throw new Error(`a Morris design needs at least 2 trajectories, not ${r}`);
  if (!(levels >= 2) || levels % 2 !== 0) throw new Error(`Morris levels must be an even number of at least 2, not ${levels}`);
  const m = Math.max(r, options.candidates ?? r);
  const pool = Array.from({ length: m }, () => trajectory(k, levels, rng));
  if (m === r) return pool;
  const d = pool.map((a) => pool.map((b) => (a === b ? 0 : distance(a, b))));
  const keep = new Set(pool.map((_, i) => i));
  const contribution = (i: number) => [...keep].reduce((s, j) => s + d[i][j], 0);
  while (keep.size > r) {
    let worst = -1;
    let worstValue = Infinity;
    for (const i of keep) {
      const c = contribution(i);
      if (c < worstValue) {
        worstValue = c;
        worst = i;
      }
    }
    keep.delete(worst);
  }
  return [...keep].sort((a, b) => a - b).map((i) => pool[i]);
}

/** The design's rows, trajectory after trajectory (r (k + 1) model runs). */
export function morrisRows(trajectories: readonly Trajectory[]): number[][] {
  return trajectories.flatMap((t) => t.points.map((p) => p.slice()));
}

export interface MorrisEffect {
  readonly factor: number;
  readonly mu: number;
  /** Mean absolute elementary effect (Campolongo et al. 2007), with a bootstrap interval. */
  readonly muStar: Interval;
  readonly sigma: number;
  readonly effects: readonly number[];
}

/**
 * Elementary effects from the outputs y of the design rows (same order), in units of the output
 * per unit of the factor's [0,1] scale.
 */
export function morrisEffects(trajectories: readonly Trajectory[], y: readonly number[], rng: Rng, resamples = 1000): MorrisEffect[] {
  const k = trajectories[0].order.length;
  if (y.length !== trajectories.length * (k + 1)) throw new Error(`${y.length} outputs for ${trajectories.length} trajectories of ${k + 1} points`);
  const effects: number[][] = Array.from({ length: k }, () => []);
  trajectories.forEach((t, r) => {
    t.order.forEach((i, s) => {
      const step = t.points[s + 1][i] - t.points[s][i];
      const e = (y[r * (k + 1) + s + 1] - y[r * (k + 1) + s]) / step;
      effects[i].push(e);
    });
  });
  return effects.map((e, factor) => {
    const finite = e.filter(Number.isFinite);
    return { factor, mu: mean(finite), muStar: bootstrapMean(finite.map(Math.abs), rng, resamples), sigma: sd(finite), effects: e };
  });
}

/** Sobol's G function on [0,1]^k: factor i matters less as a_i grows (a = 0 most, 99 hardly). */
export function sobolG(x: readonly number[], a: readonly number[]): number {
  return x.reduce((p, xi, i) => p * ((Math.abs(4 * xi - 2) + a[i]) / (1 + a[i])), 1);
}
