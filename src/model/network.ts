import { Origin } from './enums.js';
import type { State } from './state.js';

/** Network measures of the organization graph (ties between people count for their employers). */
export interface NetworkMeasures {
  density: number;
  meanDegree: number;
  clustering: number;
  largestComponent: number;
  /** Share of organizations with at least one active informal tie. */
  networked: number;
  /** Share of active pairwise relationships of intermediary origin. */
  intermediaryShare: number;
}

/** Current employer of each end of a tie, or -1. */
export function tieOrgs(state: State, id: number, out: [number, number]): [number, number] {
  const t = state.ties[id];
  out[0] = t.personA >= 0 ? state.people[t.personA].org : t.orgA;
  out[1] = t.personB >= 0 ? state.people[t.personB].org : t.orgB;
  return out;
}

/** Buffers reused from month to month within one run (one per run: no shared state). */
export class NetworkScratch {
  readonly adjacency: Uint8Array;
  /** Adjacency rows as bitsets of 32-bit words, for counting common neighbours by popcount. */
  readonly rows: Uint32Array;
  readonly words: number;
  readonly informal: Uint8Array;
  readonly seen: Uint8Array;
  readonly neighbours: number[][];
  constructor(readonly n: number) {
    this.adjacency = new Uint8Array(n * n);
    this.words = Math.ceil(n / 32);
    this.rows = new Uint32Array(n * this.words);
    this.informal = new Uint8Array(n);
    this.seen = new Uint8Array(n);
    this.neighbours = Array.from({ length: n }, () => []);
  }
  reset(): void {
    this.adjacency.fill(0);
    this.rows.fill(0);
    this.informal.fill(0);
    this.seen.fill(0);
    for (const list of this.neighbours) list.length = 0;
  }
}

export function networkMeasures(state: State, scratch: NetworkScratch = new NetworkScratch(state.orgs.length)): NetworkMeasures {
  const n = state.orgs.length;
  scratch.reset();
  const { adjacency, informal, neighbours, seen, rows, words } = scratch;
  let edges = 0;
  let intermediary = 0;
  let pairwise = 0;
  const ends: [number, number] = [-1, -1];
  for (const id of state.activeTies) {
    const t = state.ties[id];
    if (t.ended >= 0) continue;
    pairwise += 1;
    if (t.origin === Origin.intermediary) intermediary += 1;
    const [a, b] = tieOrgs(state, id, ends);
    if (a < 0 || b < 0 || a === b) continue;
    if (t.formality === 2) {
      informal[a] = 1;
      informal[b] = 1;
    }
    if (adjacency[a * n + b]) continue;
    adjacency[a * n + b] = 1;
    adjacency[b * n + a] = 1;
    rows[a * words + (b >>> 5)] |= 1 << (b & 31);
    rows[b * words + (a >>> 5)] |= 1 << (a & 31);
    neighbours[a].push(b);
    neighbours[b].push(a);
    edges += 1;
  }
  let clusteringSum = 0;
  for (let v = 0; v < n; v++) {
    const nb = neighbours[v];
    if (nb.length < 2) continue;
    // Each link among v's neighbours is counted twice: once from each end.
    let twiceClosed = 0;
    for (const u of nb) {
      for (let w = 0; w < words; w++) twiceClosed += popcount(rows[v * words + w] & rows[u * words + w]);
    }
    clusteringSum += twiceClosed / (nb.length * (nb.length - 1));
  }
  let largest = 0;
  const stack: number[] = [];
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    stack.push(s);
    let size = 0;
    while (stack.length > 0) {
      const v = stack.pop()!;
      size += 1;
      for (const w of neighbours[v]) if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
      }
    }
    if (size > largest) largest = size;
  }
  let networked = 0;
  for (let v = 0; v < n; v++) networked += informal[v];
  return {
    density: n > 1 ? (2 * edges) / (n * (n - 1)) : 0,
    meanDegree: n > 0 ? (2 * edges) / n : 0,
    clustering: n > 0 ? clusteringSum / n : 0,
    largestComponent: n > 0 ? largest / n : 0,
    networked: n > 0 ? networked / n : 0,
    intermediaryShare: pairwise > 0 ? intermediary / pairwise : NaN,
  };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
