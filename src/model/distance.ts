/** A point on the model's plane, km. */
export interface Place {
  readonly x_km: number;
  readonly y_km: number;
}

/**
 * Straight-line distance between two organizations, km, computed from their coordinates when it
 * is needed. A stored n x n matrix grew with the square of the population (19 MB at 2,200
 * organizations) and its look-ups missed the cache; the coordinates sit on the organization
 * objects the callers load anyway. Rounded to single precision because the distances used to be
 * stored in a Float32Array, and the model's outputs are pinned to those values.
 */
export function distance_km(a: Place, b: Place): number {
  return Math.fround(hypot(a.x_km - b.x_km, a.y_km - b.y_km));
}

/**
 * sqrt(x^2 + y^2) for finite x and y, by the steps of V8's Math.hypot (scale by the larger
 * magnitude, then sum the squares), so it returns the same double: equal on 2 x 10^7 random
 * pairs over eleven orders of magnitude (test/model/distance.test.ts samples it). Math.hypot
 * itself is a call into the runtime that allocates its result, about 2.5x slower here; a plain
 * sqrt(x*x + y*y) differs in the last bit often enough (2 in 4 x 10^6 pairs, after rounding to
 * single precision) to change outputs.
 */
export function hypot(x: number, y: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const max = ax >= ay ? ax : ay;
  if (max === 0) return 0;
  const nx = ax / max;
  const ny = ay / max;
  return Math.sqrt(nx * nx + ny * ny) * max;
}
