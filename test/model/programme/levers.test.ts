import { describe, expect, it } from 'vitest';
import { CareSetting, Domain, PairingRule } from '../../../src/model/enums.js';
import { rivalry } from '../../../src/model/mechanisms/willingness.js';
import { defaultParams, type Params } from '../../../src/model/parameters.js';
import { spendWeight, taperIntensity } from '../../../src/model/programme/funding.js';
import { runReplication } from '../../../src/model/run.js';
import { resolveParams } from '../../../src/model/validate.js';

// These levers act from month 0 on: the spin-up before January 2017 (ODD 5) is not needed here.
const with_ = (o: Partial<Params>): Params => resolveParams({ spinUp_months: 0, ...o }, 'test');

describe('funding taper', () => {
  it('is a cliff edge by default and a linear fall over the taper months otherwise', () => {
    const p = defaultParams();
    expect(taperIntensity(p, 0)).toBe(1);
    expect(taperIntensity(p, 83)).toBe(1);
    expect(taperIntensity(p, 84)).toBe(0);
    expect(spendWeight(p, 50)).toBe(1);
    const t = with_({ fundingTaper_months: 24 });
    expect(taperIntensity(t, 59)).toBe(1);
    expect(taperIntensity(t, 60)).toBe(1);
    expect(taperIntensity(t, 72)).toBe(0.5);
    expect(taperIntensity(t, 83)).toBeCloseTo(1 / 24, 12);
  });

  it('moves money earlier without changing the budget', () => {
    const t = with_({ fundingTaper_months: 24 });
    let total = 0;
    for (let m = 0; m < 84; m++) total += spendWeight(t, m);
    expect(total).toBeCloseTo(84, 9);
    expect(spendWeight(t, 10)).toBeGreaterThan(1);
    const spend = (p: Params) => runReplication({ ...p, spinUp_months: 0, horizon_months: 90 }, 1, 0).outcomes.spend_programme_gbp;
    expect(spend(t)).toBeCloseTo(spend(defaultParams()), -1);
  });
});

describe('pairing rules', () => {
  it('same supplier pairs more followers with an exemplar on their core system than random pairing', () => {
    const shared = (rule: number) => {
      let same = 0;
      for (let k = 0; k < 3; k++) {
        const run = runReplication(with_({ pairingRule_code: rule, horizon_months: 8 }), 2, k);
        const s = run.finalState;
        for (const id of s.programme.pairings) {
          const tie = s.ties[id];
          if (s.orgs[tie.orgA].suppliers[Domain.epr] === s.orgs[tie.orgB].suppliers[Domain.epr]) same += 1;
        }
      }
      return same;
    };
    expect(shared(PairingRule.sameSupplier)).toBeGreaterThan(shared(PairingRule.random));
  });

  it('same grouping pairs within groupings where an exemplar is free', () => {
    const run = runReplication(with_({ pairingRule_code: PairingRule.sameGrouping, horizon_months: 8 }), 3, 0);
    const s = run.finalState;
    const within = s.programme.pairings.filter((id) => s.orgs[s.ties[id].orgA].grouping === s.orgs[s.ties[id].orgB].grouping).length;
    const random = runReplication(with_({ pairingRule_code: PairingRule.random, horizon_months: 8 }), 3, 0).finalState;
    const withinRandom = random.programme.pairings.filter((id) => random.orgs[random.ties[id].orgA].grouping === random.orgs[random.ties[id].orgB].grouping).length;
    expect(within).toBeGreaterThan(withinRandom);
  });
});

describe('follow-on programme, secondments, independent network support', () => {
  it('funds the chosen outside organizations for their term and books their grants', () => {
    const p = with_({ followOnOrganizations_count: 20, followOnStart_month: 12, followOnFunded_months: 24, followOnGrant_gbp: 1.2e6, horizon_months: 40 });
    const run = runReplication(p, 1, 0);
    const s = run.finalState;
    expect(s.programme.followOn).toHaveLength(20);
    for (const id of s.programme.followOn) {
      expect(s.orgs[id].status).toBe(2);
      expect(s.orgs[id].fundedUntil).toBe(36);
    }
    expect(run.outcomes.follow_on_organizations).toBe(20);
    const base = runReplication({ ...defaultParams(), spinUp_months: 0, horizon_months: 40 }, 1, 0).outcomes.spend_programme_gbp;
    expect(run.outcomes.spend_programme_gbp - base).toBeCloseTo(20 * 1.2e6, 0);
  });

  it('secondments start at the yearly rate, move tacit know-how to hosts and cost per month', () => {
    const p = with_({ secondments_perYear: 12, secondmentDuration_months: 6, horizon_months: 36 });
    const run = runReplication(p, 1, 0);
    expect(run.outcomes.secondments).toBe(36);
    const hosts = run.finalState.programme.secondments.map((x) => run.finalState.orgs[x.host].status);
    expect(hosts.every((h) => h !== 0)).toBe(true);
    const base = runReplication({ ...defaultParams(), spinUp_months: 0, horizon_months: 36 }, 1, 0).outcomes.spend_programme_gbp;
    // 36 secondments of 6 months, those started after month 30 cut by the horizon.
    expect(run.outcomes.spend_programme_gbp).toBeGreaterThan(base + 150 * 9000);
    expect(run.outcomes.spend_programme_gbp).toBeLessThanOrEqual(base + 36 * 6 * 9000 + 1);
  });

  it('support for independent networks raises professional network membership and is paid monthly', () => {
    const members = (p: Params) => {
      const s = runReplication({ ...p, spinUp_months: 0, horizon_months: 36 }, 1, 0).finalState;
      return s.people.filter((x) => x.professionalMember).length;
    };
    expect(members(with_({ independentNetworkSupport_gbpPerYear: 5e6 }))).toBeGreaterThan(members(defaultParams()));
  });
});

describe('procurement pressure', () => {
  const org = (grouping: number, region: number, setting: number) => ({ grouping, region, setting, statusSeeking: 0.4 }) as Parameters<typeof rivalry>[0];
  it('leaves rivalry as before at 0 and widens it to the region under pressure', () => {
    expect(rivalry(org(1, 1, CareSetting.acute), org(1, 1, CareSetting.acute))).toBeCloseTo(0.4, 12);
    expect(rivalry(org(1, 1, CareSetting.acute), org(2, 1, CareSetting.acute))).toBe(0);
    // Under pressure 0.5 each status seeking 0.4 moves half way towards 1 (misaligned incentives): 0.7.
    expect(rivalry(org(1, 1, CareSetting.acute), org(2, 1, CareSetting.acute), 0.5)).toBeCloseTo(0.5 * 0.7, 12);
    expect(rivalry(org(1, 1, CareSetting.acute), org(1, 1, CareSetting.acute), 0.5)).toBeCloseTo(0.7 * 1.5, 12);
    expect(rivalry(org(1, 1, CareSetting.acute), org(3, 2, CareSetting.acute), 0.5)).toBe(0);
    expect(rivalry(org(1, 1, CareSetting.acute), org(2, 1, CareSetting.mentalHealth), 0.5)).toBe(0);
  });
});

describe('learning network funding term', () => {
  it('ends funding of each network the given months after launch', () => {
    const run = runReplication(with_({ learningNetworkFunded_months: 12, horizon_months: 50 }), 1, 0);
    const s = run.finalState;
    for (const id of s.programme.learningNetworks) {
      const c = s.communities[id];
      expect(c.fundedUntil).toBe(Math.min(c.formed + 12, 84));
    }
  });
});
