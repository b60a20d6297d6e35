import { describe, expect, it } from 'vitest';
import { networkMeasures } from '../../src/model/network.js';
import { runReplication } from '../../src/model/run.js';
import { resolveParams } from '../../src/model/validate.js';
import type { State } from '../../src/model/state.js';

/** Direct, slow computation of the same measures, to check the fast one. */
function naive(state: State) {
  const n = state.orgs.length;
  const adj = Array.from({ length: n }, () => new Set<number>());
  for (const id of state.activeTies) {
    const t = state.ties[id];
    if (t.ended >= 0) continue;
    const a = t.personA >= 0 ? state.people[t.personA].org : t.orgA;
    const b = t.personB >= 0 ? state.people[t.personB].org : t.orgB;
    if (a < 0 || b < 0 || a === b) continue;
    adj[a].add(b);
    adj[b].add(a);
  }
  let edges = 0;
  let clustering = 0;
  for (let v = 0; v < n; v++) {
    edges += adj[v].size;
    const nb = [...adj[v]];
    if (nb.length < 2) continue;
    let closed = 0;
    for (let i = 0; i < nb.length; i++) for (let j = i + 1; j < nb.length; j++) if (adj[nb[i]].has(nb[j])) closed++;
    clustering += (2 * closed) / (nb.length * (nb.length - 1));
  }
  const seen = new Set<number>();
  let largest = 0;
  for (let s = 0; s < n; s++) {
    if (seen.has(s)) continue;
    const queue = [s];
    seen.add(s);
    let size = 0;
    while (queue.length) {
      const v = queue.pop()!;
      size++;
      for (const w of adj[v]) if (!seen.has(w)) (seen.add(w), queue.push(w));
    }
    largest = Math.max(largest, size);
  }
  return { density: edges / (n * (n - 1)), clustering: clustering / n, largestComponent: largest / n, meanDegree: edges / n };
}

describe('networkMeasures', () => {
  it('matches a direct computation on a simulated network', () => {
    const run = runReplication(resolveParams({ spinUp_months: 0, horizon_months: 30, organizations_count: 80, groupings_count: 14 }, 'test'), 3, 0);
    const fast = networkMeasures(run.finalState);
    const slow = naive(run.finalState);
    expect(fast.density).toBeCloseTo(slow.density, 12);
    expect(fast.meanDegree).toBeCloseTo(slow.meanDegree, 12);
    expect(fast.clustering).toBeCloseTo(slow.clustering, 12);
    expect(fast.largestComponent).toBeCloseTo(slow.largestComponent, 12);
    expect(slow.clustering).toBeGreaterThan(0);
  });
});
