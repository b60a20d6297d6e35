import { describe, expect, it } from 'vitest';
import { maturity } from '../../../src/agents/organization.js';
import { CareSetting, Direction, Formality, Influence, Mode, Origin, Status } from '../../../src/model/enums.js';
import { formPairings, pairingUtility, selectParticipants } from '../../../src/model/programme/selection.js';
import { world } from '../mechanisms/fixtures.js';

function selected(overrides: Record<string, number> = {}, seed = 'test') {
  const w = world({ selectionNoise_index: 0, ...overrides }, seed);
  selectParticipants(w.state, w.ctx);
  return w;
}

describe('selectParticipants', () => {
  it('exemplar and follower counts match the parameters', () => {
    const { state, params: p } = selected();
    const count = (setting: number, status: number) => state.orgs.filter((o) => o.setting === setting && o.status === status).length;
    expect(count(CareSetting.acute, Status.exemplar)).toBe(p.exemplarsAcute_count);
    expect(count(CareSetting.mentalHealth, Status.exemplar)).toBe(p.exemplarsMentalHealth_count);
    expect(count(CareSetting.ambulance, Status.exemplar)).toBe(p.exemplarsAmbulance_count);
    expect(count(CareSetting.acute, Status.follower)).toBe(p.followersAcute_count);
    expect(count(CareSetting.mentalHealth, Status.follower)).toBe(p.followersMentalHealth_count);
    expect(count(CareSetting.ambulance, Status.follower)).toBe(0);
    for (const s of [CareSetting.specialist, CareSetting.community]) expect(state.orgs.filter((o) => o.setting === s && o.status !== Status.outside)).toHaveLength(0);
    expect(state.programme.exemplars).toHaveLength(p.exemplarsAcute_count + p.exemplarsMentalHealth_count + p.exemplarsAmbulance_count);
    expect(state.programme.followers).toHaveLength(p.followersAcute_count + p.followersMentalHealth_count);
  });

  it('with selectionNoise_index 0, exemplars are the most mature of their setting', () => {
    const { state, params: p } = selected();
    for (const [setting, n] of [[CareSetting.acute, p.exemplarsAcute_count], [CareSetting.mentalHealth, p.exemplarsMentalHealth_count]] as const) {
      const ranked = state.orgs.filter((o) => o.setting === setting).sort((x, y) => maturity(y) - maturity(x) || x.id - y.id);
      const top = new Set(ranked.slice(0, n).map((o) => o.id));
      const exemplars = new Set(state.orgs.filter((o) => o.setting === setting && o.status === Status.exemplar).map((o) => o.id));
      expect(exemplars).toEqual(top);
    }
  });

  it('followers come from the next tier: less mature than every exemplar of their setting', () => {
    const { state } = selected({}, 'tier');
    for (const setting of [CareSetting.acute, CareSetting.mentalHealth]) {
      const exemplars = state.orgs.filter((o) => o.setting === setting && o.status === Status.exemplar);
      const followers = state.orgs.filter((o) => o.setting === setting && o.status === Status.follower);
      const floor = Math.min(...exemplars.map(maturity));
      for (const f of followers) expect(maturity(f)).toBeLessThanOrEqual(floor);
    }
  });

  it('the follower tier is at most 2.5 times the followers wanted, below the exemplars', () => {
    const { state } = selected({ organizations_count: 200, groupings_count: 40, followersMentalHealth_count: 8, followersAcute_count: 10 }, 'tier2');
    const acute = state.orgs.filter((o) => o.setting === CareSetting.acute).sort((x, y) => maturity(y) - maturity(x) || x.id - y.id);
    const tier = new Set(acute.slice(16, 16 + 25).map((o) => o.id));
    for (const o of acute) if (o.status === Status.follower) expect(tier.has(o.id)).toBe(true);
  });

  it('sets grants by status and setting, fundedUntil = fundingEnd_month, and logs each selection', () => {
    const { state, ctx, params: p } = selected();
    for (const org of state.orgs) {
      if (org.status === Status.outside) {
        expect(org.fundedUntil).toBe(-1);
        expect(org.grant_gbp).toBe(0);
        continue;
      }
      expect(org.fundedUntil).toBe(p.fundingEnd_month);
      const base = org.status === Status.exemplar ? p.exemplarGrant_gbp : p.followerGrant_gbp;
      const ratio = org.setting === CareSetting.acute || org.setting === CareSetting.specialist ? 1 : p.mentalHealthGrant_ratio;
      expect(org.grant_gbp).toBe(base * ratio);
    }
    expect(ctx.events.toArray().filter((e) => e.what === 'selected_exemplar')).toHaveLength(state.programme.exemplars.length);
    expect(ctx.events.toArray().filter((e) => e.what === 'selected_follower')).toHaveLength(state.programme.followers.length);
  });

  it('with noise, counts still match and selection differs from the noiseless ranking somewhere', () => {
    const { state, params: p } = selected({ selectionNoise_index: 0.5 });
    expect(state.programme.exemplars).toHaveLength(p.exemplarsAcute_count + p.exemplarsMentalHealth_count + p.exemplarsAmbulance_count);
    const ranked = state.orgs.filter((o) => o.setting === CareSetting.acute).sort((x, y) => maturity(y) - maturity(x) || x.id - y.id);
    const top = new Set(ranked.slice(0, p.exemplarsAcute_count).map((o) => o.id));
    const exemplars = state.orgs.filter((o) => o.setting === CareSetting.acute && o.status === Status.exemplar).map((o) => o.id);
    expect(exemplars.every((id) => top.has(id))).toBe(false);
  });
});

describe('formPairings', () => {
  function paired(overrides: Record<string, number> = {}) {
    const w = selected(overrides);
    formPairings(w.state, w.ctx);
    return w;
  }

  it('pairs every follower with one exemplar of its own setting, at most two per exemplar', () => {
    const { state } = paired();
    const load = new Map<number, number>();
    expect(state.programme.pairings).toHaveLength(state.programme.followers.length);
    for (const id of state.programme.pairings) {
      const t = state.ties[id];
      const ex = state.orgs[t.orgA];
      const fo = state.orgs[t.orgB];
      expect(ex.status).toBe(Status.exemplar);
      expect(fo.status).toBe(Status.follower);
      expect(ex.setting).toBe(fo.setting);
      load.set(ex.id, (load.get(ex.id) ?? 0) + 1);
    }
    for (const n of load.values()) expect(n).toBeLessThanOrEqual(2);
    for (const id of state.programme.followers) expect(state.orgs[id].partners).toHaveLength(1);
  });

  it('pairings are formal, policy-origin mandates ending with funding; partners are symmetric', () => {
    const { state, params: p } = paired();
    for (const id of state.programme.pairings) {
      const t = state.ties[id];
      expect(t.mode).toBe(Mode.pairing);
      expect(t.formality).toBe(Formality.formal);
      expect(t.origin).toBe(Origin.policy);
      expect(t.influence).toBe(Influence.mandate);
      expect(t.direction).toBe(Direction.oneWay);
      expect(t.endsAt).toBe(p.fundingEnd_month);
      expect(t.personA).toBe(-1);
      expect(state.orgs[t.orgA].partners).toContain(t.orgB);
      expect(state.orgs[t.orgB].partners).toContain(t.orgA);
    }
    expect(state.programme.pairingBias).toHaveLength(state.programme.pairings.length);
    expect(state.programme.pairingOverlaySince).toEqual(state.programme.pairings.map(() => -1));
  });

  it('leaves followers unpaired once every exemplar of their setting has two', () => {
    const { state, params: p } = paired({ exemplarsMentalHealth_count: 2, followersMentalHealth_count: 6 });
    const mh = state.programme.pairings.map((id) => state.ties[id]).filter((t) => state.orgs[t.orgB].setting === CareSetting.mentalHealth);
    expect(mh).toHaveLength(4);
    expect(p.followersMentalHealth_count).toBe(6);
  });

  /** Pairings sharing a core system and a grouping, summed over a few worlds. */
  function shares(overrides: Record<string, number>) {
    let system = 0;
    let grouping = 0;
    let n = 0;
    for (const seed of ['a', 'b', 'c', 'd']) {
      const w = selected(overrides, seed);
      formPairings(w.state, w.ctx);
      for (const id of w.state.programme.pairings) {
        const t = w.state.ties[id];
        n += 1;
        if (w.state.orgs[t.orgA].suppliers[0] === w.state.orgs[t.orgB].suppliers[0]) system += 1;
        if (w.state.orgs[t.orgA].grouping === w.state.orgs[t.orgB].grouping) grouping += 1;
      }
    }
    return { system: system / n, grouping: grouping / n };
  }

  it('followers who choose their own exemplar pick near, same-grouping, same-system ones; random pairing does not', () => {
    const own = shares({ ownChoicePairing_share: 1 });
    const random = shares({ pairingRule_code: 3 });
    expect(own.grouping).toBeGreaterThan(random.grouping + 0.1);
    expect(own.system).toBeGreaterThan(random.system + 0.2);
  });

  it('a sharper choice (pairingChoice_scale) and the grouping benefit raise same-grouping pairings', () => {
    const flat = shares({ ownChoicePairing_share: 1, pairingChoice_scale: 0 });
    const sharp = shares({ ownChoicePairing_share: 1, pairingChoice_scale: 2 });
    const noBenefit = shares({ ownChoicePairing_share: 1, pairingSameGrouping_logRatio: 0 });
    expect(sharp.grouping).toBeGreaterThan(flat.grouping);
    expect(sharp.grouping).toBeGreaterThan(noBenefit.grouping);
  });

  it('policy-criteria pairings follow the core system but not locality', () => {
    const policy = shares({ ownChoicePairing_share: 0 });
    const random = shares({ pairingRule_code: 3 });
    const own = shares({ ownChoicePairing_share: 1 });
    expect(policy.system).toBeGreaterThan(random.system + 0.2);
    expect(policy.grouping).toBeLessThan(own.grouping);
  });

  it('labels pairings by how they were made', () => {
    const own = paired({ ownChoicePairing_share: 1 });
    const policy = paired({ ownChoicePairing_share: 0 });
    expect(own.ctx.events.toArray().filter((e) => e.what === 'pairing').every((e) => e.detail === 'own_choice')).toBe(true);
    expect(policy.ctx.events.toArray().filter((e) => e.what === 'pairing').every((e) => e.detail === 'policy_criteria')).toBe(true);
    const mixed = paired({ ownChoicePairing_share: 0.6 });
    const own_ = mixed.ctx.events.toArray().filter((e) => e.what === 'pairing' && e.detail === 'own_choice').length;
    const p = mixed.params;
    expect(own_).toBe(Math.round(p.followersAcute_count * 0.6) + Math.round(p.followersMentalHealth_count * 0.6));
  });

  it('own-choice entrants have better options than the candidates left out', () => {
    // With every place own-choice and a tier twice the places, entrants are those with the higher inclusive value.
    const w = selected({ ownChoicePairing_share: 1, followerTier_ratio: 2, pairingChoice_scale: 5 });
    const exemplars = w.state.programme.exemplars.map((id) => w.state.orgs[id]);
    const best = (o: (typeof exemplars)[number]) => Math.max(...exemplars.filter((e) => e.setting === o.setting).map((e) => pairingUtility(w.state, w.params, e, o)));
    const acute = w.state.orgs.filter((o) => o.setting === CareSetting.acute);
    const followers = acute.filter((o) => o.status === Status.follower);
    const minFollower = Math.min(...followers.map((o) => maturity(o)));
    const left = acute.filter((o) => o.status === Status.outside && maturity(o) >= minFollower);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(followers.map(best))).toBeGreaterThan(mean(left.map(best)));
  });
});
