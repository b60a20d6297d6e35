import { describe, expect, it } from 'vitest';
import { capability, setKnowledge } from '../../../src/agents/organization.js';
import { Direction, EndReason, Formality, Influence, Mode, Origin, Stage } from '../../../src/model/enums.js';
import { relevance } from '../../../src/model/mechanisms/knowledge.js';
import { supplierPhase } from '../../../src/model/mechanisms/suppliers.js';
import { constant, setStages, withRng, world } from './fixtures.js';

/** Every draw succeeds; pilot visits and user-led groups off unless asked for. */
function setup(overrides: Record<string, number> = {}) {
  const w = world({ pilotVisit_probPerMonth: 0, userLedGroupFormation_probPerMonth: 0, ...overrides });
  for (const org of w.state.orgs) setStages(org, Stage.none);
  return { ...w, ctx0: withRng(w.ctx, { suppliers: constant(0) }) };
}

/** The largest user group and its supplier. */
function largestGroup(state: ReturnType<typeof setup>['state']) {
  const supplier = state.suppliers.filter((s) => s.userGroup >= 0).sort((x, y) => state.communities[y.userGroup].members.length - state.communities[x.userGroup].members.length)[0];
  return { supplier, group: state.communities[supplier.userGroup] };
}

describe('supplierPhase: user-group agendas', () => {
  it('joint specifications by pairs of adopting customers raise userAgenda by gain * openness each', () => {
    const { state, ctx0, params: p } = setup();
    const { supplier, group } = largestGroup(state);
    const adopting = new Set<number>();
    for (const person of group.members.slice(0, 5)) {
      const org = state.orgs[state.people[person].org];
      const d = supplier.domains.find((x) => org.suppliers[x] === supplier.id)!;
      org.stage[d] = Stage.adoption;
      adopting.add(org.id);
    }
    expect(adopting.size).toBe(5);
    const before = group.userAgenda;
    supplierPhase(state, ctx0);
    expect(group.userAgenda).toBeCloseTo(before + 2 * p.jointSpecificationAgenda_gain * p.userGroupOpenness_share, 12);
    expect(group.origin).toBe(Origin.supplier);
  });

  it('no adopting customers, no joint specification', () => {
    const { state, ctx0 } = setup();
    const { group } = largestGroup(state);
    const before = group.userAgenda;
    supplierPhase(state, ctx0);
    expect(group.userAgenda).toBe(before);
  });

  /** Two member customers of the group adopting one of the supplier's modules: one pair, one specification. */
  function onePair(state: ReturnType<typeof setup>['state']) {
    const { supplier, group } = largestGroup(state);
    const orgs = [...new Set(group.members.map((m) => state.people[m].org))].slice(0, 2).map((id) => state.orgs[id]);
    for (const org of orgs) org.stage[supplier.domains.find((d) => org.suppliers[d] === supplier.id)!] = Stage.adoption;
    return group;
  }

  it('past 0.5 the group becomes user-driven: origin provider, influence enable, with an event', () => {
    const { state, ctx0, params: p } = setup();
    const group = onePair(state);
    const gain = p.jointSpecificationAgenda_gain * p.userGroupOpenness_share;
    group.userAgenda = 0.5 - gain / 2;
    ctx0.events.length = 0;
    supplierPhase(state, ctx0);
    expect(group.userAgenda).toBeCloseTo(0.5 + gain / 2, 12);
    expect(group.origin).toBe(Origin.provider);
    expect(group.influence).toBe(Influence.enable);
    expect(ctx0.events.filter((e) => e.what === 'user_group_became_user_driven')).toHaveLength(1);
    state.month += p.userGroupMeetingInterval_months;
    supplierPhase(state, ctx0);
    expect(ctx0.events.filter((e) => e.what === 'user_group_became_user_driven')).toHaveLength(1);
  });

  it('at or below 0.5 the group stays supplier-controlled', () => {
    const { state, ctx0, params: p } = setup();
    const group = onePair(state);
    const gain = p.jointSpecificationAgenda_gain * p.userGroupOpenness_share;
    group.userAgenda = 0.5 - gain * 1.5;
    supplierPhase(state, ctx0);
    expect(group.userAgenda).toBeCloseTo(0.5 - gain / 2, 12);
    expect(group.origin).toBe(Origin.supplier);
    expect(group.influence).toBe(Influence.control);
  });

  it('userAgenda never exceeds 1', () => {
    const { state, ctx0 } = setup({ jointSpecificationAgenda_gain: 1, userGroupOpenness_share: 1 });
    const { supplier, group } = largestGroup(state);
    for (const person of group.members) {
      const org = state.orgs[state.people[person].org];
      for (const d of supplier.domains) if (org.suppliers[d] === supplier.id) org.stage[d] = Stage.adoption;
    }
    supplierPhase(state, ctx0);
    expect(group.userAgenda).toBe(1);
  });

  it('groups meet, and specify, only every userGroupMeetingInterval_months', () => {
    const { state, ctx0, params: p } = setup();
    const { supplier, group } = largestGroup(state);
    for (const person of group.members) {
      const org = state.orgs[state.people[person].org];
      for (const d of supplier.domains) if (org.suppliers[d] === supplier.id) org.stage[d] = Stage.adoption;
    }
    const before = group.userAgenda;
    state.month = group.formed + 1;
    supplierPhase(state, ctx0);
    expect(group.userAgenda).toBe(before);
    state.month = group.formed + p.userGroupMeetingInterval_months;
    supplierPhase(state, ctx0);
    expect(group.userAgenda).toBeGreaterThan(before);
  });
});

describe('supplierPhase: pilot visits', () => {
  /** Organization 0 procures in the imaging domain; the reference site is the most capable other customer. */
  function visit(overrides: Record<string, number> = {}) {
    const w = setup({ pilotVisit_probPerMonth: 1, ...overrides });
    const d = 2; // imaging
    const buyer = w.state.orgs[0];
    buyer.stage[d] = Stage.procurement;
    buyer.absorptive = 0.5;
    const a = w.params.codifiedWeight_exponent;
    setKnowledge(buyer, d, 0.1, 0.1, a);
    const customers = w.state.orgs.filter((o) => o.id !== buyer.id && o.suppliers[d] === buyer.suppliers[d]);
    const reference = customers.reduce((best, o) => (capability(o, d) > capability(best, d) ? o : best));
    return { ...w, d, buyer, reference, a };
  }

  it('is a one-off informal relationship of supplier origin with influence control, from the most capable customer', () => {
    const { state, ctx0, d, buyer, reference } = visit({ supplierBrokerage_prob: 0 });
    supplierPhase(state, ctx0);
    const visits = state.ties.filter((t) => t.mode === Mode.pilotVisit);
    expect(visits).toHaveLength(1);
    const v = visits[0];
    expect(v.formality).toBe(Formality.informal);
    expect(v.origin).toBe(Origin.supplier);
    expect(v.influence).toBe(Influence.control);
    expect(v.direction).toBe(Direction.oneWay);
    expect(v.endReason).toBe(EndReason.oneOff);
    expect(v.ended).toBe(state.month);
    expect(v.orgA).toBe(reference.id);
    expect(v.orgB).toBe(buyer.id);
    expect(v.domain).toBe(d);
  });

  it('moves a shallow share (pilotVisitDepth_share) of tacit know-how and costs the reference site time', () => {
    const { state, ctx0, params: p, d, buyer, reference } = visit({ supplierBrokerage_prob: 0 });
    const gap = reference.tacit[d] - 0.1;
    supplierPhase(state, ctx0);
    expect(buyer.tacit[d]).toBeCloseTo(0.1 + p.tacitTransfer_rate * p.pilotVisitDepth_share * 0.5 * relevance(p, reference, buyer, d) * gap, 12);
    expect(reference.timeUsed_hours).toBe(p.requestHandling_hours);
  });

  it('no visits for organizations not in procurement', () => {
    const { state, ctx0, d, buyer } = visit();
    buyer.stage[d] = Stage.adoption;
    supplierPhase(state, ctx0);
    expect(state.ties.filter((t) => t.mode === Mode.pilotVisit)).toHaveLength(0);
  });

  it('can leave a brokered personal contact of supplier origin', () => {
    const { state, ctx0, buyer, reference } = visit({ supplierBrokerage_prob: 1, willingnessIntercept_logit: 10 });
    ctx0.events.length = 0;
    supplierPhase(state, ctx0);
    const brokered = state.ties.filter((t) => t.mode === Mode.directContact);
    expect(brokered).toHaveLength(1);
    expect(brokered[0].origin).toBe(Origin.supplier);
    expect(brokered[0].influence).toBe(Influence.trigger);
    expect(brokered[0].formality).toBe(Formality.informal);
    expect(brokered[0].orgA).toBe(reference.id);
    expect(brokered[0].orgB).toBe(buyer.id);
    expect(brokered[0].ended).toBe(-1);
    expect(ctx0.events.some((e) => e.detail === 'brokered_by_supplier')).toBe(true);
  });
});

describe('supplierPhase: user-led groups', () => {
  it('enough adopters of one supplier\'s module with no group of their own set one up: a provider-origin community of practice', () => {
    const { state, ctx0, params: p } = setup({ userLedGroupFormation_probPerMonth: 1 });
    const d = 2;
    const supplier = state.orgs[0].suppliers[d];
    const adopters = state.orgs.filter((o) => o.suppliers[d] === supplier).slice(0, p.userLedGroupMinCustomers_count);
    expect(adopters).toHaveLength(p.userLedGroupMinCustomers_count);
    for (const o of adopters) o.stage[d] = Stage.adoption;
    const before = state.communities.length;
    supplierPhase(state, ctx0);
    const formed = state.communities.slice(before);
    expect(formed).toHaveLength(1);
    const g = formed[0];
    expect(g.mode).toBe(Mode.communityOfPractice);
    expect(g.origin).toBe(Origin.provider);
    expect(g.supplier).toBe(supplier);
    expect(g.domain).toBe(d);
    expect(g.members).toHaveLength(adopters.length);
    // Not a second time.
    supplierPhase(state, ctx0);
    expect(state.communities).toHaveLength(before + 1);
  });

  it('fewer adopters than userLedGroupMinCustomers_count set up nothing', () => {
    const { state, ctx0, params: p } = setup({ userLedGroupFormation_probPerMonth: 1 });
    const d = 2;
    const supplier = state.orgs[0].suppliers[d];
    for (const o of state.orgs.filter((x) => x.suppliers[d] === supplier).slice(0, p.userLedGroupMinCustomers_count - 1)) o.stage[d] = Stage.adoption;
    const before = state.communities.length;
    supplierPhase(state, ctx0);
    expect(state.communities).toHaveLength(before);
  });
});
