/**
 * Sobol low-discrepancy points in [0,1)^d (Bratley & Fox's algorithm with Gray-code order), with
 * the primitive polynomials and initial direction numbers of Joe & Kuo's new-joe-kuo-6.21201
 * table for dimensions 2 to 21 (dimension 1 is the van der Corput sequence).
 */
const JOE_KUO: readonly (readonly [s: number, a: number, m: readonly number[]])[] = [
  [1, 0, [1]],
  [2, 1, [1, 3]],
  [3, 1, [1, 3, 1]],
  [3, 2, [1, 1, 1]],
  [4, 1, [1, 1, 3, 3]],
  [4, 4, [1, 3, 5, 13]],
  [5, 2, [1, 1, 5, 5, 17]],
  [5, 4, [1, 1, 5, 5, 5]],
  [5, 7, [1, 1, 7, 11, 19]],
  [5, 11, [1, 1, 5, 1, 1]],
  [5, 13, [1, 1, 1, 3, 11]],
  [5, 14, [1, 3, 5, 5, 31]],
  [6, 1, [1, 3, 3, 9, 7, 49]],
  [6, 13, [1, 1, 1, 15, 21, 21]],
  [6, 16, [1, 3, 1, 13, 27, 49]],
  [6, 19, [1, 1, 1, 15, 7, 5]],
  [6, 22, [1, 3, 1, 15, 13, 25]],
  [6, 25, [1, 1, 5, 5, 19, 61]],
  [7, 1, [1, 3, 7, 11, 23, 15, 103]],
  [7, 4, [1, 3, 7, 13, 13, 15, 69]],
];

export const SOBOL_MAX_DIMENSIONS = JOE_KUO.length + 1;
const BITS = 30;

function directions(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dimension === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = 1 << (BITS - i);
    return v;
  }
  const [s, a, m] = JOE_KUO[dimension - 1];
  for (let i = 1; i <= Math.min(s, BITS); i++) v[i] = (m[i - 1] << (BITS - i)) >>> 0;
  for (let i = s + 1; i <= BITS; i++) {
    let value = v[i - s] ^ (v[i - s] >>> s);
    for (let k = 1; k < s; k++) value ^= ((a >>> (s - 1 - k)) & 1) * v[i - k];
    v[i] = value >>> 0;
  }
  return v;
}

/** The first `n` points of the d-dimensional Sobol sequence, starting with the origin. */
export function sobolPoints(n: number, d: number): number[][] {
  if (d < 1 || d > SOBOL_MAX_DIMENSIONS) throw new Error(`Sobol points are available for 1 to ${SOBOL_MAX_DIMENSIONS} dimensions, not ${d}`);
  if (n > 2 ** BITS) throw new Error(`at most 2^${BITS} Sobol points`);
  const v = Array.from({ length: d }, (_, j) => directions(j));
  const x = new Uint32Array(d);
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) {
      // Index of the lowest zero bit of i - 1 (Gray-code update).
      let c = 1;
      let value = i - 1;
      while (value & 1) {
        value >>>= 1;
        c++;
      }
      for (let j = 0; j < d; j++) x[j] = (x[j] ^ v[j][c]) >>> 0;
    }
    out.push(Array.from(x, (xi) => xi / 2 ** BITS));
  }
  return out;
}
