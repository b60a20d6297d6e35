import { describe, expect, it } from 'vitest';
import { computeCapability, setKnowledge } from '../../../src/agents/organization.js';
import { CareSetting, Formality, N_DOMAINS, Stage } from '../../../src/model/enums.js';
import { bestDomain, nationalActive, relevance, transferBetween, transferKnowledge } from '../../../src/model/mechanisms/knowledge.js';
import { alike, mut, setAll, setStages, world } from './fixtures.js';
import { FLOW_LEDGER_LENGTH, GAIN_BASE } from '../../../src/model/state.js';

function pairOfOrgs(overrides: Record<string, number> = {}) {
  const w = world(overrides);
  const [donor, receiver] = [w.state.orgs[0], w.state.orgs[1]];
  alike(donor, receiver);
  return { ...w, donor, receiver, a: w.params.codifiedWeight_exponent };
}

describe('relevance', () => {
  it('is 1 for the same supplier and setting', () => {
    const { params, donor, receiver } = pairOfOrgs();
    for (let d = 0; d < N_DOMAINS; d++) expect(relevance(params, donor, receiver, d)).toBe(1);
  });

  it('is crossSupplierRelevance_share on another supplier, crossSettingRelevance_share in another setting, and their product for both', () => {
    const { params, donor, receiver } = pairOfOrgs({ crossSupplierRelevance_share: 0.35, crossSettingRelevance_share: 0.5 });
    receiver.suppliers[2] = donor.suppliers[2] === 8 ? 9 : 8;
    expect(relevance(params, donor, receiver, 2)).toBeCloseTo(0.35, 12);
    expect(relevance(params, donor, receiver, 3)).toBe(1);
    mut(receiver).setting = donor.setting === CareSetting.acute ? CareSetting.mentalHealth : CareSetting.acute;
    expect(relevance(params, donor, receiver, 3)).toBeCloseTo(0.5, 12);
    expect(relevance(params, donor, receiver, 2)).toBeCloseTo(0.35 * 0.5, 12);
  });
});

describe('transferKnowledge', () => {
  it('closes rate * AC * relevance of each gap and updates the capability cache', () => {
    const { ctx, receiver, a } = pairOfOrgs();
    receiver.absorptive = 0.5;
    setKnowledge(receiver, 1, 0.1, 0.2, a);
    const moved = transferKnowledge(ctx, 0.5, 0.6, receiver, 1, 0.5, 0.8, 0.1, 0.2, Formality.informal);
    const dT = 0.1 * 0.5 * 0.5 * (0.6 - 0.2);
    const dC = 0.2 * 0.5 * 0.8 * (0.5 - 0.1);
    expect(moved.tacit).toBeCloseTo(dT, 12);
    expect(moved.codified).toBeCloseTo(dC, 12);
    expect(receiver.tacit[1]).toBeCloseTo(0.2 + dT, 12);
    expect(receiver.codified[1]).toBeCloseTo(0.1 + dC, 12);
    expect(receiver.capability[1]).toBeCloseTo(computeCapability(0.1 + dC, 0.2 + dT, a), 12);
  });

  it('adds to ctx.flows at the formality index: codified at 2f, tacit at 2f+1, capability gained at GAIN_BASE + f', () => {
    for (const f of [Formality.formal, Formality.periodic, Formality.informal]) {
      const { ctx, receiver, a } = pairOfOrgs();
      receiver.absorptive = 1;
      setKnowledge(receiver, 0, 0.2, 0.3, a);
      const before = receiver.capability[0];
      const moved = transferKnowledge(ctx, 0.6, 0.9, receiver, 0, 1, 1, 0.1, 0.1, f);
      const expected = new Float64Array(FLOW_LEDGER_LENGTH);
      expected[2 * f] = moved.codified;
      expected[2 * f + 1] = moved.tacit;
      expected[GAIN_BASE + f] = computeCapability(0.24, 0.36, a) - before;
      expect(ctx.flows[GAIN_BASE + f]).toBeGreaterThan(0);
      expect(ctx.flows[GAIN_BASE + f]).toBeCloseTo(expected[GAIN_BASE + f], 12);
      expected[GAIN_BASE + f] = ctx.flows[GAIN_BASE + f];
      expect(Array.from(ctx.flows)).toEqual(Array.from(expected));
      expect(moved.codified).toBeCloseTo(0.04, 12);
      expect(moved.tacit).toBeCloseTo(0.06, 12);
    }
  });

  it('never overshoots the donor', () => {
    const { ctx, receiver, a } = pairOfOrgs();
    receiver.absorptive = 1;
    setKnowledge(receiver, 4, 0.1, 0.1, a);
    for (let i = 0; i < 5; i++) transferKnowledge(ctx, 0.7, 0.8, receiver, 4, 1, 1, 1, 1, Formality.formal);
    expect(receiver.tacit[4]).toBeCloseTo(0.8, 12);
    expect(receiver.codified[4]).toBeCloseTo(0.7, 12);
    expect(receiver.tacit[4]).toBeLessThanOrEqual(0.8);
    expect(receiver.codified[4]).toBeLessThanOrEqual(0.7);
  });

  it('moves nothing when the donor is behind (and only the stock where it is ahead)', () => {
    const { ctx, receiver, a } = pairOfOrgs();
    receiver.absorptive = 0.8;
    setKnowledge(receiver, 2, 0.5, 0.6, a);
    const moved = transferKnowledge(ctx, 0.4, 0.5, receiver, 2, 1, 1, 0.5, 0.5, Formality.informal);
    expect(moved.codified).toBe(0);
    expect(moved.tacit).toBe(0);
    expect(receiver.codified[2]).toBe(0.5);
    expect(receiver.tacit[2]).toBe(0.6);
    expect(Array.from(ctx.flows)).toEqual(Array.from(new Float64Array(FLOW_LEDGER_LENGTH)));
    const partial = transferKnowledge(ctx, 0.9, 0.1, receiver, 2, 1, 1, 0.5, 0.5, Formality.informal);
    expect(partial.tacit).toBe(0);
    expect(partial.codified).toBeGreaterThan(0);
    expect(receiver.tacit[2]).toBe(0.6);
  });

  it('scales with absorptive capacity and relevance', () => {
    const low = pairOfOrgs();
    const high = pairOfOrgs();
    for (const [w, ac] of [[low, 0.2], [high, 0.6]] as const) {
      w.receiver.absorptive = ac;
      setKnowledge(w.receiver, 0, 0.1, 0.1, w.a);
    }
    const tl = transferKnowledge(low.ctx, 0.5, 0.5, low.receiver, 0, 1, 1, 0.1, 0.1, 0).tacit;
    const th = transferKnowledge(high.ctx, 0.5, 0.5, high.receiver, 0, 1, 1, 0.1, 0.1, 0).tacit;
    expect(th).toBeCloseTo(3 * tl, 12);
    const half = transferKnowledge(high.ctx, 0.9, 0.9, high.receiver, 0, 0.5, 1, 0.1, 0.1, 0).tacit;
    expect(half).toBeCloseTo(0.1 * 0.6 * 0.5 * (0.9 - high.receiver.tacit[0] + half), 12);
  });
});

describe('transferBetween', () => {
  it('uses system and setting relevance for tacit know-how and setting relevance only for codified knowledge', () => {
    const { ctx, params, donor, receiver, a } = pairOfOrgs();
    receiver.suppliers[3] = donor.suppliers[3] === 10 ? 11 : 10; // another supplier in domain 3
    receiver.absorptive = 1;
    setKnowledge(donor, 3, 0.8, 0.8, a);
    setKnowledge(receiver, 3, 0.2, 0.2, a);
    const moved = transferBetween(ctx, params, donor, receiver, 3, 0.1, 0.1, Formality.informal);
    expect(moved.tacit).toBeCloseTo(0.1 * params.crossSupplierRelevance_share * 0.6, 12);
    expect(moved.codified).toBeCloseTo(0.1 * 0.6, 12);
    mut(receiver).setting = donor.setting === CareSetting.acute ? CareSetting.ambulance : CareSetting.acute;
    setKnowledge(receiver, 3, 0.2, 0.2, a);
    const cross = transferBetween(ctx, params, donor, receiver, 3, 0.1, 0.1, Formality.informal);
    expect(cross.codified).toBeCloseTo(0.1 * params.crossSettingRelevance_share * 0.6, 12);
    expect(cross.tacit).toBeCloseTo(0.1 * params.crossSupplierRelevance_share * params.crossSettingRelevance_share * 0.6, 12);
  });
});

describe('bestDomain', () => {
  it('picks the domain with the largest need * gap * relevance', () => {
    const { params, donor, receiver, a } = pairOfOrgs();
    setAll(donor, 0.3, 0.3, a);
    setAll(receiver, 0.3, 0.3, a);
    setStages(receiver, Stage.adoption);
    setKnowledge(donor, 2, 0.9, 0.9, a); // gap 0.6 at need 0.7
    setKnowledge(donor, 4, 0.7, 0.7, a); // gap 0.4 at need 0.7
    expect(bestDomain(params, donor, receiver)).toBe(2);
    // Lower relevance in domain 2 makes domain 4 the better one: 0.6 * 0.35 < 0.4.
    receiver.suppliers[2] = donor.suppliers[2] === 8 ? 9 : 8;
    expect(bestDomain(params, donor, receiver)).toBe(4);
    // Need matters too: a receiver already capable in domain 4 needs it less.
    receiver.suppliers[2] = donor.suppliers[2];
    setKnowledge(receiver, 2, 0.85, 0.85, a);
    setKnowledge(donor, 2, 1, 1, a); // gap 0.15 at need 0.15
    expect(bestDomain(params, donor, receiver)).toBe(4);
  });

  it('skips domains where the receiver has no project', () => {
    const { params, donor, receiver, a } = pairOfOrgs();
    setAll(donor, 0.3, 0.3, a);
    setAll(receiver, 0.3, 0.3, a);
    setStages(receiver, Stage.adoption);
    setKnowledge(donor, 2, 0.9, 0.9, a);
    setKnowledge(donor, 4, 0.5, 0.5, a);
    receiver.stage[2] = Stage.none;
    expect(bestDomain(params, donor, receiver)).toBe(4);
  });

  it('is -1 when the donor is ahead nowhere', () => {
    const { params, donor, receiver, a } = pairOfOrgs();
    setAll(donor, 0.3, 0.3, a);
    setAll(receiver, 0.5, 0.5, a);
    setStages(receiver, Stage.adoption);
    expect(bestDomain(params, donor, receiver)).toBe(-1);
    setAll(donor, 0.5, 0.5, a);
    expect(bestDomain(params, donor, receiver)).toBe(-1);
  });
});

describe('nationalActive', () => {
  it('is true only while an active programme is between its start and the end of funding', () => {
    const { state, params } = world({ programmeStart_month: 3, fundingEnd_month: 10 });
    for (const [month, expected] of [[2, false], [3, true], [9, true], [10, false]] as const) {
      state.month = month;
      expect(nationalActive(state, params)).toBe(expected);
    }
    const off = world({ programmeActive_flag: 0 });
    off.state.month = 5;
    expect(nationalActive(off.state, off.params)).toBe(false);
  });
});
