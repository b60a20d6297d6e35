import seedrandom from 'seedrandom';
import type { Rng } from '../model/rng.js';

export type { Rng } from '../model/rng.js';

/** A seeded generator for a research method; the label keeps methods' streams apart. */
export function researchRng(seed: number | string, label: string): Rng {
  return seedrandom.alea(`lesim-research:${label}:${seed}`);
}

/** A standard normal draw (Box-Muller; one of the pair is discarded to keep the stream stateless). */
export function normal(rng: Rng): number {
  let u = rng();
  while (u <= 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** A whole number from 0 to n - 1. */
export function below(rng: Rng, n: number): number {
  return Math.min(n - 1, Math.floor(rng() * n));
}

/** Fisher-Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = below(rng, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
