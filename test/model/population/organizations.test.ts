import { describe, expect, it } from 'vitest';
import { computeCapability } from '../../../src/agents/organization.js';
import { CARE_SETTINGS, N_DOMAINS, Stage, Status } from '../../../src/model/enums.js';
import { createOrganizations, settingCounts } from '../../../src/model/population/organizations.js';
import { createGeography } from '../../../src/model/population/geography.js';
import { makeRng } from '../../../src/model/rng.js';
import { resolveParams } from '../../../src/model/validate.js';
import { world } from '../mechanisms/fixtures.js';

describe('settingCounts', () => {
  it('follows the shares by largest remainder and sums to organizations_count', () => {
    expect(settingCounts(resolveParams({}, 'x'))).toEqual([126, 50, 17, 17, 10]);
    expect(settingCounts(world().params)).toEqual([34, 14, 4, 5, 3]);
    for (const n of [20, 57, 133, 999, 2000]) {
      const p = resolveParams({ organizations_count: n, exemplarsAcute_count: 0, followersAcute_count: 0, exemplarsMentalHealth_count: 0, followersMentalHealth_count: 0, exemplarsAmbulance_count: 0 }, 'x');
      const counts = settingCounts(p);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
      const shares = [p.acuteShare_share, p.mentalHealthShare_share, p.specialistShare_share, p.communityShare_share, p.ambulanceShare_share];
      counts.forEach((c, i) => expect(Math.abs(c - shares[i] * n)).toBeLessThan(1));
    }
  });

  it('gives a zero share no organizations', () => {
    const p = resolveParams({ acuteShare_share: 0.618, ambulanceShare_share: 0, exemplarsAmbulance_count: 0 }, 'x');
    expect(settingCounts(p)[4]).toBe(0);
  });
});

describe('createOrganizations', () => {
  it('creates organizations_count organizations with the setting counts', () => {
    const { state, params } = world();
    expect(state.orgs).toHaveLength(params.organizations_count);
    const counts = CARE_SETTINGS.map((_, s) => state.orgs.filter((o) => o.setting === s).length);
    expect(counts).toEqual(settingCounts(params));
    state.orgs.forEach((o, i) => expect(o.id).toBe(i));
  });

  it('each organization belongs to a grouping of its region, and every grouping gets organizations', () => {
    const { state, params } = world();
    for (const org of state.orgs) {
      expect(org.grouping).toBeGreaterThanOrEqual(0);
      expect(org.grouping).toBeLessThan(params.groupings_count);
      expect(org.region).toBe(state.groupings[org.grouping].region);
    }
    const used = new Set(state.orgs.map((o) => o.grouping));
    expect(used.size).toBe(params.groupings_count);
  });

  it('starts outside the programme, unfunded, with a directory per domain and knowledge in [0, 1]', () => {
    const { state, params } = world();
    for (const org of state.orgs) {
      expect(org.status).toBe(Status.outside);
      expect(org.fundedUntil).toBe(-1);
      expect(org.directory).toHaveLength(N_DOMAINS);
      expect(org.absorptive).toBe(params.absorptiveBase_index);
      for (let d = 0; d < N_DOMAINS; d++) {
        for (const x of [org.codified[d], org.tacit[d], org.capability[d]]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('stage follows initial capability: optimization from 0.45, adoption from 0.2, at most procurement below', () => {
    const { state, params } = world();
    for (const org of state.orgs) {
      for (let d = 0; d < N_DOMAINS; d++) {
        const k = computeCapability(org.codified[d], org.tacit[d], params.codifiedWeight_exponent);
        expect(org.capability[d]).toBeCloseTo(k, 12);
        if (k >= 0.45) expect(org.stage[d]).toBe(Stage.optimization);
        else if (k >= 0.2) {
          expect(org.stage[d]).toBe(Stage.adoption);
          expect(org.progress[d]).toBeCloseTo((k - 0.2) / 0.25, 12);
        } else expect([Stage.none, Stage.procurement]).toContain(org.stage[d]);
      }
    }
  });

  it('higher initialMaturityMean_index gives more capable organizations', () => {
    const p = (mean: number) => resolveParams({ organizations_count: 60, groupings_count: 12, followersMentalHealth_count: 7, initialMaturityMean_index: mean }, 'x');
    const meanCap = (mean: number) => {
      const rng = makeRng('same');
      const groupings = createGeography(rng, 7, 12, 450);
      const orgs = createOrganizations(rng, p(mean), groupings);
      return orgs.reduce((s, o) => s + o.capability.reduce((a, b) => a + b, 0), 0) / (orgs.length * N_DOMAINS);
    };
    expect(meanCap(0.6)).toBeGreaterThan(meanCap(0.2) + 0.2);
  });
});
