import { describe, expect, it } from 'vitest';
import { ReferenceSites } from '../../../src/model/mechanisms/referenceSites.js';
import { makeRng } from '../../../src/model/rng.js';
import { smallWorld } from '../../helpers/world.js';

/** The scan that ReferenceSites replaces: first organization in id order with strictly greater capability. */
function scan(orgs: ReturnType<typeof smallWorld>['state']['orgs'], org: (typeof orgs)[number], d: number): number {
  let site = -1;
  let best = 0;
  for (const other of orgs) {
    if (other.id === org.id || other.suppliers[d] !== org.suppliers[d]) continue;
    if (other.capability[d] > best) {
      best = other.capability[d];
      site = other.id;
    }
  }
  return site;
}

describe('ReferenceSites', () => {
  it('finds the site a full scan finds, as capabilities rise, ties of equal capability included', () => {
    const { state } = smallWorld({ organizations_count: 220, groupings_count: 42 }, 'reference-sites');
    const rng = makeRng('rises');
    const domains = state.orgs[0].capability.length;
    // Equal capabilities at the top of a few (supplier, domain) lists test the tie-break by id.
    state.orgs[5].capability[0] = state.orgs[9].capability[0] = 0.99;
    state.orgs[2].capability[3] = 0;
    const sites = new ReferenceSites(state.orgs, state.suppliers.length, domains);
    for (let step = 0; step < 2000; step++) {
      const org = state.orgs[Math.floor(rng() * state.orgs.length)];
      const d = Math.floor(rng() * domains);
      expect(sites.siteFor(org, d)).toBe(scan(state.orgs, org, d));
      org.capability[d] = Math.min(1, org.capability[d] + (rng() < 0.1 ? 1 : 0.05 * rng()));
      sites.raised(org, d);
    }
  });
});
