import { describe, expect, it } from 'vitest';
import { capability, setKnowledge } from '../../../src/agents/organization.js';
import { Direction, EndReason, Formality, Influence, Mode, Origin, Stage } from '../../../src/model/enums.js';
import { relevance } from '../../../src/model/mechanisms/knowledge.js';
import { IntList } from '../../../src/model/intList.js';
import { SUPPLIER_AGENDA_BELOW, supplierPhase, userGroupAgenda, userGroupStake } from '../../../src/model/mechanisms/suppliers.js';
import { constant, setStages, withRng, world, formedTies } from './fixtures.js';

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

describe('userGroupAgenda: agendas move both ways at meetings', () => {
  /** Marks the first k member organizations as adopting one of the supplier's modules. */
  function adopting(state: ReturnType<typeof setup>['state'], k: number) {
    const { supplier, group } = largestGroup(state);
    const orgs = [...new Set(group.members.map((m) => state.people[m].org))].slice(0, k).map((id) => state.orgs[id]);
    for (const org of orgs) org.stage[supplier.domains.find((d) => org.suppliers[d] === supplier.id)!] = Stage.adoption;
    const people = group.members.filter((m) => orgs.includes(state.orgs[state.people[m].org]));
    return { supplier, group, people };
  }
  const held = (p: ReturnType<typeof setup>['params'], participation: number) => p.userGroupInitialUserAgenda_share + (1 - p.userGroupInitialUserAgenda_share) * p.userGroupOpenness_share * participation;

  it('each joint specification of a pair of attending adopters closes gain * openness of the distance to 1, then the supplier pulls towards what attendance holds', () => {
    const { state, ctx0, params: p } = setup({ supplierAgendaPull_share: 0 });
    const { group, people } = adopting(state, 5);
    const u0 = group.userAgenda;
    userGroupAgenda(state, ctx0, group, IntList.of(people));
    const g = p.jointSpecificationAgenda_gain * p.userGroupOpenness_share;
    const once = u0 + g * (1 - u0);
    expect(group.userAgenda).toBeCloseTo(once + g * (1 - once), 12);
  });

  it('absent adopters write no specification: only attending members count', () => {
    const { state, ctx0 } = setup({ supplierAgendaPull_share: 0 });
    const { group } = adopting(state, 5);
    const others = group.members.filter((m) => state.orgs[state.people[m].org].stage.every((x) => x === Stage.none));
    const before = group.userAgenda;
    userGroupAgenda(state, ctx0, group, IntList.of(others));
    expect(group.userAgenda).toBe(before);
  });

  it('with no specification the agenda moves pull * (held - u): down when few attend, up when many do', () => {
    const { state, ctx0, params: p } = setup();
    const { group } = largestGroup(state);
    group.userAgenda = 0.8;
    userGroupAgenda(state, ctx0, group, IntList.of([]));
    expect(group.userAgenda).toBeCloseTo(0.8 - p.supplierAgendaPull_share * (0.8 - held(p, 0)), 12);
    const low = p.userGroupInitialUserAgenda_share;
    group.userAgenda = low;
    userGroupAgenda(state, ctx0, group, IntList.of(group.members));
    expect(group.userAgenda).toBeCloseTo(low + p.supplierAgendaPull_share * (held(p, 1) - low), 12);
  });

  it('past 0.5 the group becomes user-driven, and below 0.45 it is back under the supplier, each with an event', () => {
    const { state, ctx0 } = setup({ supplierAgendaPull_share: 0 });
    const { group, people } = adopting(state, 2);
    group.userAgenda = 0.499;
    ctx0.events.clear();
    userGroupAgenda(state, ctx0, group, IntList.of(people));
    expect(group.userAgenda).toBeGreaterThan(0.5);
    expect(group.origin).toBe(Origin.provider);
    expect(group.influence).toBe(Influence.enable);
    expect(ctx0.events.toArray().filter((e) => e.what === 'user_group_became_user_driven')).toHaveLength(1);
    group.userAgenda = 0.47;
    userGroupAgenda(state, { ...ctx0, params: { ...ctx0.params, jointSpecification_prob: 0 } }, group, IntList.of([]));
    expect(group.origin).toBe(Origin.provider);
    group.userAgenda = SUPPLIER_AGENDA_BELOW - 0.01;
    userGroupAgenda(state, { ...ctx0, params: { ...ctx0.params, jointSpecification_prob: 0 } }, group, IntList.of([]));
    expect(group.origin).toBe(Origin.supplier);
    expect(group.influence).toBe(Influence.control);
    expect(ctx0.events.toArray().filter((e) => e.what === 'user_group_back_to_supplier_agenda')).toHaveLength(1);
  });

  it('userAgenda stays within 0 and 1', () => {
    const { state, ctx0 } = setup({ jointSpecificationAgenda_gain: 1, userGroupOpenness_share: 1 });
    const { group, people } = adopting(state, 10);
    userGroupAgenda(state, ctx0, group, IntList.of(people));
    expect(group.userAgenda).toBeLessThanOrEqual(1);
    expect(group.userAgenda).toBeGreaterThan(0.9);
  });

  it('stake: organizations using or procuring the supplier\'s modules have one, others not', () => {
    const { state } = setup();
    const { supplier, group } = largestGroup(state);
    const org = state.orgs[state.people[group.members[0]].org];
    expect(userGroupStake(supplier, org)).toBe(false);
    org.stage[supplier.domains.find((d) => org.suppliers[d] === supplier.id)!] = Stage.optimization;
    expect(userGroupStake(supplier, org)).toBe(true);
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
    const visits = formedTies(state, ctx0.events).filter((t) => t.mode === Mode.pilotVisit);
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
    expect(formedTies(state, ctx0.events).filter((t) => t.mode === Mode.pilotVisit)).toHaveLength(0);
  });

  it('can leave a brokered personal contact of supplier origin', () => {
    const { state, ctx0, buyer, reference } = visit({ supplierBrokerage_prob: 1, willingnessIntercept_logit: 10 });
    ctx0.events.clear();
    supplierPhase(state, ctx0);
    const brokered = formedTies(state, ctx0.events).filter((t) => t.mode === Mode.directContact);
    expect(brokered).toHaveLength(1);
    expect(brokered[0].origin).toBe(Origin.supplier);
    expect(brokered[0].influence).toBe(Influence.trigger);
    expect(brokered[0].formality).toBe(Formality.informal);
    expect(brokered[0].orgA).toBe(reference.id);
    expect(brokered[0].orgB).toBe(buyer.id);
    expect(brokered[0].ended).toBe(-1);
    expect(ctx0.events.toArray().some((e) => e.detail === 'brokered_by_supplier')).toBe(true);
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
