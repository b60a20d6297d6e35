import { describe, expect, it } from 'vitest';
import { setKnowledge } from '../../../src/agents/organization.js';
import { EndReason, Formality, Influence, Mode, Origin, Stage } from '../../../src/model/enums.js';
import { contactCost } from '../../../src/model/mechanisms/proximity.js';
import { labelDiscount } from '../../../src/model/mechanisms/labels.js';
import { searchPhase, sendRequest, utility } from '../../../src/model/mechanisms/search.js';
import { constant, formedTies, setDistance } from './fixtures.js';
import { alike, informalTie, mut, pairUp, sequence, setAll, setStages, withParams, world } from './fixtures.js';
import { willingness } from '../../../src/model/mechanisms/willingness.js';

function utilitySetup() {
  const w = world();
  const [own, other] = [w.state.orgs[0], w.state.orgs[1]];
  alike(own, other);
  const a = w.params.codifiedWeight_exponent;
  setAll(own, 0.2, 0.2, a);
  setAll(other, 0.6, 0.6, a);
  own.absorptive = 0.5;
  return { ...w, own, other, a };
}

describe('utility', () => {
  it('is benefitWeight * AC * relevance * gap + 0.2 intrinsic - contact cost', () => {
    const { state, params: p, own, other } = utilitySetup();
    const expected = p.benefitWeight_index * 0.5 * 1 * 0.4 + 0.2 * 0.7 - contactCost(state, p, own, other);
    expect(utility(state, p, own, other, 0, 0.7)).toBeCloseTo(expected, 10);
  });

  it('rises with the capability gap and counts no benefit from someone behind', () => {
    const { state, params: p, own, other, a } = utilitySetup();
    const u1 = utility(state, p, own, other, 0, 0.5);
    setKnowledge(other, 0, 0.9, 0.9, a);
    expect(utility(state, p, own, other, 0, 0.5)).toBeGreaterThan(u1);
    setKnowledge(other, 0, 0.1, 0.1, a);
    expect(utility(state, p, own, other, 0, 0.5)).toBeCloseTo(0.1 - contactCost(state, p, own, other), 10);
  });

  it('falls with contact cost (distance)', () => {
    const { state, params: p, own, other } = utilitySetup();
    setDistance(state, own.id, other.id, 10);
    const near = utility(state, p, own, other, 0, 0.5);
    setDistance(state, own.id, other.id, 400);
    expect(utility(state, p, own, other, 0, 0.5)).toBeLessThan(near);
  });

  it('a follower discounts its exemplar by its label discount, less under partner framing', () => {
    const { state, ctx, params: p, own, other } = utilitySetup();
    const pairing = pairUp(state, ctx, other, own, 1); // bias +1: the follower judges itself ahead
    const cost = contactCost(state, p, own, other);
    const benefit = p.benefitWeight_index * 0.5 * 0.4 + 0.2 * 0.5;
    const discount = labelDiscount(state, p, pairing.id);
    expect(discount).toBeCloseTo(p.labelInhibition_share, 4);
    expect(utility(state, p, own, other, 0, 0.5)).toBeCloseTo(benefit * (1 - discount) - cost, 10);
    const partners = { ...p, labelsActive_flag: 0 };
    expect(utility(state, partners, own, other, 0, 0.5)).toBeCloseTo(benefit * (1 - discount * p.partnerFramingComparison_share) - cost, 10);
    expect(utility(state, { ...p, labelInhibition_share: 0 }, own, other, 0, 0.5)).toBeCloseTo(benefit - cost, 10);
  });

  it('a follower that sees itself behind does not discount its exemplar', () => {
    const { state, ctx, params: p, own, other } = utilitySetup();
    pairUp(state, ctx, other, own, -1);
    const cost = contactCost(state, p, own, other);
    expect(utility(state, p, own, other, 0, 0.5)).toBeCloseTo(p.benefitWeight_index * 0.5 * 0.4 + 0.1 - cost, 10);
  });

  it('the discount applies only to the follower\'s own exemplar', () => {
    const { state, ctx, params: p, own, other } = utilitySetup();
    const third = state.orgs[2];
    pairUp(state, ctx, third, own, 1);
    own.partners.length = 0;
    own.partners.push(third.id);
    const cost = contactCost(state, p, own, other);
    expect(utility(state, p, own, other, 0, 0.5)).toBeCloseTo(p.benefitWeight_index * 0.5 * 0.4 + 0.1 - cost, 10);
  });
});

/** A world where everyone searches, everyone accepts and contact is free. */
function eagerWorld(overrides: Record<string, number> = {}) {
  const w = world({
    search_probPerMonth: 1,
    willingnessIntercept_logit: 10,
    contactCost_index: 0,
    reactiveNeedThreshold_index: 0,
    competitionInhibition_logit: 0,
    ...overrides,
  });
  for (const org of w.state.orgs) setStages(org, Stage.adoption);
  return w;
}

describe('searchPhase', () => {
  it('forms informal direct_contact ties whose origin and influence are the channel\'s', () => {
    const { state, ctx } = eagerWorld({ routineRouting_share: 0 });
    // Give people every channel: personal ties, a blueprint directory and programme pairings.
    for (let i = 0; i + 1 < 40; i += 2) informalTie(state, ctx, state.orgs[i], state.orgs[i + 1]);
    for (const org of state.orgs) for (let d = 0; d < 6; d++) org.directory[d].push((org.id + 7) % state.orgs.length);
    const pairings = new Map<string, number>();
    for (let i = 0; i < 10; i++) {
      const tie = pairUp(state, ctx, state.orgs[40 + i], state.orgs[50 + i], 0);
      pairings.set(`${40 + i}-${50 + i}`, tie.id);
    }
    const firstNew = state.ties.length;
    ctx.events.clear();
    searchPhase(state, ctx);
    const formed = ctx.events.toArray().filter((e) => e.kind === 'formed');
    const expected: Record<string, [number, number]> = {
      via_personal_ties: [Origin.individual, Influence.enable],
      via_chance: [Origin.individual, Influence.trigger],
      via_blueprint: [Origin.policy, Influence.trigger],
      via_pairing: [Origin.policy, Influence.trigger],
      via_grouping: [Origin.provider, Influence.enable],
    };
    const seen = new Set<string>();
    for (const e of formed) {
      seen.add(e.detail);
      const tie = state.ties[Number(e.relationship.slice(1))];
      expect(tie.id).toBeGreaterThanOrEqual(firstNew);
      expect(tie.mode).toBe(Mode.directContact);
      expect(tie.formality).toBe(Formality.informal);
      expect(tie.ended).toBe(-1);
      expect(state.people[tie.personA].org).toBe(tie.orgA);
      expect(state.people[tie.personB].org).toBe(tie.orgB);
      expect(tie.orgA).not.toBe(tie.orgB);
      expect(state.people[tie.personA].ties).toContain(tie.id);
      expect(state.people[tie.personB].ties).toContain(tie.id);
      if (e.detail === 'via_community') {
        const shared = state.people[tie.personB].memberships.map((c) => state.communities[c]).filter((c) => c.members.includes(tie.personA));
        expect(shared.some((c) => c.origin === tie.origin && c.influence === tie.influence)).toBe(true);
      } else {
        expect(Object.keys(expected)).toContain(e.detail);
        expect([tie.origin, tie.influence]).toEqual(expected[e.detail]);
      }
      const key = `${Math.min(tie.orgA, tie.orgB)}-${Math.max(tie.orgA, tie.orgB)}`;
      expect(tie.overlayOf).toBe(pairings.get(key) ?? -1);
    }
    for (const label of [...Object.keys(expected), 'via_community']) expect(seen).toContain(label);
  });

  it('costs the donor request-handling time and the seeker upkeep, and counts requests and exchanges', () => {
    const { state, ctx, params: p } = eagerWorld({ routineRouting_share: 0 });
    searchPhase(state, ctx);
    const ties = formedTies(state, ctx.events).filter((t) => t.mode === Mode.directContact);
    expect(ties.length).toBeGreaterThan(0);
    const requests = new Map<number, number>();
    const exchanges = new Map<number, number>();
    const hours = new Map<number, number>();
    for (const t of ties) {
      requests.set(t.orgA, (requests.get(t.orgA) ?? 0) + 1);
      exchanges.set(t.orgA, (exchanges.get(t.orgA) ?? 0) + 1);
      exchanges.set(t.orgB, (exchanges.get(t.orgB) ?? 0) + 1);
      hours.set(t.orgA, (hours.get(t.orgA) ?? 0) + p.requestHandling_hours);
      hours.set(t.orgB, (hours.get(t.orgB) ?? 0) + p.tieUpkeep_hours);
    }
    for (const org of state.orgs) {
      expect(org.requestsThisMonth).toBe(requests.get(org.id) ?? 0);
      expect(org.informalExchanges).toBe(exchanges.get(org.id) ?? 0);
      expect(org.timeUsed_hours).toBeCloseTo(hours.get(org.id) ?? 0, 9);
    }
  });

  it('a routine at the donor routes contacts through an office: no personal tie, a one-off with influence control', () => {
    const { state, ctx, params: p } = eagerWorld({ routineRouting_share: 1 });
    for (const org of state.orgs) org.hasRoutine = true;
    ctx.events.clear();
    searchPhase(state, ctx);
    const contacts = formedTies(state, ctx.events).filter((t) => t.mode === Mode.directContact);
    expect(contacts.length).toBeGreaterThan(10);
    for (const t of contacts) {
      expect(t.personA).toBe(-1);
      expect(t.personB).toBe(-1);
      expect(t.formality).toBe(Formality.informal);
      expect(t.origin).toBe(Origin.provider);
      expect(t.influence).toBe(Influence.control);
      expect(t.ended).toBe(state.month);
      expect(t.endReason).toBe(EndReason.oneOff);
    }
    expect(ctx.events.toArray().filter((e) => e.kind === 'formed').every((e) => e.detail === 'routed_through_office')).toBe(true);
    expect(state.people.every((person) => person.ties.length === 0)).toBe(true);
    // Documents only: no tacit know-how moves over a routed request.
    expect(ctx.flows[Formality.informal * 2 + 1]).toBe(0);
    expect(ctx.flows[Formality.informal * 2]).toBeGreaterThan(0);
    // A routed request costs the donor routineRequest_hours and the seeker nothing.
    for (const org of state.orgs) expect(org.timeUsed_hours).toBeCloseTo(org.requestsThisMonth * p.routineRequest_hours, 9);
    expect(state.orgs.some((org) => org.requestsThisMonth > 0)).toBe(true);
  });

  it('with the default routing share a routine routes most, but not all, contacts', () => {
    const { state, ctx } = eagerWorld();
    for (const org of state.orgs) org.hasRoutine = true;
    searchPhase(state, ctx);
    const contacts = formedTies(state, ctx.events).filter((t) => t.mode === Mode.directContact);
    const routed = contacts.filter((t) => t.personA < 0).length;
    expect(contacts.length).toBeGreaterThan(50);
    expect(routed / contacts.length).toBeGreaterThan(0.55);
    expect(routed / contacts.length).toBeLessThan(0.85);
  });

  it('without a routine no contact is routed', () => {
    const { state, ctx } = eagerWorld();
    searchPhase(state, ctx);
    const contacts = formedTies(state, ctx.events).filter((t) => t.mode === Mode.directContact);
    expect(contacts.length).toBeGreaterThan(0);
    expect(contacts.every((t) => t.personA >= 0 && t.ended < 0)).toBe(true);
  });

  it('reactive organizations without a need do not search; proactive ones scan anyway', () => {
    const { state, ctx } = eagerWorld({ reactiveNeedThreshold_index: 0.25 });
    for (const org of state.orgs) {
      setStages(org, Stage.none);
      (org as { proactiveSearch: boolean }).proactiveSearch = false;
    }
    searchPhase(state, ctx);
    expect(formedTies(state, ctx.events)).toHaveLength(0);
    for (const org of state.orgs) (org as { proactiveSearch: boolean }).proactiveSearch = true;
    searchPhase(state, ctx);
    expect(formedTies(state, ctx.events).length).toBeGreaterThan(0);
  });

  it('reactive organizations search only when their largest need reaches reactiveNeedThreshold_index', () => {
    const low = (threshold: number) => {
      const w = eagerWorld({ reactiveNeedThreshold_index: threshold });
      for (const org of w.state.orgs) {
        (org as { proactiveSearch: boolean }).proactiveSearch = false;
        setAll(org, 0.9, 0.9, w.params.codifiedWeight_exponent); // need 0.1 in every domain
      }
      searchPhase(w.state, w.ctx);
      return formedTies(w.state, w.ctx.events).length;
    };
    expect(low(0.25)).toBe(0);
    expect(low(0.05)).toBeGreaterThan(0);
  });

  it('nobody searches when search_probPerMonth is 0', () => {
    const { state, ctx } = eagerWorld();
    ctx.events.clear();
    searchPhase(state, withParams(ctx, { search_probPerMonth: 0 }));
    expect(formedTies(state, ctx.events)).toHaveLength(0);
    expect(ctx.events).toHaveLength(0);
  });
});

describe('sendRequest', () => {
  /** A seeker at org 0 and a donor at org 1, alike, the donor ahead. */
  function pair(overrides: Record<string, number> = {}) {
    const w = world(overrides);
    const [seekerOrg, donorOrg] = [w.state.orgs[0], w.state.orgs[1]];
    alike(seekerOrg, donorOrg);
    setAll(seekerOrg, 0.2, 0.2, w.params.codifiedWeight_exponent);
    setAll(donorOrg, 0.8, 0.8, w.params.codifiedWeight_exponent);
    seekerOrg.absorptive = 0.5;
    return { ...w, seekerOrg, donorOrg, seeker: seekerOrg.staff[0], donor: donorOrg.staff[0] };
  }

  it('counts every contact sent as a request received, declined ones too, which cost no time and form no tie', () => {
    const { state, ctx, donorOrg, seekerOrg, seeker, donor } = pair();
    sendRequest(state, ctx, constant(0.999999), seeker, donor, Origin.individual, Influence.enable, 'via_chance', 0);
    expect(donorOrg.requestsThisMonth).toBe(1);
    expect(formedTies(state, ctx.events)).toHaveLength(0);
    expect(donorOrg.timeUsed_hours).toBe(0);
    expect(seekerOrg.timeUsed_hours).toBe(0);
    sendRequest(state, ctx, constant(0), seeker, donor, Origin.individual, Influence.enable, 'via_chance', 0);
    expect(donorOrg.requestsThisMonth).toBe(2);
    expect(formedTies(state, ctx.events)).toHaveLength(1);
  });

  it('status rivalry lowers the donor\'s willingness in its logit, so a willing enough person still answers', () => {
    const accepts = (draw: number, rivals: boolean, overrides: Record<string, number> = {}) => {
      const w = pair(overrides);
      if (rivals) {
        mut(w.seekerOrg).grouping = w.donorOrg.grouping;
        mut(w.seekerOrg).statusSeeking = 0.5;
        mut(w.donorOrg).statusSeeking = 0.5;
      } else mut(w.seekerOrg).grouping = w.donorOrg.grouping + 1;
      sendRequest(w.state, w.ctx, constant(draw), w.seeker, w.donor, Origin.individual, Influence.enable, 'via_grouping', 0);
      return formedTies(w.state, w.ctx.events).length === 1;
    };
    const w = pair();
    const base = willingness(w.params, w.state.people[w.donor], w.donorOrg);
    const rival = willingness(w.params, w.state.people[w.donor], w.donorOrg, 0, w.params.competitionInhibition_logit * 0.5);
    expect(rival).toBeLessThan(base);
    const between = (base + rival) / 2;
    expect(accepts(between, false)).toBe(true);
    expect(accepts(between, true)).toBe(false);
    expect(accepts(between, true, { competitionInhibition_logit: 0 })).toBe(true);
    expect(accepts(rival * 0.99, true)).toBe(true);
  });

  it('a routine\'s office answers every routed request, even when the person would have declined', () => {
    const { state, ctx, params: p, donorOrg, seeker, donor } = pair({ routineRouting_share: 1 });
    donorOrg.hasRoutine = true;
    sendRequest(state, ctx, sequence([0], 0.999999), seeker, donor, Origin.individual, Influence.enable, 'via_chance', 0);
    expect(donorOrg.requestsThisMonth).toBe(1);
    expect(formedTies(state, ctx.events)).toHaveLength(1);
    expect(formedTies(state, ctx.events)[0].personA).toBe(-1);
    expect(donorOrg.timeUsed_hours).toBe(p.routineRequest_hours);
  });
});
