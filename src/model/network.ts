import { Origin } from './enums.js';
import { settleAsDoubles } from './shapes.js';
import type { State } from './state.js';
import { TIE_ENDED, TIE_FORMALITY, TIE_ORG_A, TIE_ORG_B, TIE_ORIGIN, TIE_PERSON_A, TIE_PERSON_B, TIE_STRIDE } from './tieTable.js';

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

/**
 * Buffers reused from month to month within one run (one per run: no shared state). Links are
 * found once each through adjacency rows of 32-bit words (a bitset per organization: n * n / 8
 * bytes, 600 KB at 2,200 organizations; only the bits set are cleared after use) and kept as
 * neighbour lists in one flat array, so a month costs time in proportion to the ties and the
 * organizations, not to their square.
 */
export class NetworkScratch {
  /** Adjacency rows as bitsets of 32-bit words (all zero between calls). */
  readonly rows: Uint32Array;
  /** 1 for the neighbours of the organization whose triangles are being counted. */
  readonly mark: Uint8Array;
  readonly words: number;
  readonly informal: Uint8Array;
  readonly seen: Uint8Array;
  /** Neighbours of v: neighbour[start[v] .. start[v] + degree[v]) after the links are known. */
  readonly degree: Int32Array;
  readonly start: Int32Array;
  neighbour: Int32Array;
  /** Link ends of the month, in order: a of link k is linkA[k], b is linkB[k]. */
  linkA: Int32Array;
  linkB: Int32Array;
  readonly stack: Int32Array;
  readonly measures: NetworkMeasures = { density: 0, meanDegree: 0, clustering: 0, largestComponent: 0, networked: 0, intermediaryShare: NaN };
  constructor(readonly n: number) {
    // The measures are fractions (shapes.ts).
    settleAsDoubles(this.measures, ['density', 'meanDegree', 'clustering', 'largestComponent', 'networked']);
    this.words = Math.ceil(n / 32);
    this.rows = new Uint32Array(n * this.words);
    this.informal = new Uint8Array(n);
    this.seen = new Uint8Array(n);
    this.mark = new Uint8Array(n);
    this.degree = new Int32Array(n);
    this.start = new Int32Array(n + 1);
    this.neighbour = new Int32Array(1024);
    this.linkA = new Int32Array(512);
    this.linkB = new Int32Array(512);
    this.stack = new Int32Array(Math.max(n, 1));
  }
  /** Room for `links` links (grown by doubling). */
  reserve(links: number): void {
    if (links <= this.linkA.length) return;
    let size = this.linkA.length;
    while (size < links) size *= 2;
    const a = new Int32Array(size);
    a.set(this.linkA);
    const b = new Int32Array(size);
    b.set(this.linkB);
    this.linkA = a;
    this.linkB = b;
    this.neighbour = new Int32Array(2 * size);
  }
}

/**
 * The measures of the organization graph of the active ties. Neighbour lists are in the order
 * links are first seen (as the tie list gives them), which the clustering sum keeps.
 */
export function networkMeasures(state: State, scratch: NetworkScratch = new NetworkScratch(state.orgs.length)): NetworkMeasures {
  const n = state.orgs.length;
  const { rows, words, informal, seen, degree, start, stack, mark } = scratch;
  informal.fill(0);
  seen.fill(0);
  degree.fill(0);
  let edges = 0;
  let intermediary = 0;
  let pairwise = 0;
  const employer = state.employer;
  const active = state.activeTies;
  scratch.reserve(active.length);
  const { linkA, linkB } = scratch;
  const table = state.tieTable.data;
  for (let i = 0; i < active.length; i++) {
    const o = active[i] * TIE_STRIDE;
    if (table[o + TIE_ENDED] >= 0) continue;
    pairwise += 1;
    if (table[o + TIE_ORIGIN] === Origin.intermediary) intermediary += 1;
    const pa = table[o + TIE_PERSON_A];
    const pb = table[o + TIE_PERSON_B];
    const a = pa >= 0 ? employer[pa] : table[o + TIE_ORG_A];
    const b = pb >= 0 ? employer[pb] : table[o + TIE_ORG_B];
    if (a < 0 || b < 0 || a === b) continue;
    if (table[o + TIE_FORMALITY] === 2) {
      informal[a] = 1;
      informal[b] = 1;
    }
    const bit = 1 << (b & 31);
    if (rows[a * words + (b >>> 5)] & bit) continue;
    rows[a * words + (b >>> 5)] |= bit;
    rows[b * words + (a >>> 5)] |= 1 << (a & 31);
    linkA[edges] = a;
    linkB[edges] = b;
    degree[a] += 1;
    degree[b] += 1;
    edges += 1;
  }
  // Flat neighbour lists, each in the order its links were found.
  start[0] = 0;
  for (let v = 0; v < n; v++) start[v + 1] = start[v] + degree[v];
  const neighbour = scratch.neighbour;
  degree.fill(0);
  for (let k = 0; k < edges; k++) {
    const a = linkA[k];
    const b = linkB[k];
    neighbour[start[a] + degree[a]++] = b;
    neighbour[start[b] + degree[b]++] = a;
  }
  let clusteringSum = 0;
  for (let v = 0; v < n; v++) {
    const d = degree[v];
    if (d < 2) continue;
    // Each link among v's neighbours is counted twice: once from each end. The neighbours v and a
    // neighbour u share are counted from u's list against a mark of v's when u's list is shorter
    // than a bitset row, else by the popcount of the two rows: the same whole number either way.
    let twiceClosed = 0;
    const end = start[v] + d;
    const rowV = v * words;
    for (let j = start[v]; j < end; j++) mark[neighbour[j]] = 1;
    for (let j = start[v]; j < end; j++) {
      const u = neighbour[j];
      if (degree[u] > words) {
        const rowU = u * words;
        for (let w = 0; w < words; w++) twiceClosed += popcount32(rows[rowV + w] & rows[rowU + w]);
      } else {
        for (let i = start[u]; i < start[u] + degree[u]; i++) twiceClosed += mark[neighbour[i]];
      }
    }
    for (let j = start[v]; j < end; j++) mark[neighbour[j]] = 0;
    clusteringSum += twiceClosed / (d * (d - 1));
  }
  for (let k = 0; k < edges; k++) {
    rows[linkA[k] * words + (linkB[k] >>> 5)] = 0;
    rows[linkB[k] * words + (linkA[k] >>> 5)] = 0;
  }
  let largest = 0;
  for (let s = 0; s < n; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    let top = 0;
    stack[top++] = s;
    let size = 0;
    while (top > 0) {
      const v = stack[--top];
      size += 1;
      for (let j = start[v]; j < start[v] + degree[v]; j++) {
        const w = neighbour[j];
        if (!seen[w]) {
          seen[w] = 1;
          stack[top++] = w;
        }
      }
    }
    if (size > largest) largest = size;
  }
  let networked = 0;
  for (let v = 0; v < n; v++) networked += informal[v];
  const m = scratch.measures;
  m.density = n > 1 ? (2 * edges) / (n * (n - 1)) : 0;
  m.meanDegree = n > 0 ? (2 * edges) / n : 0;
  m.clustering = n > 0 ? clusteringSum / n : 0;
  m.largestComponent = n > 0 ? largest / n : 0;
  m.networked = n > 0 ? networked / n : 0;
  m.intermediaryShare = pairwise > 0 ? intermediary / pairwise : NaN;
  return m;
}

/** Set bits of a 32-bit word. */
function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
