import seedrandom from 'seedrandom';
import { sobolPoints } from './sobol.js';

/** How a swept parameter's values are given in a sweep file. */
export type Levels =
  | { readonly kind: 'list'; readonly values: readonly number[] }
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly integer: boolean };

export const DESIGNS = ['factorial', 'latin-hypercube', 'sobol'] as const;
export type Design = (typeof DESIGNS)[number];

/** Maps u in [0,1) to a parameter value: a level of a list, or a point of a range. */
function scale(levels: Levels, u: number): number {
  if (levels.kind === 'list') return levels.values[Math.min(levels.values.length - 1, Math.floor(u * levels.values.length))];
  // Whole numbers: each of min..max gets an equal share of [0,1), so strata stay strata.
  if (levels.integer) return Math.min(levels.max, levels.min + Math.floor(u * (levels.max - levels.min + 1)));
  return Number((levels.min + u * (levels.max - levels.min)).toPrecision(12));
}

/** Every combination of the listed values, the first parameter varying slowest. */
export function factorial(levels: readonly Levels[]): number[][] {
  let rows: number[][] = [[]];
  for (const l of levels) {
    if (l.kind !== 'list') throw new Error('a factorial design needs a list of values for every parameter');
    rows = rows.flatMap((row) => l.values.map((v) => [...row, v]));
  }
  return rows;
}

/**
 * A Latin hypercube of n points: each parameter's range is cut into n equal strata and each
 * stratum is used once, strata paired at random (seeded, so the same file gives the same design).
 */
export function latinHypercube(levels: readonly Levels[], n: number, seed: number): number[][] {
  const rng = seedrandom.alea(`lesim-design:latin-hypercube:${seed}`);
  const columns = levels.map((l) => {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    return strata.map((s) => scale(l, (s + rng()) / n));
  });
  return Array.from({ length: n }, (_, i) => columns.map((c) => c[i]));
}

/**
 * The first n points of a Sobol sequence, skipping the origin (whose corner point says little),
 * mapped onto the parameters' ranges.
 */
export function sobol(levels: readonly Levels[], n: number): number[][] {
  return sobolPoints(n + 1, levels.length).slice(1).map((u) => u.map((ui, j) => scale(levels[j], ui)));
}
